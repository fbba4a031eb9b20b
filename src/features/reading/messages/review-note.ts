import { type DayDate, formatDate } from '../../story-packs/core/index.js';
import { isDueForReview } from '../core/review.js';
import type { ReadingTime } from './page-view.js';

/** Added to the name of an item whose `review_by` has passed. */
export const dueForReviewLabel = 'due for review';

export interface ReviewedItem {
  /** The item's field name, marked when it is due for review. */
  name: string;
  /** The item's text, opened by the review warning when it is due. */
  body: string;
}

/**
 * An item as it is shown at `time`: unchanged, or, once its `review_by` has passed, marked "due for
 * review" with a warning before its text, so that it is not read as settled.
 */
export function withReviewNote(
  name: string,
  body: string,
  reviewBy: DayDate | undefined,
  time: ReadingTime,
): ReviewedItem {
  if (reviewBy === undefined || !isDueForReview(reviewBy, time.now)) return { name, body };
  return {
    name: `${name} · ${dueForReviewLabel}`,
    body: `⚠️ **Due for review:** this was expected to change by ${formatDate(reviewBy)} and has not been re-checked since; check the sources before relying on it.\n${body}`,
  };
}
