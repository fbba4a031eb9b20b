import type { Clock } from '../../../platform/clock.js';
import type { Logger } from '../../../platform/logger.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import type { QuizStorage } from '../storage/index.js';
import type { AnswerCounts } from './answer-counts.js';
import type { QuizChannels } from './quiz-channels.js';
import type { RoundGates } from './round-gates.js';

/** What the round runner's steps work with. */
export interface RoundWork {
  channels: QuizChannels;
  storage: QuizStorage;
  content: ContentLibrary;
  gates: RoundGates;
  counts: AnswerCounts;
  clock: Clock;
  logger: Logger;
}

/** Discord keeps message nonces for a few minutes; older rounds are looked for in the channel first. */
export const nonceTrustMs = 60_000;
