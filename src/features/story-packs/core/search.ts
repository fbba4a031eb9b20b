import MiniSearch, { type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/** Lowercase, without accents, with every run of punctuation or space turned into one space. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Splits a text, indexed or typed, into the words it is found by. The same function splits both, so
 * a language whose words are not separated by spaces (Japanese) only needs a tokenizer of its own.
 */
export type Tokenizer = (text: string) => string[];

/** Words separated by spaces or punctuation, normalised by {@link normaliseForSearch}. */
export const wordTokenizer: Tokenizer = (text) => {
  const normalised = normaliseForSearch(text);
  return normalised === '' ? [] : normalised.split(' ');
};

/** A text an item is found by, and how much a match in it counts. */
export interface SearchField {
  readonly text: string;
  readonly weight: number;
}

export interface SearchIndexOptions {
  readonly tokenize?: Tokenizer;
}

/** One item that matched a query: how well, and whether it matched every word of the query. */
export interface RankedMatch<T> {
  readonly item: T;
  readonly score: number;
  readonly matchedEveryWord: boolean;
}

/** How many typos a typed word may hold: none in short words, where they would match too much. */
function typosAllowed(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 6 ? 1 : 2;
}

type Document = Record<string, string | number>;

/**
 * Ranks items against a typed query with MiniSearch: every word of the query is matched against the
 * words of each item's fields, whole, as the start of a word, or with a small typo. Items matching
 * every query word come first, then by score, then in their given order.
 */
export class SearchIndex<T> {
  readonly #items: readonly T[];
  readonly #engine: MiniSearch<Document>;
  readonly #tokenize: Tokenizer;

  constructor(
    items: readonly T[],
    fieldsOf: (item: T) => readonly SearchField[],
    options: SearchIndexOptions = {},
  ) {
    this.#items = items;
    this.#tokenize = options.tokenize ?? wordTokenizer;
    // One MiniSearch field per weight, boosted by it: MiniSearch weighs fields, not single texts.
    const fieldNames = new Map<number, string>();
    const documents = items.map((item, order) => {
      const texts = new Map<string, string[]>();
      for (const field of fieldsOf(item)) {
        let name = fieldNames.get(field.weight);
        if (name === undefined) {
          name = `weight${fieldNames.size}`;
          fieldNames.set(field.weight, name);
        }
        texts.set(name, [...(texts.get(name) ?? []), field.text]);
      }
      const document: Document = { order };
      for (const [name, parts] of texts) document[name] = parts.join('\n');
      return document;
    });
    this.#engine = new MiniSearch<Document>({
      idField: 'order',
      fields: [...fieldNames.values()],
      tokenize: this.#tokenize,
      processTerm: (term) => term,
      searchOptions: {
        boost: Object.fromEntries([...fieldNames].map(([weight, name]) => [name, weight])),
        prefix: true,
        fuzzy: typosAllowed,
      },
    });
    this.#engine.addAll(documents);
  }

  /** Every item matching at least one word of `query`, best first. Empty for an empty query. */
  rank(query: string): RankedMatch<T>[] {
    const words = new Set(this.#tokenize(query));
    if (words.size === 0) return [];
    // The query is split as the items were, each word searched once.
    const results: SearchResult[] = this.#engine.search(query, {
      tokenize: (text) => [...new Set(this.#tokenize(text))],
    });
    const ranked = results.map((result) => ({
      order: Number(result.id),
      score: result.score,
      matchedEveryWord: new Set(result.queryTerms).size >= words.size,
    }));
    ranked.sort(
      (left, right) =>
        Number(right.matchedEveryWord) - Number(left.matchedEveryWord) ||
        right.score - left.score ||
        left.order - right.order,
    );
    return ranked.flatMap((entry) => {
      const item = this.#items[entry.order];
      return item === undefined
        ? []
        : [{ item, score: entry.score, matchedEveryWord: entry.matchedEveryWord }];
    });
  }

  /**
   * The best matches for `query`, at most `limit`: those matching every word when any do, otherwise
   * those matching some. An empty query gives the items in their given order.
   */
  search(query: string, limit: number): T[] {
    const ranked = this.rank(query);
    if (ranked.length === 0 && this.#tokenize(query).length === 0) return this.#items.slice(0, limit);
    const everyWord = ranked.filter((match) => match.matchedEveryWord);
    return (everyWord.length > 0 ? everyWord : ranked).slice(0, limit).map((match) => match.item);
  }
}

/**
 * The positions of the candidates within `limit` edits of `word` (Levenshtein, ignoring case), closest
 * first, then in their given order. Each candidate is compared whole: `quizz.yaml` with `quiz.yaml`.
 */
export function closestCandidates(word: string, candidates: readonly string[], limit: number): number[] {
  const byTerm = new SearchableMap<number[]>();
  candidates.forEach((candidate, order) => {
    const term = candidate.toLowerCase();
    byTerm.set(term, [...(byTerm.get(term) ?? []), order]);
  });
  const close = [...byTerm.fuzzyGet(word.toLowerCase(), limit).values()].flatMap(([orders, distance]) =>
    orders.map((order) => ({ order, distance })),
  );
  close.sort((left, right) => left.distance - right.distance || left.order - right.order);
  return close.map((entry) => entry.order);
}
