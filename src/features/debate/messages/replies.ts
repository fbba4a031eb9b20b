import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { CreditRefusal } from '../core/credits.js';
import { formatDuration, formatSlowmode } from '../core/duration.js';
import type { TimeoutPlan, WarnTargetCheck } from '../core/escalation.js';
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
import { timeoutRefusedReason, timeoutSkipReasons } from './moderation-log.js';
import { warningOf, warnings } from './wording.js';

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

/** Why a credit's explanation does not fit. */
export const creditInputMessages = {
  tooShort: (minimum: number, length: number) =>
    `Say in at least ${minimum} characters what changed your view (you wrote ${length}).`,
  tooLong: (maximum: number, length: number) =>
    `Keep the explanation to ${maximum} characters (you wrote ${length}).`,
} as const;

/** Why a report's reason does not fit. */
export const reportInputMessages = {
  tooShort: 'Say in a few words what is wrong with the message.',
  tooLong: (maximum: number) => `Keep the reason to ${maximum} characters.`,
} as const;

export const reportRefusalMessages: Record<ReportRefusal | 'channel-gone' | 'message-gone', string> = {
  'own-message': 'You cannot report your own message. Delete or edit it instead.',
  'already-reported': 'You have already reported this message; the moderators have it. Thank you.',
  'channel-gone': 'I cannot see the channel of that message any more, so I cannot pass the report on.',
  'message-gone': 'That message no longer exists, or I cannot read it. Tell a moderator directly if needed.',
};

export function threadRefusalMessage(refusal: ThreadRefusal): string {
  return refusal.reason === 'thread-gone'
    ? 'The debate thread no longer exists. The debate is marked with the reason, which moderators see in `/debate stats`.'
    : `Discord refused: I am missing a permission in <#${refusal.threadId}>. The debate is marked with the reason, which moderators see in \`/debate stats\`.`;
}

/** For a moderator acting on a debate that has closed. */
export const debateClosedMessage = 'This debate has closed. Reopen it with `/debate reopen` to change it.';

/** A refused form: the button that opens it again with what was typed, and the answer once it is gone. */
export const formMessages = {
  editAgain: 'Edit and try again',
  expired:
    'I no longer have that form: what you typed is kept for 15 minutes. Open the form again the way you did before.',
} as const;

/** Why what a moderator typed to start a debate does not fit, in a form or in the command's options. */
export const startInputMessages = {
  motionEmpty: 'Type a motion to debate, or pick one from the list.',
  motionTooLong: (length: number, maximum: number) =>
    `That motion has ${length} characters; keep it to ${maximum} so it fits a thread and a card.`,
  durationInvalid: (inForm: boolean) =>
    inForm
      ? 'I could not read how long it runs. Write it like `90m`, `2h` or `1d 12h`.'
      : 'I could not read that duration. Try `90m`, `2h` or `1d 12h`, or pick one from the list.',
  durationTooShort: 'A debate runs at least 10 minutes.',
  durationTooLong: 'A debate runs at most 7 days. You can extend it later with `/debate extend`.',
  slowmodeRange: 'Slowmode is a whole number of seconds from 0 to 21600 (6 hours).',
} as const;

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
  const format = settings.format === 'rounds' ? 'three timed rounds' : 'open discussion';
  const slowmode =
    settings.slowmodeSeconds === 0
      ? 'No slowmode.'
      : `Slowmode is ${formatSlowmode(settings.slowmodeSeconds)}.`;
  return `Debate started in <#${started.threadId}>: ${format} for ${formatDuration(settings.durationMs)}, closing ${discordTimestamp(started.closesAt, 'F')} (${discordTimestamp(started.closesAt, 'R')}). ${slowmode}`;
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
      return debateClosedMessage;
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

export const alreadyClosedMessage = 'This debate has already closed.';

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

/** For the moderator: what the limit brings, for a member still below it. */
function atTheLimit(limit: number, timeout: TimeoutPlan): string {
  const removed = `At ${warnings(limit)} they are removed from the thread`;
  if (timeout.kind === 'apply')
    return `${removed} and timed out for ${formatDuration(timeout.minutes * 60_000)}.`;
  return `${removed}, but not timed out because ${timeoutSkipReasons[timeout.reason]}.`;
}

export function warnedReply(targetId: string, outcome: Warned): string {
  const { limit } = outcome.decision;
  const lines = [`Warned <@${targetId}>: ${warningOf(outcome.count, limit)}.`];
  lines.push(
    outcome.notified === 'direct-message'
      ? 'They were told by direct message.'
      : outcome.notified === 'thread-notice'
        ? 'Their direct messages are closed, so they were told with a short notice in the thread.'
        : 'I could not reach them privately or in the thread.',
  );
  if (outcome.decision.kind === 'escalate') {
    const reached = outcome.count <= limit ? 'They reached the limit' : 'They are past the limit';
    if (outcome.removal === 'removed') lines.push(`${reached} and were removed from the thread.`);
    else if (outcome.removal === 'not-in-thread') lines.push(`${reached}; they were not in the thread.`);
    else lines.push(`${reached}, but I could not remove them from the thread.`);
    const timeout = outcome.timeout;
    if (timeout?.kind === 'applied')
      lines.push(
        `They are timed out for ${formatDuration(timeout.minutes * 60_000)}, until ${discordTimestamp(timeout.until, 'f')}.`,
      );
    else if (timeout?.kind === 'refused')
      lines.push(`They were not timed out because ${timeoutRefusedReason}.`);
    else if (timeout?.kind === 'skipped')
      lines.push(
        `They were not timed out because ${timeoutSkipReasons[timeout.reason]}.${timeout.reason === 'disabled' ? ' An admin can set one with `/settings debate-warnings`.' : ''}`,
      );
  } else {
    lines.push(atTheLimit(limit, outcome.timeoutAtLimit));
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
