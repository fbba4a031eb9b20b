import type { ReadingContext } from '../../reading/discord/context.js';
import type { QuizService } from './quiz-service.js';

/** What the quiz commands need beside the reading context (practice pages through story questions). */
export interface QuizContext extends ReadingContext {
  quiz: QuizService;
}
