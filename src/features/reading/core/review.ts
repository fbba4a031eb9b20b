import type { DayDate } from '../../story-packs/core/index.js';
import { daysSince } from './freshness.js';

/**
 * Whether a fact's `review_by` day has passed at `now` (UTC days): from the day after it, the fact is
 * no longer presented as settled. A fact without `review_by` is never due.
 */
export function isDueForReview(reviewBy: DayDate | undefined, now: number): boolean {
  return reviewBy !== undefined && daysSince(reviewBy, now) > 0;
}
