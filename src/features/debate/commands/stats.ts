import { MessageFlags, SlashCommandSubcommandBuilder } from 'discord.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import type { DebateContext } from '../discord/context.js';
import { renderDebateNumbers, renderMemberRecord, renderServerDebates } from '../messages/stats.js';
import { findDebateHere, isModerator, requireGuild } from './guards.js';

export const statsSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('stats')
    .setDescription("This debate's numbers, a member's debate record, or the server's debates")
    .addUserOption((option) => option.setName('member').setDescription("Show this member's debate record")),
  audience: 'everyone',
  help: 'Numbers for this debate, a member\'s record ("changed my view" credits) or the server\'s debates.',
  async execute(interaction, context) {
    const guild = requireGuild(interaction);
    const member = interaction.options.getUser('member');
    const debate = findDebateHere(interaction, context);
    const moderator = isModerator(interaction);
    const embed = member
      ? renderMemberRecord(
          member.id,
          context.debate.memberRecord(guild.id, member.id),
          moderator || member.id === interaction.user.id,
        )
      : debate
        ? renderDebateNumbers(debate, context.debate.debateNumbers(debate.id), moderator)
        : renderServerDebates(context.debate.serverDebates(guild.id, moderator));
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  },
};
