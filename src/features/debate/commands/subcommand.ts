import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { BotContext } from '../../../app/context.js';
import type { CommandAudience, ComponentRoute, ModalRoute } from '../../../platform/router/command.js';

/** One `/debate` subcommand: its definition, who it is for, its handlers and its button and modal routes. */
export interface DebateSubcommand {
  data: SlashCommandSubcommandBuilder;
  audience: CommandAudience;
  /** One line for `/help`. */
  help: string;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  components?: readonly ComponentRoute<any>[];
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  modals?: readonly ModalRoute<any>[];
}
