import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Guild,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type PermissionsString,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { requireGuild as requireServer } from '../../../platform/discord/guards.js';
import { checkBotPermissions } from '../../../platform/discord/permissions.js';
import { UserError } from '../../../platform/router/errors.js';
import type { DebateContext } from '../discord/context.js';
import { debateClosedMessage, modLogHintMessage } from '../messages/replies.js';
import type { DebateRecord } from '../storage/debate-record.js';

type GuildInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction
  | MessageContextMenuCommandInteraction;

/** The server a debate interaction comes from, through the platform's one guild guard. */
export function requireGuild(interaction: GuildInteraction): Guild {
  return requireServer(interaction, 'Debates run in servers. Use this in a server channel.').guild;
}

/**
 * Moderator actions need Manage Threads in this channel, checked now whatever the command
 * permissions say (server admins can override those).
 */
export function requireModerator(interaction: GuildInteraction, action: string): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageThreads)) {
    throw new UserError(`Only moderators (Manage Threads in this channel) can ${action}.`);
  }
}

/**
 * Refuses unless the member can see this channel and its history (Discord computes the member's
 * permissions for the interaction's channel): a crafted modal submit must not reach a hidden channel.
 */
export function requireMemberCanRead(interaction: GuildInteraction, action: string): void {
  const permissions = interaction.memberPermissions;
  if (!permissions?.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.ReadMessageHistory]))
    throw new UserError(`You cannot read this channel, so you cannot ${action} here.`);
}

export function isModerator(interaction: GuildInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageThreads) ?? false;
}

/** The debate of the thread this interaction came from, in this server. */
export function findDebateHere(
  interaction: GuildInteraction,
  context: DebateContext,
): DebateRecord | undefined {
  return context.debate.inThread(interaction.guildId, interaction.channelId);
}

export function requireDebateThread(interaction: GuildInteraction, context: DebateContext): DebateRecord {
  const debate = findDebateHere(interaction, context);
  if (!debate) throw new UserError('Use this inside a debate thread (one started with `/debate start`).');
  return debate;
}

/** A moderator's action in a debate thread: in a server, by a moderator, in a debate thread, checked in that order. */
export function requireModeratorInDebate(
  interaction: GuildInteraction,
  context: DebateContext,
  action: string,
): DebateRecord {
  requireGuild(interaction);
  requireModerator(interaction, action);
  return requireDebateThread(interaction, context);
}

export function requireOpenDebate(debate: DebateRecord): void {
  if (debate.status !== 'open') throw new UserError(debateClosedMessage);
}

/** Refuses, naming what is missing, when the bot lacks a permission in the channel of the interaction. */
export function requireBotPermissions(
  interaction: GuildInteraction,
  required: readonly PermissionsString[],
): void {
  const check = checkBotPermissions(interaction.appPermissions, required, interaction.channelId ?? '');
  if (check.kind === 'missing') throw new UserError(check.message);
}

/** For moderators: where to set the mod log, said once per moderator while none is set. */
export function modLogHint(context: DebateContext, guildId: string, userId: string): string | undefined {
  return context.debate.claimModLogHint(guildId, userId) ? modLogHintMessage : undefined;
}

/** Joins a reply with notes and the one-time mod-log hint. */
export function withNotes(text: string, notes: ReadonlyArray<string | undefined>): string {
  return [text, ...notes.filter((note): note is string => note !== undefined && note.length > 0)].join('\n');
}

/**
 * Defers privately, then answers with what `work` returns; a refusal thrown after the deferral is
 * answered in place of the loading message.
 */
export async function deferThenAnswer(
  interaction: ModalSubmitInteraction | ChatInputCommandInteraction,
  work: () => Promise<string>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let content: string;
  try {
    content = await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    content = error.message;
  }
  await interaction.editReply({ content });
}
