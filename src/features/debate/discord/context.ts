import type { ReadingContext } from '../../reading/discord/context.js';
import type { DebateUseCases } from '../use-cases/index.js';

/** What the debate commands need beside the reading context (prompts come from the story packs). */
export interface DebateContext extends ReadingContext {
  debate: DebateUseCases;
}
