/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, each substring
 * edited once). Stops early and returns `limit + 1` once the distance is known to exceed `limit`.
 */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  if (left === right) return 0;
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;

  let beforePrevious = new Array<number>(right.length + 1).fill(0);
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  let current = new Array<number>(right.length + 1).fill(0);

  for (let row = 1; row <= left.length; row++) {
    current[0] = row;
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      ) {
        best = Math.min(best, (beforePrevious[column - 2] ?? 0) + 1);
      }
      current[column] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[right.length] ?? 0;
  return distance > limit ? limit + 1 : distance;
}

/** The candidate closest to `word` within `limit` edits, if any. */
export function closestWord(word: string, candidates: Iterable<string>, limit = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lowered = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
