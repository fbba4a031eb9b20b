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

/** Who a command is meant for; `/help` lists a command only to members who can use it. */
export type CommandAudience = 'everyone' | 'moderator' | 'admin';

/** A button or select menu route: `rt1:<feature>:<action>:<args...>` dispatches to `handle`. */
export interface ComponentRoute<Args = unknown, Context = never> {
  feature: string;
  action: string;
  /** Parses the id's arguments; a failure is answered as a malformed id. */
  args: z.ZodType<Args>;
  handle(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    args: Args,
    context: Context,
  ): Promise<unknown>;
}

/** A modal submit route, same id scheme as components. */
export interface ModalRoute<Args = unknown, Context = never> {
  feature: string;
  action: string;
  args: z.ZodType<Args>;
  handle(interaction: ModalSubmitInteraction, args: Args, context: Context): Promise<unknown>;
}

interface CommandBase<Context> {
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
  components?: readonly ComponentRoute<any, Context>[];
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  modals?: readonly ModalRoute<any, Context>[];
}

/**
 * A slash command: its definition and its handlers, in one file. `prepare`, when present, checks the
 * member's input before the cooldown is looked at: a `UserError` it throws refuses the use without
 * being refused by, or using up, the cooldown. What it returns is handed to `execute`.
 */
export interface ChatInputCommand<Context = never, Input = undefined> extends CommandBase<Context> {
  kind: 'chat-input';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  prepare?(interaction: ChatInputCommandInteraction, context: Context): Input | Promise<Input>;
  execute(interaction: ChatInputCommandInteraction, context: Context, input: Input): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, context: Context): Promise<unknown>;
}

/** A message context-menu command ("Apps" menu on a message). */
export interface MessageCommand<Context = never> extends CommandBase<Context> {
  kind: 'message';
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, context: Context): Promise<unknown>;
}

/**
 * A command and its handlers, generic over the context its feature needs; the app's context satisfies
 * every feature's, so one list holds them all.
 */
export type Command<Context = never> = ChatInputCommand<Context, unknown> | MessageCommand<Context>;

/** Identity helper that keeps a route's argument type. */
export function defineComponent<Args, Context>(
  route: ComponentRoute<Args, Context>,
): ComponentRoute<Args, Context> {
  return route;
}

export function defineModal<Args, Context>(route: ModalRoute<Args, Context>): ModalRoute<Args, Context> {
  return route;
}
