import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { ChatInputCommand, CommandAudience, ComponentRoute, ModalRoute } from './command.js';
import { UserError } from './errors.js';

/** One subcommand in a file of its own: its definition, who it is for, its handlers and its routes. */
export interface Subcommand<Context, Input = undefined> {
  data: SlashCommandSubcommandBuilder;
  audience: CommandAudience;
  /** One line for `/help`. */
  help: string;
  /** Minimum seconds between two public uses by one member. */
  cooldownSeconds?: number;
  /** Checks the input before the cooldown, as {@link ChatInputCommand.prepare}; its result goes to `execute`. */
  prepare?(interaction: ChatInputCommandInteraction, context: Context): Input | Promise<Input>;
  execute(interaction: ChatInputCommandInteraction, context: Context, input: Input): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, context: Context): Promise<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  components?: readonly ComponentRoute<any, Context>[];
  // biome-ignore lint/suspicious/noExplicitAny: routes carry their own argument types
  modals?: readonly ModalRoute<any, Context>[];
}

export interface CommandWithSubcommands<Context> {
  /** The top-level command (name, description, contexts); the subcommands are added to it. */
  data: SlashCommandBuilder;
  audience: CommandAudience;
  help: string;
  subcommands: readonly Subcommand<Context, unknown>[];
}

/**
 * A slash command made of subcommand files: its definition, `/help` entries, cooldowns and routes are
 * all read from the subcommands, and each use is dispatched to its subcommand by name.
 */
export function defineCommandWithSubcommands<Context>(
  definition: CommandWithSubcommands<Context>,
): ChatInputCommand<Context, unknown> {
  const byName = new Map(definition.subcommands.map((subcommand) => [subcommand.data.name, subcommand]));
  for (const subcommand of definition.subcommands) definition.data.addSubcommand(subcommand.data);
  const name = definition.data.name;

  function subcommandOf(subcommandName: string): Subcommand<Context, unknown> {
    const subcommand = byName.get(subcommandName);
    if (subcommand === undefined)
      throw new UserError(
        `\`/${name} ${subcommandName}\` is no longer available. It may take a minute for Discord to refresh the command list.`,
      );
    return subcommand;
  }

  const cooldowns = Object.fromEntries(
    definition.subcommands.flatMap((subcommand) =>
      subcommand.cooldownSeconds === undefined ? [] : [[subcommand.data.name, subcommand.cooldownSeconds]],
    ),
  );

  return {
    kind: 'chat-input',
    data: definition.data.toJSON(),
    audience: definition.audience,
    help: definition.help,
    subcommands: Object.fromEntries(
      definition.subcommands.map((subcommand) => [
        subcommand.data.name,
        { audience: subcommand.audience, help: subcommand.help },
      ]),
    ),
    ...(Object.keys(cooldowns).length === 0 ? {} : { cooldownSeconds: cooldowns }),
    components: definition.subcommands.flatMap((subcommand) => subcommand.components ?? []),
    modals: definition.subcommands.flatMap((subcommand) => subcommand.modals ?? []),
    async autocomplete(interaction, context) {
      await subcommandOf(interaction.options.getSubcommand()).autocomplete?.(interaction, context);
    },
    async prepare(interaction, context) {
      return await subcommandOf(interaction.options.getSubcommand()).prepare?.(interaction, context);
    },
    async execute(interaction, context, input) {
      await subcommandOf(interaction.options.getSubcommand()).execute(interaction, context, input);
    },
  };
}
