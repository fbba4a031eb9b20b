import { type ChatInputCommandInteraction, MessageFlags, SlashCommandSubcommandBuilder } from 'discord.js';
import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { truncateAtWord } from '../../../platform/text.js';
import { formatDuration } from '../core/duration.js';
import { displayMotion } from '../core/motion.js';
import { computeStanceShift } from '../core/stances.js';
import type { DebateContext } from '../discord/context.js';
import { debateColours, type EmbedContent, renderStanceShift } from '../messages/render.js';
import type { DebateRecord } from '../storage/repository.js';
import { findDebateHere, isModerator, requireGuild } from './guards.js';

function plural(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}

function memberStats(
  interaction: ChatInputCommandInteraction,
  context: DebateContext,
  userId: string,
): EmbedContent {
  const stats = context.debate.moderation.memberStats(interaction.guildId ?? '', userId);
  const fields = [
    { name: 'Debates', value: String(stats.debates), inline: true },
    { name: 'Messages in debates', value: String(stats.messages), inline: true },
    { name: '"Changed my view" received', value: String(stats.creditsReceived), inline: true },
    { name: '"Changed my view" given', value: String(stats.creditsGiven), inline: true },
  ];
  if (isModerator(interaction) || userId === interaction.user.id)
    fields.push({ name: 'Warnings', value: String(stats.warnings), inline: true });
  return {
    title: 'Debate record',
    description: `<@${userId}> in this server`,
    color: debateColours.open,
    fields,
  };
}

function debateStats(
  interaction: ChatInputCommandInteraction,
  context: DebateContext,
  debate: DebateRecord,
): EmbedContent {
  const { debates, moderation } = context.debate;
  const stances = debates.listStances(debate.id);
  const tallies = debates.listMessageTallies(debate.id);
  const posters = new Set(tallies.map((tally) => tally.userId));
  const messages = tallies.reduce((sum, tally) => sum + tally.count, 0);
  const credits = moderation.listCreditTallies(debate.id);
  const moderator = isModerator(interaction);
  const timing =
    debate.status === 'open'
      ? `Open; closes ${discordTimestamp(debate.closesAt, 'F')} (${discordTimestamp(debate.closesAt, 'R')}).`
      : `Closed ${debate.closedAt === null ? '' : discordTimestamp(debate.closedAt, 'F')} after ${formatDuration((debate.closedAt ?? debate.closesAt) - debate.startedAt)}.`;
  const fields: NonNullable<EmbedContent['fields']> = [
    {
      name: 'Taking part',
      value: `${plural(stances.length, 'stance')} · ${plural(posters.size, 'member')} posted · ${plural(messages, 'message')}`,
    },
    {
      name: '"Changed my view"',
      value:
        credits.length === 0
          ? 'No message credited yet.'
          : credits
              .slice(0, 3)
              .map((credit) => `<@${credit.authorId}>: ${plural(credit.credits, 'credit')}`)
              .join('\n'),
    },
  ];
  if (debate.status === 'closed' || moderator)
    fields.push({
      name: debate.status === 'closed' ? 'How the room moved' : 'Stances so far (moderators only)',
      value: renderStanceShift(computeStanceShift(stances)),
    });
  if (moderator) {
    fields.push({
      name: 'Moderation',
      value: `${plural(moderation.countWarnings(debate.id), 'warning')} · ${plural(moderation.countReports(debate.id), 'report')}`,
    });
    if (debate.fault !== null)
      fields.push({
        name: 'Problem',
        value: truncateAtWord(`${debate.fault} (${discordTimestamp(debate.faultAt ?? 0, 'f')})`, 1000),
      });
  }
  return {
    title: `Debate ${debate.id}`,
    description: `**Motion:** ${displayMotion(debate.motion)}\n${timing}`,
    color: debate.status === 'open' ? debateColours.open : debateColours.closed,
    fields,
  };
}

function serverStats(
  interaction: ChatInputCommandInteraction,
  context: DebateContext,
  guildId: string,
): EmbedContent {
  const { debates, moderation } = context.debate;
  const counts = debates.countByGuild(guildId);
  const open = debates.listOpen(guildId).slice(0, 10);
  const top = moderation.topCreditedMembers(guildId, 5);
  const fields: NonNullable<EmbedContent['fields']> = [
    {
      name: `Open debates (${counts.open})`,
      value:
        open.length === 0
          ? 'None right now.'
          : open
              .map((debate) => `<#${debate.threadId}>: closes ${discordTimestamp(debate.closesAt, 'R')}`)
              .join('\n'),
    },
    {
      name: 'Most "changed my view" credits',
      value:
        top.length === 0
          ? 'Nobody has been credited yet.'
          : top
              .map((entry, index) => `${index + 1}. <@${entry.userId}>: ${plural(entry.credits, 'credit')}`)
              .join('\n'),
    },
  ];
  if (isModerator(interaction)) {
    const faulted = debates.listFaulted(guildId, 5);
    fields.push({
      name: 'Debates with problems (moderators only)',
      value:
        faulted.length === 0
          ? 'None.'
          : truncateAtWord(
              faulted
                .map((debate) => `Debate ${debate.id} (<#${debate.threadId}>): ${debate.fault}`)
                .join('\n'),
              1000,
            ),
    });
  }
  return {
    title: 'Debates in this server',
    description: `${plural(counts.total, 'debate')} so far.`,
    color: debateColours.open,
    fields,
  };
}

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
    const embed = member
      ? memberStats(interaction, context, member.id)
      : debate
        ? debateStats(interaction, context, debate)
        : serverStats(interaction, context, guild.id);
    await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
  },
};
