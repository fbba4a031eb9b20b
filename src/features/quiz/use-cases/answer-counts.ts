import type { Logger } from '../../../platform/logger.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import { questionMessage } from '../messages/round-messages.js';
import type { QuizAnswerRepository, QuizRoundRepository } from '../storage/index.js';
import type { QuizChannels } from './quiz-channels.js';
import { storyTitleOf } from './story-title.js';

/** The live answer count on each open question, edited at most once per interval. */
export interface AnswerCounts {
  /** An answer came or went: the count is edited when the round's interval has passed. */
  noteAnswer(roundId: number): void;
  /** Sends pending edits now instead of waiting for their timers. */
  flushAll(): Promise<void>;
  /** Before a round closes: cancels its pending edit and waits for one under way. */
  settle(roundId: number): Promise<void>;
  /** Forgets the count last shown for a closed round. */
  forget(roundId: number): void;
  stop(): void;
}

export interface AnswerCountDependencies {
  rounds: QuizRoundRepository;
  answers: QuizAnswerRepository;
  channels: QuizChannels;
  content: ContentLibrary;
  logger: Logger;
  /** Minimum time between two live answer-count edits of one question message. */
  intervalMs: number;
}

export function createAnswerCounts(dependencies: AnswerCountDependencies): AnswerCounts {
  const { rounds, answers, channels, content, logger } = dependencies;
  const timers = new Map<number, NodeJS.Timeout>();
  const edits = new Map<number, Promise<void>>();
  const shown = new Map<number, number>();
  let stopped = false;

  function cancel(roundId: number): void {
    const timer = timers.get(roundId);
    if (timer) clearTimeout(timer);
    timers.delete(roundId);
  }

  async function edit(roundId: number): Promise<void> {
    const round = rounds.byId(roundId);
    if (round?.state !== 'open' || !round.messageId) return;
    const count = answers.count(roundId);
    if (shown.get(roundId) === count) return;
    const channel = channels.cached(round.channelId);
    if (!channel) return;
    const message = questionMessage(round, {
      answerCount: count,
      closed: false,
      storyTitle: storyTitleOf(content, round),
    });
    const edited = await channel.edit(round.messageId, { embeds: message.embeds });
    if (edited.kind === 'ok') shown.set(roundId, count);
    else
      logger.warn(
        { err: edited.error, guildId: round.guildId, roundId },
        'could not update the quiz answer count',
      );
  }

  function flush(roundId: number): Promise<void> {
    cancel(roundId);
    const previous = edits.get(roundId) ?? Promise.resolve();
    const next = previous.then(() => edit(roundId));
    edits.set(roundId, next);
    void next.finally(() => {
      if (edits.get(roundId) === next) edits.delete(roundId);
    });
    return next;
  }

  return {
    noteAnswer(roundId) {
      if (stopped || timers.has(roundId)) return;
      const timer = setTimeout(() => void flush(roundId), dependencies.intervalMs);
      timer.unref();
      timers.set(roundId, timer);
    },
    async flushAll() {
      await Promise.all([...new Set([...timers.keys(), ...edits.keys()])].map(flush));
    },
    async settle(roundId) {
      cancel(roundId);
      await edits.get(roundId);
    },
    forget(roundId) {
      shown.delete(roundId);
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
