import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { escapeMarkdown, truncateAtWord } from '../../../platform/text.js';
import { formatDuration, formatSlowmode } from '../core/duration.js';
import { displayMotion } from '../core/motion.js';
import { type PlannedRound, roundEndsAt, roundGuidance } from '../core/rounds.js';
import type { StanceShift } from '../core/stances.js';
import type { DebateSummary } from '../core/summary.js';
import { type DebateFormat, type Stance, stanceLabels } from '../core/types.js';
import type { ModerationEntry } from '../storage/moderation-repository.js';
import { asSentence, quoted } from './wording.js';

/** An embed as plain data; discord.js accepts it as is. */
export interface EmbedContent {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export const debateColours = {
  open: 0x7c3aed,
  closed: 0x6b7280,
  round: 0x8b5cf6,
  warning: 0xf59e0b,
} as const;

export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

export function channelLink(guildId: string, channelId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}`;
}

export interface OpeningCardInput {
  id: number;
  motion: string;
  context: string | undefined;
  format: DebateFormat;
  closesAt: number;
  slowmodeSeconds: number;
  rounds: readonly PlannedRound[];
  status: 'open' | 'closed';
  closedAt?: number | undefined;
}

const rules = [
  'Take a stance with the buttons below before you read on; change it whenever an argument moves you. Your first choice is your opening vote.',
  'Argue the point, not the person. Moderators may warn, remove and time out members who do not.',
  'Moved by a message? Open its menu, **Apps → Changed my view**. Breaks the rules? **Apps → Report to moderators**.',
].join('\n');

/**
 * Every reader sees these times in their own time zone, so where midnight falls differs from reader to
 * reader: the end of a round always carries its date, so a round that runs past midnight reads right.
 */
function roundLines(rounds: readonly PlannedRound[], closesAt: number): string {
  return rounds
    .map(
      (round) =>
        `${round.number}. **${round.name}**: ${discordTimestamp(round.startsAt, 'f')} to ${discordTimestamp(roundEndsAt(rounds, round.number, closesAt), 'f')}`,
    )
    .join('\n');
}

/** The pinned card at the top of a debate thread. */
export function renderOpeningCard(input: OpeningCardInput): EmbedContent {
  const description = [`**Motion:** ${displayMotion(input.motion)}`];
  if (input.context) description.push('', truncateAtWord(input.context, 1500));
  const fields: NonNullable<EmbedContent['fields']> = [];
  if (input.status === 'closed') {
    fields.push({
      name: 'Closed',
      value: `${input.closedAt === undefined ? 'This debate has closed.' : `Closed on ${discordTimestamp(input.closedAt, 'F')}.`} The result is posted below.`,
    });
  } else {
    fields.push({
      name: 'Closes',
      value: `${discordTimestamp(input.closesAt, 'F')} (${discordTimestamp(input.closesAt, 'R')})`,
    });
  }
  fields.push({
    name: 'Format',
    value:
      input.format === 'rounds'
        ? `Three timed rounds, announced here:\n${roundLines(input.rounds, input.closesAt)}`
        : 'Open discussion until the close.',
  });
  fields.push({ name: 'Slowmode', value: formatSlowmode(input.slowmodeSeconds), inline: true });
  fields.push({ name: 'How it works', value: rules });
  return {
    title: input.status === 'closed' ? 'Debate (closed)' : 'Debate',
    description: description.join('\n'),
    color: input.status === 'closed' ? debateColours.closed : debateColours.open,
    fields,
    footer: { text: `Debate ${input.id} · Oxford-style: the side that gains the most ground wins` },
  };
}

export function renderRoundAnnouncement(
  round: PlannedRound,
  rounds: readonly PlannedRound[],
  closesAt: number,
): string {
  const endsAt = roundEndsAt(rounds, round.number, closesAt);
  return [
    `**Round ${round.number} of ${rounds.length}: ${round.name}**, until ${discordTimestamp(endsAt, 'f')} (${discordTimestamp(endsAt, 'R')})`,
    roundGuidance[round.number] ?? '',
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

function signedPoints(points: number): string {
  if (points === 0) return '±0';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}`;
}

export function renderStanceShift(shift: StanceShift): string {
  if (shift.result.kind === 'no-stances') return 'Nobody took a stance.';
  const lines = (['for', 'against', 'undecided'] as const satisfies readonly Stance[]).map(
    (stance) =>
      `${stanceLabels[stance]}: ${shift.opening[stance]} → ${shift.closing[stance]} (${signedPoints(shift.gainPoints[stance])} pts)`,
  );
  let verdict: string;
  switch (shift.result.kind) {
    case 'winner':
      verdict = `**${stanceLabels[shift.result.side]} gained the most ground (${signedPoints(shift.result.gainPoints)} points against ${signedPoints(shift.result.otherGainPoints)}) and carries the debate.**`;
      break;
    case 'tie':
      verdict = '**For and Against moved by the same amount: a tie.**';
      break;
    case 'no-movement':
      verdict = '**The room did not move: For and Against ended where they began.**';
      break;
  }
  const changed = `${shift.changedMinds} of ${shift.total} ${shift.total === 1 ? 'member' : 'members'} changed their stance.`;
  return [...lines, changed, verdict].join('\n');
}

export interface SummaryRenderInput {
  debateId: number;
  motion: string;
  guildId: string;
  threadId: string;
  closedAt: number;
  closedBy: string | null;
  closeReason: string | null;
  summary: DebateSummary;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** How the debate closed: when, by whom and why, as one sentence. */
function closedLine(input: SummaryRenderInput): string {
  const when = `Closed on ${discordTimestamp(input.closedAt, 'f')}`;
  if (input.closedBy === null) return `${when}, at its closing time.`;
  const by = `${when} by <@${input.closedBy}>`;
  return input.closeReason ? `${by}: ${quoted(truncateAtWord(input.closeReason, 600))}` : `${by}.`;
}

export function renderSummary(input: SummaryRenderInput): EmbedContent {
  const { summary } = input;
  const byStance = summary.messagesByStance;
  const credits =
    summary.topCredits.length === 0
      ? 'No message was credited.'
      : summary.topCredits
          .map(
            (credit, index) =>
              `${index + 1}. [Message by <@${credit.authorId}>](${messageLink(input.guildId, input.threadId, credit.messageId)}): ${plural(credit.credits, 'credit')}`,
          )
          .join('\n');
  return {
    title: 'Debate result',
    description: [
      `**Motion:** ${displayMotion(input.motion)}`,
      closedLine(input),
      `It ran for ${formatDuration(summary.durationMs)}.`,
      `Thread: ${channelLink(input.guildId, input.threadId)}`,
    ].join('\n'),
    color: debateColours.closed,
    fields: [
      { name: 'How the room moved', value: renderStanceShift(summary.shift) },
      {
        name: 'Participants',
        value: `${plural(summary.participants, 'member')} (${summary.posters} posted)`,
        inline: true,
      },
      {
        name: 'Messages by stance',
        value: `For ${byStance.for} · Against ${byStance.against} · Undecided ${byStance.undecided} · No stance ${byStance.none} (total ${summary.totalMessages})`,
        inline: true,
      },
      { name: `Changed my view (${summary.totalCredits})`, value: credits },
      {
        name: 'Moderation',
        value: `${plural(summary.warnings, 'warning')} · ${plural(summary.reports, 'report')}`,
        inline: true,
      },
    ],
    footer: { text: `Debate ${input.debateId}` },
  };
}

function user(id: string | null): string {
  return id === null ? 'Roundtable' : `<@${id}>`;
}

/** One line of the mod log, at most about 1,000 characters (details are cleaned and capped when stored). */
export function renderModerationLine(entry: Omit<ModerationEntry, 'debateId' | 'createdAt'>): string {
  const where = entry.channelId === null ? '' : ` in <#${entry.channelId}>`;
  const detail = entry.detail === null ? '' : escapeMarkdown(entry.detail);
  /** The detail as the end of the line: after a colon, ending a sentence. */
  const after = (text: string) => (text ? `: ${asSentence(text)}` : '.');
  const reason = entry.detail ? `: ${quoted(entry.detail)}` : '.';
  switch (entry.action) {
    case 'debate-started':
      return `🗣️ **Debate started**${where} by ${user(entry.actorId)}${after(detail)}`;
    case 'debate-closed':
      return entry.actorId === null
        ? `🏁 **Debate closed**${where} at its closing time.`
        : `🏁 **Debate closed**${where} by ${user(entry.actorId)}${reason}`;
    case 'debate-reopened':
      return `🔁 **Debate reopened**${where} by ${user(entry.actorId)}${after(detail)}`;
    case 'debate-extended':
      return `⏳ **Debate extended**${where} by ${user(entry.actorId)}${after(detail)}`;
    case 'slowmode':
      return detail
        ? `🐢 **Slowmode** set to ${detail}${where} by ${user(entry.actorId)}.`
        : `🐢 **Slowmode** changed${where} by ${user(entry.actorId)}.`;
    case 'lock':
      return `🔒 **Thread locked**${where} by ${user(entry.actorId)}.`;
    case 'unlock':
      return `🔓 **Thread unlocked**${where} by ${user(entry.actorId)}.`;
    case 'warning':
      return `⚠️ **Warning** for ${user(entry.targetId)}${where} by ${user(entry.actorId)}${after(detail)}`;
    case 'escalation':
      return `⛔ **Escalation** for ${user(entry.targetId)}${where}${after(detail)}`;
    case 'report': {
      const link =
        entry.channelId !== null && entry.messageId !== null
          ? `[a message](${messageLink(entry.guildId, entry.channelId, entry.messageId)})`
          : 'a message';
      return `🚩 **Report** by ${user(entry.actorId)} of ${link} by ${user(entry.targetId)}${where}${reason}`;
    }
    case 'fault':
      return `❗ **Debate problem**${where}${after(detail)}`;
  }
}
