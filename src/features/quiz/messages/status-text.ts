import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { QuizConfig } from '../core/config.js';
import type { QuizRound } from '../core/round.js';
import type { RoundWindow } from '../core/schedule.js';
import { formatDay, formatDuration } from './parts.js';

/**
 * The latest round in a few words. Discord's error texts can name channels and permissions, and only
 * members who manage the server can act on them, so only they (`forAdmins`) see reasons and fixes.
 */
function describeRound(round: QuizRound, guildId: string, forAdmins: boolean): string {
  const link = round.messageId
    ? ` ([question](https://discord.com/channels/${guildId}/${round.channelId}/${round.messageId}))`
    : '';
  switch (round.state) {
    case 'posting':
      if (!round.lastError) return 'being posted';
      return `not posted yet; retrying ${round.retryAt ? discordTimestamp(round.retryAt, 'R') : 'soon'}${forAdmins ? ` (last error: ${round.lastError})` : ''}`;
    case 'open':
      return `open, answers close ${discordTimestamp(round.closesAt, 'R')}${round.late ? ' (posted late)' : ''}${link}`;
    case 'closed': {
      const results =
        round.resultsState === 'failed'
          ? `; ⚠️ the results could not be published${forAdmins ? ` (${round.lastError ?? 'unknown reason'})` : ''}`
          : round.resultsState === 'pending'
            ? '; results being published'
            : '';
      return `closed with ${round.players ?? 0} player${round.players === 1 ? '' : 's'}${link}${results}`;
    }
    case 'failed':
      return forAdmins
        ? `⚠️ failed: ${round.failure ?? 'unknown reason'}. Once that is fixed, \`/quiz settings channel:\` posts it again while its answers could still be open.`
        : '⚠️ failed: the question could not be posted. Members with Manage Server can see why here.';
  }
}

/** What `/quiz status` shows of a server's quiz that is set up. */
export interface QuizStatus {
  config: QuizConfig;
  now: number;
  /** The next round to post; null while paused. */
  next: RoundWindow | null;
  questions: { unasked: number; askable: number; stories: number };
  latest: QuizRound | undefined;
}

/** `/quiz status`, line by line; `forAdmins` adds the reasons and fixes only Manage Server can act on. */
export function statusLines(status: QuizStatus, forAdmins: boolean): string[] {
  const { config, next, questions, latest } = status;
  const lines = [
    `**Daily quiz** · ${config.paused ? '⏸️ paused' : '▶️ active'}`,
    `Channel: <#${config.channelId}>`,
    `Posts at **${config.postTime}** ${config.timeZone} time; answers stay open for ${formatDuration(config.durationMinutes)}.`,
  ];
  if (next === null)
    lines.push(
      forAdmins
        ? 'Next question: none while paused; `/quiz resume` starts the quiz again.'
        : 'Next question: none while the quiz is paused.',
    );
  else
    lines.push(
      next.postAt <= status.now
        ? 'Next question: due now, posting within a minute.'
        : `Next question: ${discordTimestamp(next.postAt, 'F')} (${discordTimestamp(next.postAt, 'R')}).`,
    );
  lines.push(
    `Ping role: ${config.pingRoleId ? `<@&${config.pingRoleId}>` : 'none'}`,
    `Question bank: ${questions.unasked} of ${questions.askable} questions not asked yet, from ${questions.stories} stor${questions.stories === 1 ? 'y' : 'ies'}${questions.unasked === 0 && questions.askable > 0 ? ' (repeating the least recently asked)' : ''}.`,
  );
  if (latest)
    lines.push(
      `Latest round (${formatDay(latest.localDate)}): ${describeRound(latest, config.guildId, forAdmins)}`,
    );
  return lines;
}

/** The warning `/quiz status` adds when the quiz channel was deleted. */
export function channelGoneText(forAdmins: boolean): string {
  return forAdmins
    ? '⚠️ The quiz channel no longer exists: pick a new one with `/quiz settings channel:`.'
    : '⚠️ The quiz channel no longer exists, so no question can be posted until an admin picks a new one.';
}

export const notSetUpStatus =
  'The daily quiz is not set up in this server. An admin can start it with `/quiz setup`.';

export function damagedStatus(problems: readonly string[]): string {
  return `⚠️ The stored quiz settings of this server are damaged and are being ignored (${problems.join('; ')}). An admin can run \`/quiz setup\` again to fix them.`;
}

/** When the next question comes, for the replies to setup, settings and resume. */
export function nextQuestionText(next: RoundWindow, now: number): string {
  if (next.postAt <= now) return `within a minute; answers close ${discordTimestamp(next.closeAt, 'R')}`;
  return `${discordTimestamp(next.postAt, 'F')} (${discordTimestamp(next.postAt, 'R')})`;
}

export const retriedNotice = "Today's question, which could not be posted, goes out within a minute.";
