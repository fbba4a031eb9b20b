import type { ReadingContext } from '../../reading/discord/context.js';
import type { DebateService } from './service.js';

/** What the debate commands need beside the reading context (prompts come from the story packs). */
export interface DebateContext extends ReadingContext {
  debate: DebateService;
}
