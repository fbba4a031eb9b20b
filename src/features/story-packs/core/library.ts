import { compareDates } from './dates.js';
import { ANSWER_LETTERS } from './limits.js';
import { closestCandidates, normaliseForSearch, SearchIndex, type SearchIndexOptions } from './search.js';
import type {
  DebatePrompt,
  FactCheck,
  ParsedStoryPack,
  QuizQuestion,
  Story,
  TimelineEvent,
  Update,
} from './types.js';

/** Discord shows at most 25 autocomplete choices. */
export const AUTOCOMPLETE_LIMIT = 25;

/**
 * A typed text names one story clearly when it is the only story matching every typed word, or when
 * it scores at least this many times the next story that does.
 */
const CLEAR_LEAD = 2;

/** Shorter typed texts (counting letters and digits) never name a story on their own: `d`, `us`. */
const CLEAR_MIN_LENGTH = 3;

/** What a typed story name matches, by the matching autocomplete uses. */
export type StoryMatch =
  | { readonly kind: 'clear'; readonly story: Story }
  | { readonly kind: 'ambiguous'; readonly stories: readonly Story[] }
  | { readonly kind: 'none' };

/**
 * Every story pack, validated and frozen, built once at start-up. Lookups by unknown ids return
 * `undefined` or an empty list; nothing here throws or touches Discord.
 */
export interface ContentLibrary {
  /** All stories, the most recently checked (`as_of`) first. */
  readonly stories: readonly Story[];
  getStory(id: string): Story | undefined;
  /** The story's timeline, oldest event first (a year sorts before the months and days within it). */
  getTimeline(storyId: string): readonly TimelineEvent[];
  /** The story's checked claims, in the order the pack lists them. */
  getFactChecks(storyId: string): readonly FactCheck[];
  /** The story's developments since the article, oldest first. */
  getUpdates(storyId: string): readonly Update[];
  /** All debate prompts, those of the most recently checked stories first. */
  readonly debatePrompts: readonly DebatePrompt[];
  getDebatePrompt(id: string): DebatePrompt | undefined;
  getDebatePrompts(storyId: string): readonly DebatePrompt[];
  /** All quiz questions, those of the most recently checked stories first; each carries `storyId`. */
  readonly quizQuestions: readonly QuizQuestion[];
  getQuizQuestion(id: string): QuizQuestion | undefined;
  getQuizQuestions(storyId: string): readonly QuizQuestion[];
  /**
   * Stories for autocomplete, best match first, matching title, id and tags while ignoring case and
   * accents and forgiving partial words and small typos. An empty query gives the newest stories.
   */
  searchStories(query: string, limit?: number): readonly Story[];
  /**
   * The story a member typed instead of picking, by the matching `searchStories` uses: `clear` when
   * one story is the clear best match, `ambiguous` (best first, at most `limit`) when several match
   * every word about as well, `none` otherwise.
   */
  matchStory(typed: string, limit?: number): StoryMatch;
  /** Stories whose id or title is close to an id that was not found, best first ("did you mean"). */
  suggestStories(unknownId: string, limit?: number): readonly Story[];
  /** Debate prompts for autocomplete, matching motion, id and the story's title and tags. */
  searchDebatePrompts(query: string, limit?: number): readonly DebatePrompt[];
}

/** The position of the right choice in `choices` (A = 0). */
export function answerIndexOf(question: Pick<QuizQuestion, 'answer'>): number {
  return ANSWER_LETTERS.indexOf(question.answer);
}

function withStory<T extends object>(
  items: readonly T[],
  storyId: string,
): (T & { readonly storyId: string })[] {
  return items.map((item) => Object.freeze({ ...item, storyId }));
}

function groupBy<T extends { readonly storyId: string }>(items: readonly T[]): Map<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.storyId);
    if (group === undefined) groups.set(item.storyId, [item]);
    else group.push(item);
  }
  for (const group of groups.values()) Object.freeze(group);
  return groups as Map<string, readonly T[]>;
}

function indexById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds the library from parsed packs (ids are assumed unique, as the validator ensures). `search`
 * sets how the story and prompt search splits text into words (for Japanese, a tokenizer of its own).
 */
export function createContentLibrary(
  packs: readonly ParsedStoryPack[],
  search: SearchIndexOptions = {},
): ContentLibrary {
  const ordered = [...packs].sort(
    (left, right) =>
      compareDates(right.story.as_of, left.story.as_of) || left.story.id.localeCompare(right.story.id),
  );
  const stories = Object.freeze(ordered.map((pack) => pack.story));
  const storiesById = indexById(stories);

  const timelines = groupBy(
    ordered.flatMap((pack) =>
      withStory(pack.timeline.events, pack.story.id).sort((left, right) =>
        compareDates(left.date, right.date),
      ),
    ),
  );
  const factChecks = groupBy(ordered.flatMap((pack) => withStory(pack.factChecks.claims, pack.story.id)));
  const updates = groupBy(
    ordered.flatMap((pack) =>
      withStory(pack.factChecks.updates, pack.story.id).sort((left, right) =>
        compareDates(left.date, right.date),
      ),
    ),
  );
  const debatePrompts = Object.freeze(
    ordered.flatMap((pack) => withStory(pack.debates.prompts, pack.story.id)),
  );
  const quizQuestions = Object.freeze(
    ordered.flatMap((pack) => withStory(pack.quiz.questions, pack.story.id)),
  );
  const debatePromptsById = indexById(debatePrompts);
  const quizQuestionsById = indexById(quizQuestions);
  const debatePromptsByStory = groupBy(debatePrompts);
  const quizQuestionsByStory = groupBy(quizQuestions);

  let storyIndex: SearchIndex<Story> | undefined;
  let debateIndex: SearchIndex<DebatePrompt> | undefined;
  const storySearch = () =>
    (storyIndex ??= new SearchIndex(
      stories,
      (story) => [
        { text: story.title, weight: 1 },
        { text: story.id, weight: 1 },
        ...story.tags.map((tag) => ({ text: tag, weight: 0.9 })),
      ],
      search,
    ));
  const debateSearch = () =>
    (debateIndex ??= new SearchIndex(
      debatePrompts,
      (prompt) => {
        const story = storiesById.get(prompt.storyId);
        return [
          { text: prompt.motion, weight: 1 },
          { text: prompt.id, weight: 1 },
          { text: story?.title ?? '', weight: 0.5 },
          ...(story?.tags ?? []).map((tag) => ({ text: tag, weight: 0.5 })),
        ];
      },
      search,
    ));
  const compactIds = stories.map((story) => normaliseForSearch(story.id).replaceAll(' ', ''));

  function searchStories(query: string, limit = AUTOCOMPLETE_LIMIT): readonly Story[] {
    return storySearch().search(query, Math.min(limit, AUTOCOMPLETE_LIMIT));
  }

  function matchStory(typed: string, limit = 5): StoryMatch {
    const everyWord = storySearch()
      .rank(typed)
      .filter((match) => match.matchedEveryWord);
    const [best, next] = everyWord;
    if (best === undefined) return { kind: 'none' };
    const long = normaliseForSearch(typed).replaceAll(' ', '').length >= CLEAR_MIN_LENGTH;
    if (long && (next === undefined || best.score >= CLEAR_LEAD * next.score))
      return { kind: 'clear', story: best.item };
    if (next === undefined) return { kind: 'none' };
    return { kind: 'ambiguous', stories: everyWord.slice(0, limit).map((match) => match.item) };
  }

  function suggestStories(unknownId: string, limit = 3): readonly Story[] {
    const compact = normaliseForSearch(unknownId).replaceAll(' ', '');
    if (compact === '') return [];
    const allowed = Math.max(2, Math.floor(compact.length / 4));
    const close = closestCandidates(compact, compactIds, allowed).flatMap((index) => stories[index] ?? []);
    return [...new Set([...close, ...storySearch().search(unknownId, limit)])].slice(0, limit);
  }

  return Object.freeze({
    stories,
    getStory: (id: string) => storiesById.get(id),
    getTimeline: (storyId: string) => timelines.get(storyId) ?? NONE,
    getFactChecks: (storyId: string) => factChecks.get(storyId) ?? NONE,
    getUpdates: (storyId: string) => updates.get(storyId) ?? NONE,
    debatePrompts,
    getDebatePrompt: (id: string) => debatePromptsById.get(id),
    getDebatePrompts: (storyId: string) => debatePromptsByStory.get(storyId) ?? NONE,
    quizQuestions,
    getQuizQuestion: (id: string) => quizQuestionsById.get(id),
    getQuizQuestions: (storyId: string) => quizQuestionsByStory.get(storyId) ?? NONE,
    searchStories,
    matchStory,
    suggestStories,
    searchDebatePrompts: (query: string, limit = AUTOCOMPLETE_LIMIT) =>
      debateSearch().search(query, Math.min(limit, AUTOCOMPLETE_LIMIT)),
  });
}
