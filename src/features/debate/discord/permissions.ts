import type { PermissionsString } from 'discord.js';

/** What the bot needs to run a debate in a channel: make the thread, post, pin and moderate it. */
export const debateStartPermissions = [
  'ViewChannel',
  'SendMessages',
  'CreatePublicThreads',
  'SendMessagesInThreads',
  'ManageThreads',
  'EmbedLinks',
  'PinMessages',
] as const satisfies readonly PermissionsString[];

/** What the bot needs to change a running debate's thread. */
export const debateManagePermissions = [
  'ViewChannel',
  'SendMessagesInThreads',
  'ManageThreads',
  'EmbedLinks',
] as const satisfies readonly PermissionsString[];
