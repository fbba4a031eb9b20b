import { closestCandidates } from './search.js';

/** The candidate closest to `word` within `limit` edits (ignoring case), if any. */
export function closestWord(word: string, candidates: Iterable<string>, limit = 2): string | undefined {
  const list = [...candidates];
  const index = closestCandidates(word, list, limit)[0];
  return index === undefined ? undefined : list[index];
}
