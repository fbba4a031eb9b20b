import type { Correction } from '../../story-packs/core/index.js';
import type { LocalDate } from './time.js';

/**
 * The correction of a question made on or after the day a round asked it (the latest, if several; of
 * one day, the last listed), or none. A correction made before that day is not one: the question was
 * already right when it was asked.
 */
export function correctionSinceAsked(
  corrections: readonly Correction[] | undefined,
  questionId: string,
  askedOn: LocalDate,
): Correction | undefined {
  let latest: Correction | undefined;
  for (const correction of corrections ?? []) {
    if (!correction.items.includes(questionId) || correction.date.iso < askedOn) continue;
    if (!latest || correction.date.iso >= latest.date.iso) latest = correction;
  }
  return latest;
}
