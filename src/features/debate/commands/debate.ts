import { SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { promptSubcommand } from './prompt.js';
import type { DebateSubcommand } from './subcommand.js';
import { debateThreadSubcommands } from './threads.js';

/** Every `/debate` subcommand; each is dispatched by its name. */
const subcommandList: readonly DebateSubcommand[] = [promptSubcommand, ...debateThreadSubcommands];

const subcommands = new Map(subcommandList.map((subcommand) => [subcommand.data.name, subcommand]));

const data = new SlashCommandBuilder()
  .setName('debate')
  .setDescription('Debate prompts from the story packs, and moderated debate threads');
for (const subcommand of subcommandList) data.addSubcommand(subcommand.data);

function subcommandOf(name: string): DebateSubcommand {
  const subcommand = subcommands.get(name);
  if (subcommand === undefined)
    throw new UserError(
      `\`/debate ${name}\` is no longer available. It may take a minute for Discord to refresh the command list.`,
    );
  return subcommand;
}

export default {
  kind: 'chat-input',
  data: data.toJSON(),
  audience: 'everyone',
  help: 'Debate prompts to start a discussion, and moderated debate threads.',
  subcommands: Object.fromEntries(
    subcommandList.map((subcommand) => [
      subcommand.data.name,
      { audience: subcommand.audience, help: subcommand.help },
    ]),
  ),
  cooldownSeconds: { prompt: 5 },
  components: subcommandList.flatMap((subcommand) => subcommand.components ?? []),
  modals: subcommandList.flatMap((subcommand) => subcommand.modals ?? []),
  async autocomplete(interaction, context) {
    await subcommandOf(interaction.options.getSubcommand()).autocomplete?.(interaction, context);
  },
  async execute(interaction, context) {
    await subcommandOf(interaction.options.getSubcommand()).execute(interaction, context);
  },
} satisfies ChatInputCommand;
