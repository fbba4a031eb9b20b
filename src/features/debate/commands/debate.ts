import { SlashCommandBuilder } from 'discord.js';
import { defineCommandWithSubcommands } from '../../../platform/router/subcommands.js';
import type { DebateContext } from '../discord/context.js';
import { promptSubcommand } from './prompt.js';
import { debateThreadSubcommands } from './threads.js';

export default defineCommandWithSubcommands<DebateContext>({
  data: new SlashCommandBuilder()
    .setName('debate')
    .setDescription('Debate prompts from the story packs, and moderated debate threads'),
  audience: 'everyone',
  help: 'Debate prompts to start a discussion, and moderated debate threads.',
  subcommands: [promptSubcommand, ...debateThreadSubcommands],
});
