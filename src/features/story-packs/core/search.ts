import { editDistance } from './text-distance.js';

/** Lowercase, without accents, with every run of punctuation or space turned into one space. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordsOf(text: string): string[] {
  const normalised = normaliseForSearch(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** A text an item is found by, and how much a match in it counts. */
export interface SearchField {
  readonly text: string;
  readonly weight: number;
}

interface IndexedItem<T> {
  readonly item: T;
  readonly order: number;
  readonly words: ReadonlyMap<number, number>;
  readonly phrases: readonly { readonly text: string; readonly weight: number }[];
}

function allowedTypos(token: string): number {
  if (token.length <= 3) return 0;
  return token.length <= 6 ? 1 : 2;
}

/** How well a typed token matches a word: whole word, start of a word, a typo, or inside the word. */
function scoreWord(token: string, word: string): number {
  if (word === token) return 3;
  if (word.startsWith(token)) return 2 + (0.5 * token.length) / word.length;
  const allowed = allowedTypos(token);
  if (allowed > 0) {
    let distance = editDistance(token, word, allowed);
    for (const length of [token.length - 1, token.length, token.length + 1]) {
      if (distance === 0) break;
      if (length > 0 && length < word.length) {
        distance = Math.min(distance, editDistance(token, word.slice(0, length), allowed));
      }
    }
    if (distance <= allowed) return distance === 1 ? 1.2 : 0.8;
  }
  if (token.length >= 3 && word.includes(token)) return 1;
  return 0;
}

/**
 * Ranks items against a typed query: every word of the query is matched against the words of each
 * item's fields (whole word, word start, small typo, or inside a word). Items matching every query
 * word come first, then by score, then in their given order. Keys are normalised once, up front.
 */
export class SearchIndex<T> {
  readonly #items: readonly IndexedItem<T>[];
  readonly #words: readonly string[];

  constructor(items: readonly T[], fieldsOf: (item: T) => readonly SearchField[]) {
    const wordNumbers = new Map<string, number>();
    const words: string[] = [];
    this.#items = items.map((item, order) => {
      const itemWords = new Map<number, number>();
      const phrases: { text: string; weight: number }[] = [];
      for (const field of fieldsOf(item)) {
        phrases.push({ text: normaliseForSearch(field.text), weight: field.weight });
        for (const word of wordsOf(field.text)) {
          let number = wordNumbers.get(word);
          if (number === undefined) {
            number = words.length;
            words.push(word);
            wordNumbers.set(word, number);
          }
          itemWords.set(number, Math.max(itemWords.get(number) ?? 0, field.weight));
        }
      }
      return { item, order, words: itemWords, phrases };
    });
    this.#words = words;
  }

  search(query: string, limit: number): T[] {
    const tokens = [...new Set(wordsOf(query))];
    if (tokens.length === 0) return this.#items.slice(0, limit).map((entry) => entry.item);

    const tokenScores = tokens.map((token) => this.#words.map((word) => scoreWord(token, word)));
    const phrase = normaliseForSearch(query);
    const ranked = this.#items.flatMap((entry) => {
      let matched = 0;
      let score = 0;
      for (const scores of tokenScores) {
        let best = 0;
        for (const [word, weight] of entry.words) best = Math.max(best, (scores[word] ?? 0) * weight);
        if (best > 0) matched++;
        score += best;
      }
      if (matched === 0) return [];
      for (const field of entry.phrases) {
        if (field.text.startsWith(phrase)) score += 2 * field.weight;
        else if (tokens.length > 1 && field.text.includes(phrase)) score += field.weight;
      }
      return [{ entry, matched, score }];
    });
    const everyToken = ranked.filter((result) => result.matched === tokens.length);
    const kept = everyToken.length > 0 ? everyToken : ranked;
    kept.sort(
      (left, right) =>
        right.matched - left.matched || right.score - left.score || left.entry.order - right.entry.order,
    );
    return kept.slice(0, limit).map((result) => result.entry.item);
  }
}
