import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import type { QuizConfig } from '../core/config.js';
import { localDateAt } from '../core/time.js';
import type { QuizContext } from '../discord/context.js';

type GuildInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

export function requireCachedGuild<T extends GuildInteraction>(interaction: T): T & { guildId: string } {
  if (!interaction.inCachedGuild())
    throw new UserError('The daily quiz works inside a server, not in direct messages.');
  return interaction as T & { guildId: string };
}

export function hasManageServer(interaction: ChatInputCommandInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

export function requireManageServer(interaction: ChatInputCommandInteraction): void {
  if (!hasManageServer(interaction))
    throw new UserError('Only members with the Manage Server permission can change the daily quiz.');
}

export type QuizConfigState =
  | { kind: 'ok'; config: QuizConfig }
  | { kind: 'none' }
  | { kind: 'invalid'; problems: string[] };

export function readQuizConfig(context: QuizContext, guildId: string): QuizConfigState {
  const read = context.quiz.storage.configs.get(guildId);
  if (read.kind === 'invalid') {
    context.logger.warn(
      { guildId, problems: read.problems },
      'stored quiz configuration is invalid; ignored',
    );
    return { kind: 'invalid', problems: read.problems };
  }
  return read;
}

export function requireQuizConfig(context: QuizContext, guildId: string): QuizConfig {
  const state = readQuizConfig(context, guildId);
  if (state.kind === 'ok') return state.config;
  if (state.kind === 'invalid')
    throw new UserError(
      'The stored quiz settings of this server are damaged and are being ignored. An admin can run `/quiz setup` again to fix them.',
    );
  throw new UserError(
    'The daily quiz is not set up in this server yet. An admin can start it with `/quiz setup`.',
  );
}

/** Today's date in the server's quiz time zone (UTC when the quiz is not set up). */
export function serverToday(context: QuizContext, guildId: string | null): string {
  if (guildId === null) return localDateAt(context.clock.now(), 'UTC');
  const state = readQuizConfig(context, guildId);
  return localDateAt(context.clock.now(), state.kind === 'ok' ? state.config.timeZone : 'UTC');
}
