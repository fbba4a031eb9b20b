import { type QuizRound, questionNonce, retryDelayMs } from '../core/round.js';
import { minuteMs } from '../core/time.js';
import { missingPostingPermissions, notPostedInTime, type PostFailure } from '../messages/failure-reasons.js';
import { questionMessage } from '../messages/round-messages.js';
import { nonceTrustMs, type RoundWork } from './round-work.js';
import { storyTitleOf } from './story-title.js';

/** Posting a round's question, retrying transient failures, and settling rounds never confirmed. */
export interface QuestionPosting {
  /** Posts the question (or adopts one already in the channel) during the tick that runs at `now`. */
  post(round: QuizRound, now: number): Promise<void>;
  /**
   * A round still unconfirmed at its close time: adopt its message if Discord has it, otherwise the
   * round failed. A transient error leaves it for the next tick.
   */
  settleUnposted(round: QuizRound): Promise<QuizRound | undefined>;
}

export function createQuestionPosting(work: RoundWork): QuestionPosting {
  const { channels, storage, content, gates, clock, logger } = work;
  const { rounds } = storage;

  function failRound(round: QuizRound, reason: string): void {
    rounds.markFailed(round.id, reason);
    gates.update(round.id, 'failed');
    logger.warn({ guildId: round.guildId, roundId: round.id, reason }, 'quiz round failed');
  }

  /**
   * A failed attempt: the round fails for good, or waits 1, 2, 4, 8, then 15 minutes, counted from the
   * minute of the tick that tried, so that the retry falls on the tick that many minutes later.
   */
  function recordFailure(round: QuizRound, failure: PostFailure, now: number): void {
    if (failure.kind === 'permanent') {
      failRound(round, failure.reason);
      return;
    }
    const tickMinute = Math.floor(now / minuteMs) * minuteMs;
    const retryAt = tickMinute + retryDelayMs(round.attempts + 1);
    rounds.recordAttemptFailure(round.id, failure.reason, retryAt);
    logger.warn(
      {
        guildId: round.guildId,
        roundId: round.id,
        reason: failure.reason,
        retryAt,
        attempt: round.attempts + 1,
      },
      'quiz question not posted yet; will retry',
    );
  }

  function markPosted(round: QuizRound, messageId: string, postedAt: number): void {
    rounds.markPosted(round.id, messageId, postedAt);
    gates.update(round.id, 'open');
  }

  return {
    async post(round, now) {
      const opened = await channels.open(round.channelId);
      if (opened.kind === 'failed') return recordFailure(round, opened.failure, now);
      const channel = opened.value;
      const missing = channel.missingPostingPermissions();
      if (missing.length > 0)
        return recordFailure(round, missingPostingPermissions(missing, channel.name), now);
      if (round.attempts > 0 || clock.now() - round.createdAt >= nonceTrustMs) {
        const found = await channel.findRoundMessage(round.id, 'question');
        if (found.kind === 'ok' && found.value) {
          markPosted(round, found.value.id, found.value.createdAt);
          logger.info({ guildId: round.guildId, roundId: round.id }, 'quiz question found already posted');
          return;
        }
      }
      const message = questionMessage(round, {
        answerCount: 0,
        closed: false,
        storyTitle: storyTitleOf(content, round),
      });
      const sent = await channel.send(message, questionNonce(round));
      if (sent.kind === 'failed') return recordFailure(round, sent.failure, now);
      markPosted(round, sent.value.id, clock.now());
      logger.info(
        { guildId: round.guildId, roundId: round.id, localDate: round.localDate, late: round.late },
        'quiz question posted',
      );
    },

    async settleUnposted(round) {
      const opened = await channels.open(round.channelId);
      if (opened.kind === 'failed') {
        if (opened.failure.kind === 'permanent') failRound(round, opened.failure.reason);
        return undefined;
      }
      const found = await opened.value.findRoundMessage(round.id, 'question');
      if (found.kind === 'failed' && found.failure.kind === 'transient') return undefined;
      if (found.kind === 'ok' && found.value) {
        rounds.markPosted(round.id, found.value.id, found.value.createdAt);
        return rounds.byId(round.id);
      }
      failRound(round, notPostedInTime(round.lastError));
      return undefined;
    },
  };
}
