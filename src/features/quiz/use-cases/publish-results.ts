import { correctionSinceAsked } from '../core/corrections.js';
import { type QuizRound, resultsNonce } from '../core/round.js';
import type { PostFailure } from '../messages/failure-reasons.js';
import { questionMessage, resultsMessage } from '../messages/round-messages.js';
import type { QuizChannel } from './quiz-channels.js';
import { nonceTrustMs, type RoundWork } from './round-work.js';
import { storyTitleOf } from './story-title.js';

/** Closing a round (scoring it) and publishing its results. */
export interface RoundResults {
  close(round: QuizRound): Promise<void>;
  publish(round: QuizRound): Promise<void>;
}

export function createRoundResults(work: RoundWork): RoundResults {
  const { channels, storage, content, gates, counts, clock, logger } = work;
  const { rounds, answers, scores } = storage;

  function notPublished(round: QuizRound, failure: PostFailure): void {
    if (failure.kind === 'permanent') rounds.markResults(round.id, 'failed', null, failure.reason);
    logger.warn(
      {
        guildId: round.guildId,
        roundId: round.id,
        reason: failure.reason,
        final: failure.kind === 'permanent',
      },
      'quiz results not published',
    );
  }

  function questionUrl(round: QuizRound): string | null {
    return round.messageId
      ? `https://discord.com/channels/${round.guildId}/${round.channelId}/${round.messageId}`
      : null;
  }

  async function publishIn(channel: QuizChannel, round: QuizRound): Promise<void> {
    if (round.messageId) {
      const closedQuestion = questionMessage(round, {
        answerCount: round.players ?? answers.count(round.id),
        closed: true,
        storyTitle: storyTitleOf(content, round),
      });
      const edited = await channel.edit(round.messageId, {
        embeds: closedQuestion.embeds,
        rows: closedQuestion.rows,
      });
      if (edited.kind === 'failed') return notPublished(round, edited.failure);
    }
    const now = clock.now();
    if (now - (round.closedAt ?? now) >= nonceTrustMs) {
      const found = await channel.findRoundMessage(round.id, 'results');
      if (found.kind === 'ok' && found.value) {
        rounds.markResults(round.id, 'published', found.value.id, null);
        return;
      }
    }
    const message = resultsMessage(round, {
      distribution: answers.distribution(round.id, round.question.choices.length),
      players: round.players ?? 0,
      streaks: scores.roundStreaks(round.guildId, round.localDate, 2, 5),
      questionUrl: questionUrl(round),
      correction: correctionSinceAsked(
        content.getStory(round.question.storyId)?.corrections,
        round.question.id,
        round.localDate,
      ),
    });
    const sent = await channel.send(message, resultsNonce(round));
    if (sent.kind === 'failed') return notPublished(round, sent.failure);
    rounds.markResults(round.id, 'published', sent.value.id, null);
    logger.info({ guildId: round.guildId, roundId: round.id }, 'quiz results published');
  }

  async function publish(round: QuizRound): Promise<void> {
    const opened = await channels.open(round.channelId);
    if (opened.kind === 'ok') return publishIn(opened.value, round);
    if (opened.failure.kind !== 'permanent') return;
    rounds.markResults(round.id, 'failed', null, opened.failure.reason);
    logger.warn(
      { guildId: round.guildId, roundId: round.id, reason: opened.failure.reason },
      'quiz results not published',
    );
  }

  return {
    async close(round) {
      await counts.settle(round.id);
      const closing = scores.close(round.id, clock.now());
      gates.update(round.id, 'closed');
      counts.forget(round.id);
      if (closing.kind === 'unreadable')
        logger.error({ guildId: round.guildId, roundId: round.id }, 'quiz round unreadable; not scored');
      if (closing.kind !== 'closed') return;
      logger.info(
        { guildId: round.guildId, roundId: round.id, players: closing.scored.length },
        'quiz round closed',
      );
      const closed = rounds.byId(round.id);
      if (closed) await publish(closed);
    },
    publish,
  };
}
