import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { CreditRefusal } from '../core/credits.js';
import { formatDuration, formatSlowmode } from '../core/duration.js';
import type { WarnTargetCheck } from '../core/escalation.js';
import type {
  CreditOutcome,
  DebateNotFound,
  ReportOutcome,
  StanceOutcome,
  StartNote,
  StartOutcome,
  ThreadActionOutcome,
  ThreadRefusal,
  Warned,
} from '../core/outcomes.js';
import type { ReportRefusal } from '../core/reports.js';
import type { StanceClick } from '../core/stances.js';
import { type DebateFormat, type Stance, stanceLabels } from '../core/types.js';
import { timeoutSkipReasons } from './moderation-log.js';

/** What members and moderators are told in reply to what they did, from the use cases' outcome codes. */

export const debateGoneMessage = 'This debate no longer exists.';

export const modLogHintMessage =
  'Tip: no mod-log channel is set, so moderator actions and reports are only stored. An admin can set one with `/settings modlog`.';

export const creditRefusalMessages: Record<CreditRefusal | 'message-gone', string> = {
  'not-debate-thread': '"Changed my view" works only on messages in a debate thread.',
  'debate-closed': 'This debate has closed, so its result is final. Credit messages while a debate is open.',
  'own-message': 'You cannot credit your own message. Credit the message that changed your view.',
  'bot-message': "Roundtable's own messages and other bots' cannot be credited. Credit a member's message.",
  'already-credited': 'You have already credited this message. Each member can credit a message once.',
  'message-gone': 'That message no longer exists in this debate thread.',
};

export const reportRefusalMessages: Record<ReportRefusal | 'channel-gone' | 'message-gone', string> = {
  'own-message': 'You cannot report your own message. Delete or edit it instead.',
  'already-reported': 'You have already reported this message; the moderators have it. Thank you.',
  'channel-gone': 'I cannot see the channel of that message any more, so I cannot pass the report on.',
  'message-gone': 'That message no longer exists, or I cannot read it. Tell a moderator directly if needed.',
};

export function threadRefusalMessage(refusal: ThreadRefusal): string {
  return refusal.reason === 'thread-gone'
    ? 'The debate thread no longer exists. The debate is marked and moderators can see why in `/debate stats`.'
    : `Discord refused: I am missing a permission in <#${refusal.threadId}>. The debate is marked with the reason; moderators can see it in \`/debate stats\`.`;
}

export const notTextChannelMessage =
  'Debates need a text channel: start one from a channel where members can make threads.';

export function startRefusalMessage(refusal: Extract<StartOutcome, { kind: 'refused' }>): string {
  return refusal.reason === 'not-text-channel'
    ? notTextChannelMessage
    : `Discord refused to create the thread in <#${refusal.channelId}>. Check that I can create public threads there.`;
}

export function startNoteMessage(note: StartNote): string {
  return note.kind === 'pin-failed'
    ? 'I could not pin the opening card (I need Pin Messages there).'
    : threadRefusalMessage(note.refusal);
}

export function startedReply(
  started: Extract<StartOutcome, { kind: 'started' }>,
  settings: { durationMs: number; slowmodeSeconds: number; format: DebateFormat },
): string {
  return `Debate started in <#${started.threadId}>. It closes ${discordTimestamp(started.closesAt, 'F')} (${discordTimestamp(started.closesAt, 'R')}) after ${formatDuration(settings.durationMs)}; slowmode ${formatSlowmode(settings.slowmodeSeconds)}; ${settings.format === 'rounds' ? 'three timed rounds' : 'open discussion'}.`;
}

/** Why a debate action (a thread change, a close, a warning) was not done. */
export function refusalMessage(
  refusal: Exclude<ThreadActionOutcome, { kind: 'done' }> | DebateNotFound,
): string {
  switch (refusal.reason) {
    case 'thread-gone':
    case 'thread-forbidden':
      return threadRefusalMessage(refusal);
    case 'not-found':
      return debateGoneMessage;
    case 'already-open':
      return 'This debate is already open.';
    case 'closed':
      return 'This debate has closed. Use `/debate reopen` first.';
  }
}

export const threadActionDoneMessages = {
  reopened: (closesAt: number) => `The debate is open again until ${discordTimestamp(closesAt, 'F')}.`,
  extended: (closesAt: number) => `The debate now closes ${discordTimestamp(closesAt, 'F')}.`,
  slowmode: (seconds: number) =>
    `Slowmode is now ${formatSlowmode(seconds)}. It goes back to what it was when the debate ends.`,
  locked: 'The thread is locked: only moderators can post. Use `/debate unlock` to continue.',
  unlocked: 'The thread is unlocked.',
} as const;

export const closeMessages = {
  closed: 'The debate is closed and its result is posted here and in the channel.',
  fault: (fault: string) => `Not everything could be done: ${fault}`,
  unfinished: 'Discord did not answer everything in time; I will finish posting the result within a minute.',
} as const;

export const warnTargetRefusalMessages: Record<
  Extract<WarnTargetCheck, { kind: 'refused' }>['reason'],
  string
> = {
  self: 'You cannot warn yourself.',
  'this-bot': 'You cannot warn Roundtable.',
  bot: 'Bots cannot be warned; remove or configure the bot instead.',
};

export function warnedReply(targetId: string, outcome: Warned): string {
  const lines = [`Warned <@${targetId}>: warning ${outcome.count} of ${outcome.decision.limit}.`];
  lines.push(
    outcome.notified === 'direct-message'
      ? 'They were told by direct message.'
      : outcome.notified === 'thread-notice'
        ? 'Their direct messages are closed, so they were told with a short notice in the thread.'
        : 'I could not reach them privately or in the thread.',
  );
  if (outcome.decision.kind === 'escalate') {
    if (outcome.removal === 'removed') lines.push('They reached the limit and were removed from the thread.');
    else if (outcome.removal === 'not-in-thread')
      lines.push('They reached the limit; they were not in the thread.');
    else lines.push('They reached the limit, but I could not remove them from the thread.');
    if (outcome.timeout?.kind === 'applied')
      lines.push(`They are timed out until ${discordTimestamp(outcome.timeout.until, 'f')}.`);
    else if (outcome.timeout?.kind === 'refused')
      lines.push('Discord refused the timeout: their highest role is above mine, or they are an admin.');
    else if (outcome.timeout?.kind === 'skipped')
      lines.push(`No timeout: ${timeoutSkipReasons[outcome.timeout.reason]}.`);
  } else {
    lines.push(`At ${outcome.decision.limit} they are removed from the thread.`);
  }
  return lines.join('\n');
}

function label(stance: Stance): string {
  return `**${stanceLabels[stance]}**`;
}

function stanceClickMessage(click: StanceClick): string {
  return click.kind === 'opening'
    ? `Your opening stance: ${label(click.stance)}. Change it whenever an argument moves you; at the close the result compares opening and closing stances.`
    : click.kind === 'changed'
      ? `You changed your stance from ${label(click.from)} to ${label(click.to)} (you opened ${label(click.opening)}).`
      : `Your stance is already ${label(click.stance)}.`;
}

export function stanceReply(outcome: StanceOutcome): string {
  if (outcome.kind === 'recorded') return stanceClickMessage(outcome.click);
  return outcome.reason === 'not-found'
    ? debateGoneMessage
    : 'This debate has closed, so stances are final. The result is posted in the thread.';
}

export function creditReply(outcome: CreditOutcome): string {
  if (outcome.kind === 'refused') return creditRefusalMessages[outcome.reason];
  return outcome.shownInThread
    ? 'Thank you: your credit is recorded and shown in the thread. It counts in the debate summary.'
    : 'Thank you: your credit is recorded and counts in the debate summary.';
}

export function reportReply(outcome: ReportOutcome): string {
  return outcome.kind === 'refused'
    ? reportRefusalMessages[outcome.reason]
    : 'Thank you. Your report is with the moderators; the author is not told who reported them.';
}
