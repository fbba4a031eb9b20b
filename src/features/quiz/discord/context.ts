import type { ReadingContext } from '../../reading/discord/context.js';
import type { QuizFeature } from './feature.js';

/** What the quiz commands need beside the reading context (practice pages through story questions). */
export interface QuizContext extends ReadingContext {
  quiz: QuizFeature;
}
