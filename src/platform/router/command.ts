import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { z } from 'zod';
import type { BotContext } from '../../app/context.js';

/** Who a command is meant for; `/help` lists a command only to members who can use it. */
export type CommandAudience = 'everyone' | 'moderator' | 'admin';

/** A button or select menu route: `rt1:<feature>:<action>:<args...>` dispatches to `handle`. */
export interface ComponentRoute<Args = unknown> {
  feature: string;
  action: string;
  /** Parses the id's arguments; a failure is answered as a malformed id. */
  args: z.ZodType<Args>;
  handle(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    args: Args,
    context: BotContext,
  ): Promise<unknown>;
}

/** A modal submit route, same id scheme as components. */
export interface ModalRoute<Args = unknown> {
  feature: string;
  action: string;
  args: z.ZodType<Args>;
  handle(interaction: ModalSubmitInteraction, args: Args, context: BotContext): Promise<unknown>;
}

interface CommandBase {
  audience: CommandAudience;
  /** One line for `/help`. */
  help: string;
  /**
   * For commands whose subcommands differ in who may use them: each subcommand's audience and help line,
   * by subcommand name. `/help` then lists each subcommand to the members who can use it.
   */
  subcommands?: Readonly<Record<string, { audience: CommandAudience; help: string }>>;
  /**
   * Minimum seconds between two public uses by one member, for commands that post publicly: one number for
   * the whole command, or per subcommand (subcommands not listed have none).
   */
  cooldownSeconds?: number | Readonly<Record<string, number>>;
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  components?: readonly ComponentRoute<any>[];
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  modals?: readonly ModalRoute<any>[];
}

/** A slash command: its definition and its handlers, in one file. */
export interface ChatInputCommand extends CommandBase {
  kind: 'chat-input';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<unknown>;
}

/** A message context-menu command ("Apps" menu on a message). */
export interface MessageCommand extends CommandBase {
  kind: 'message';
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<unknown>;
}

export type Command = ChatInputCommand | MessageCommand;

/** Identity helper that keeps a route's argument type. */
export function defineComponent<Args>(route: ComponentRoute<Args>): ComponentRoute<Args> {
  return route;
}

export function defineModal<Args>(route: ModalRoute<Args>): ModalRoute<Args> {
  return route;
}
