import {
  type BaseInteraction,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { requireGuild } from '../../../platform/discord/guards.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import type { QuizContext } from '../discord/context.js';
import type { Unconfigured } from '../use-cases/read-config.js';

/** The quiz's interactions come from a server the bot has cached. */
export function requireQuizServer<T extends BaseInteraction>(interaction: T) {
  return requireGuild(interaction, 'The daily quiz works inside a server, not in direct messages.');
}

export function hasManageServer(interaction: ChatInputCommandInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

function requireManageServer(interaction: ChatInputCommandInteraction, subcommand: string): void {
  if (!hasManageServer(interaction))
    throw new UserError(`Only members with the Manage Server permission can use \`/quiz ${subcommand}\`.`);
}

/** Refuses for a server whose quiz is not set up, or whose stored settings are damaged. */
export function requireConfigured<Outcome extends { kind: string }>(
  outcome: Outcome | Unconfigured,
): Exclude<Outcome, Unconfigured> {
  if (outcome.kind === 'invalid')
    throw new UserError(
      'The stored quiz settings of this server are damaged and are being ignored. An admin can run `/quiz setup` again to fix them.',
    );
  if (outcome.kind === 'none')
    throw new UserError(
      'The daily quiz is not set up in this server yet. An admin can start it with `/quiz setup`.',
    );
  return outcome as Exclude<Outcome, Unconfigured>;
}

/** A subcommand's name and description, the description being its `/help` line too. */
export function subcommandData(name: string, description: string): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder().setName(name).setDescription(description);
}

/** A `/quiz` subcommand every member may use; its description is its `/help` line too. */
export function quizSubcommand(
  data: SlashCommandSubcommandBuilder,
  handlers: Pick<Subcommand<QuizContext>, 'execute' | 'autocomplete' | 'components'>,
): Subcommand<QuizContext> {
  return { data, audience: 'everyone', help: data.description, ...handlers };
}

const adminPrefix = 'Admins: ';

/**
 * The `/help` line of an admin subcommand: `/help` lists it under its admins' section, so the
 * "Admins:" that Discord's command picker shows every member is dropped.
 */
function adminHelp(description: string): string {
  const help = description.startsWith(adminPrefix) ? description.slice(adminPrefix.length) : description;
  return `${help.charAt(0).toUpperCase()}${help.slice(1)}`;
}

/** A `/quiz` use from a server, once the guards let it through. */
export type ServerCommand = ChatInputCommandInteraction & BaseInteraction<'cached'>;

/**
 * A `/quiz` subcommand that works only in a server: `admins` ones also need Manage Server, checked on
 * every use whatever the command permissions say, and `/help` lists them only to members who have it.
 */
export function serverSubcommand(
  data: SlashCommandSubcommandBuilder,
  who: 'members' | 'admins',
  run: (interaction: ServerCommand, context: QuizContext) => Promise<void>,
  handlers: Pick<Subcommand<QuizContext>, 'autocomplete'> = {},
): Subcommand<QuizContext> {
  return {
    data,
    audience: who === 'admins' ? 'admin' : 'everyone',
    help: who === 'admins' ? adminHelp(data.description) : data.description,
    ...handlers,
    execute(interaction, context) {
      const guarded = requireQuizServer(interaction);
      if (who === 'admins') requireManageServer(interaction, data.name);
      return run(guarded, context);
    },
  };
}
