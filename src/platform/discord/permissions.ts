import { PermissionFlagsBits, type PermissionsBitField, type PermissionsString } from 'discord.js';

const labels: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessagesInThreads: 'Send Messages in Threads',
  ManageThreads: 'Manage Threads',
  CreatePublicThreads: 'Create Public Threads',
  EmbedLinks: 'Embed Links',
  PinMessages: 'Pin Messages',
  ModerateMembers: 'Timeout Members',
  ReadMessageHistory: 'Read Message History',
};

/** The name Discord's settings show for a permission: `CreatePublicThreads` → `Create Public Threads`. */
export function permissionLabel(name: PermissionsString): string {
  return labels[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2');
}

export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What the bot needs to post in a mod-log channel. */
export const modLogPermissions = [
  'ViewChannel',
  'SendMessages',
] as const satisfies readonly PermissionsString[];

export type PermissionCheck =
  | { kind: 'ok' }
  | { kind: 'missing'; names: PermissionsString[]; message: string };

/**
 * Compares what the bot holds in a channel with what it needs and names what is missing:
 * "I need Create Public Threads and Manage Threads in #politics."
 */
export function checkBotPermissions(
  held: Readonly<PermissionsBitField> | null,
  required: readonly PermissionsString[],
  channelId: string,
): PermissionCheck {
  const missing = required.filter((name) => !held?.has(PermissionFlagsBits[name], true));
  if (missing.length === 0) return { kind: 'ok' };
  return {
    kind: 'missing',
    names: missing,
    message: `I need ${listInWords(missing.map(permissionLabel))} in <#${channelId}>. Ask a server admin to grant ${missing.length === 1 ? 'it' : 'them'} to my role there, then try again.`,
  };
}
