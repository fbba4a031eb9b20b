import type { ReadingContext } from '../../reading/discord/context.js';
import type { DebateUseCases } from '../use-cases/index.js';
import type { FormDrafts } from './form-drafts.js';

/** What the debate commands need beside the reading context (prompts come from the story packs). */
export interface DebateContext extends ReadingContext {
  debate: DebateUseCases;
  /** Refused debate forms, kept a while so members can edit and send them again. */
  formDrafts: FormDrafts;
}
