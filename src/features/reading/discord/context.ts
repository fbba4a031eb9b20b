import type { PlatformContext } from '../../../platform/context.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';

/** What the reading commands need: the loaded story packs and when their facts count as stale. */
export interface ReadingContext extends PlatformContext {
  content: ContentLibrary;
  /** Days after a story's `as_of` date from which readers are warned that facts may have changed. */
  contentStaleDays: number;
}
