import { AttachmentBuilder, MessageFlags } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import { serverSubcommand, subcommandData } from './shared.js';

export const exportSubcommand = serverSubcommand(
  subcommandData('export', 'Admins: download the server’s quiz scores as CSV'),
  'admins',
  async (interaction, context) => {
    const outcome = context.quiz.exportScores(interaction.guildId);
    if (outcome.kind === 'empty') throw new UserError('There are no quiz scores in this server yet.');
    await interaction.reply({
      content: outcome.export.summary,
      files: outcome.export.files.map(
        (file) => new AttachmentBuilder(Buffer.from(file.text, 'utf8'), { name: file.name }),
      ),
      flags: MessageFlags.Ephemeral,
    });
  },
);
