import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { truncateAtWord } from '../../../platform/text.js';
import { formatDuration } from '../core/duration.js';
import { displayMotion } from '../core/motion.js';
import { computeStanceShift } from '../core/stances.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { MemberDebateStats } from '../storage/moderation-repository.js';
import type { DebateNumbers, ServerDebates } from '../use-cases/debate-stats.js';
import { debateColours, type EmbedContent, plural, renderStanceShift } from './render.js';

/** `/debate stats`: a member's debate record, one debate's numbers, or the server's debates. */

export function renderMemberRecord(
  userId: string,
  stats: MemberDebateStats,
  showWarnings: boolean,
): EmbedContent {
  const fields = [
    { name: 'Debates', value: String(stats.debates), inline: true },
    { name: 'Messages in debates', value: String(stats.messages), inline: true },
    { name: '"Changed my view" received', value: String(stats.creditsReceived), inline: true },
    { name: '"Changed my view" given', value: String(stats.creditsGiven), inline: true },
  ];
  if (showWarnings) fields.push({ name: 'Warnings', value: String(stats.warnings), inline: true });
  return {
    title: 'Debate record',
    description: `<@${userId}> in this server`,
    color: debateColours.open,
    fields,
  };
}

export function renderDebateNumbers(
  debate: DebateRecord,
  numbers: DebateNumbers,
  moderator: boolean,
): EmbedContent {
  const { stances, credits } = numbers;
  const posters = new Set(numbers.messages.map((tally) => tally.userId));
  const messages = numbers.messages.reduce((sum, tally) => sum + tally.count, 0);
  const timing =
    debate.status === 'open'
      ? `Open until ${discordTimestamp(debate.closesAt, 'F')} (${discordTimestamp(debate.closesAt, 'R')}).`
      : `Closed${debate.closedAt === null ? '' : ` on ${discordTimestamp(debate.closedAt, 'F')}`} after ${formatDuration((debate.closedAt ?? debate.closesAt) - debate.startedAt)}.`;
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
      value: `${plural(numbers.warnings, 'warning')} · ${plural(numbers.reports, 'report')}`,
    });
    if (debate.fault !== null)
      fields.push({
        name: 'Problem',
        value: truncateAtWord(
          debate.faultAt === null
            ? debate.fault
            : `${discordTimestamp(debate.faultAt, 'f')}: ${debate.fault}`,
          1000,
        ),
      });
  }
  return {
    title: `Debate ${debate.id}`,
    description: `**Motion:** ${displayMotion(debate.motion)}\n${timing}`,
    color: debate.status === 'open' ? debateColours.open : debateColours.closed,
    fields,
  };
}

export function renderServerDebates(server: ServerDebates): EmbedContent {
  const { counts, open, topCredited: top, faulted } = server;
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
  if (faulted !== undefined) {
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
