import {
  createContentLibrary,
  debatesFileSchema,
  factChecksFileSchema,
  type ParsedStoryPack,
  quizFileSchema,
  storySchema,
  TEXT_LIMITS,
  timelineFileSchema,
} from '../../../src/features/story-packs/core/index.js';

const words = [
  'alliance',
  'treaty',
  'Okinawa',
  'budget',
  'negotiations',
  'security',
  'bases',
  'agreement',
  'cost-sharing',
  'Tokyo',
  'Washington',
  'defence',
  'minister',
  'parliament',
  'election',
];

/** Prose of exactly `length` characters: sentences of real-looking words, ending with a full stop. */
export function prose(length: number, seed = 0): string {
  let text = '';
  let index = seed;
  let sentenceWords = 0;
  while (text.length < length) {
    const word = words[index % words.length] ?? 'word';
    index += 7;
    const capitalised = sentenceWords === 0 ? word[0]?.toUpperCase() + word.slice(1) : word;
    const separator = text === '' ? '' : sentenceWords === 0 ? ' ' : ' ';
    text += `${separator}${capitalised}`;
    sentenceWords += 1;
    if (sentenceWords >= 9) {
      text += '.';
      sentenceWords = 0;
    }
  }
  text = text.slice(0, length - 1).trimEnd();
  return `${text}${'.'.padStart(length - text.length, 'x')}`;
}

/** `label` followed by prose, `length` characters in all. */
export function labelled(label: string, length: number): string {
  return `${label} ${prose(length - label.length - 1, label.length)}`;
}

/** A source whose name and address are long, as real archive links can be. */
export function longSource(index: number) {
  return {
    name: `${prose(120, index)} ${index}`,
    url: `https://www.example-news.org/archive/2025/${'section/'.repeat(20)}article-${index}-${'a'.repeat(80)}`,
    published: '2025-01-24',
  };
}

export interface PackOptions {
  id: string;
  title?: string;
  tags?: string[];
  asOf?: string;
  keyPoints?: number;
  events?: number;
  claims?: number;
  updates?: number;
  prompts?: number;
  sourcesPerItem?: number;
  /** Fill every text to its limit. */
  longest?: boolean;
}

/** A story pack built through the real schemas, with every text at its limit when `longest` is set. */
export function buildPack(options: PackOptions): ParsedStoryPack {
  const longest = options.longest ?? false;
  const size = (limit: number, ordinary: number) => (longest ? limit : ordinary);
  const sources = (seed: number) =>
    Array.from({ length: options.sourcesPerItem ?? 1 }, (_, index) =>
      longest
        ? longSource(seed * 10 + index)
        : { name: `Source ${seed}-${index}`, url: `https://example.org/${seed}/${index}` },
    );
  const prefix = options.id.split('-')[0] ?? 'x';
  const story = storySchema.parse({
    schema_version: 1,
    id: options.id,
    title: options.title ?? prose(size(TEXT_LIMITS.storyTitle.max, 60), 1),
    tags: options.tags ?? ['japan', 'alliance'],
    as_of: options.asOf ?? '2026-11-25',
    articles: [
      {
        outlet: prose(size(TEXT_LIMITS.articleOutlet.max, 20), 2),
        title: prose(size(TEXT_LIMITS.articleTitle.max, 50), 3),
        url: 'https://example.org/article',
        published: '2025-01',
      },
    ],
    summary: {
      short: prose(size(TEXT_LIMITS.summaryShort.max, 200), 4),
      full: prose(size(TEXT_LIMITS.summaryFull.max, 1200), 5),
    },
    key_points: Array.from({ length: options.keyPoints ?? 3 }, (_, index) => ({
      text: prose(size(TEXT_LIMITS.keyPoint.max, 150), index),
      sources: sources(index),
    })),
  });
  const timeline = timelineFileSchema.parse({
    schema_version: 1,
    events: Array.from({ length: options.events ?? 3 }, (_, index) => ({
      id: `${prefix}-event-${index + 1}`,
      date:
        index % 3 === 0
          ? `${1950 + index}`
          : index % 3 === 1
            ? `${1950 + index}-06`
            : `${1950 + index}-06-15`,
      title: `Event ${index + 1} ${prose(size(TEXT_LIMITS.eventTitle.max - 10, 30), index)}`,
      detail: prose(size(TEXT_LIMITS.eventDetail.max, 200), index),
      sources: sources(index),
    })),
  });
  const verdicts = ['accurate', 'imprecise', 'inaccurate', 'outdated', 'unverified'] as const;
  const factChecks = factChecksFileSchema.parse({
    schema_version: 1,
    claims: Array.from({ length: options.claims ?? 2 }, (_, index) => ({
      id: `${prefix}-claim-${index + 1}`,
      claim: prose(size(TEXT_LIMITS.claim.max, 100), index),
      verdict: verdicts[index % verdicts.length],
      correction: prose(size(TEXT_LIMITS.correction.max, 200), index + 1),
      sources: sources(index),
    })),
    updates: Array.from({ length: options.updates ?? 1 }, (_, index) => ({
      id: `${prefix}-update-${index + 1}`,
      date: `2025-${String((index % 12) + 1).padStart(2, '0')}`,
      title: `Update ${index + 1} ${prose(size(TEXT_LIMITS.eventTitle.max - 12, 30), index)}`,
      detail: prose(size(TEXT_LIMITS.eventDetail.max, 200), index + 2),
      sources: sources(index),
    })),
  });
  const debates = debatesFileSchema.parse({
    schema_version: 1,
    prompts: Array.from({ length: options.prompts ?? 1 }, (_, index) => ({
      id: `${prefix}-prompt-${index + 1}`,
      motion: `This house believes ${prose(size(TEXT_LIMITS.motion.max - 20, 60), index)}`,
      context: prose(size(TEXT_LIMITS.debateContext.max, 300), index),
      for: Array.from({ length: longest ? 8 : 3 }, (_, item) =>
        labelled(`For ${item + 1}:`, size(TEXT_LIMITS.argument.max, 80)),
      ),
      against: Array.from({ length: longest ? 8 : 3 }, (_, item) =>
        labelled(`Against ${item + 1}:`, size(TEXT_LIMITS.argument.max, 80)),
      ),
      questions: Array.from({ length: longest ? 6 : 2 }, (_, item) =>
        labelled(`Question ${item + 1}:`, size(TEXT_LIMITS.discussionQuestion.max, 80)),
      ),
      sources: sources(index),
    })),
  });
  const quiz = quizFileSchema.parse({
    schema_version: 1,
    questions: [
      {
        id: `${prefix}-question-1`,
        question: 'In which year was the current treaty signed?',
        choices: ['1951', '1960'],
        answer: 'B',
        explanation: 'It was signed in 1960.',
        source: { name: 'Source', url: 'https://example.org/q' },
        difficulty: 'easy',
      },
    ],
  });
  return { story, timeline, factChecks, debates, quiz };
}

export function buildLibrary(packs: readonly ParsedStoryPack[]) {
  return createContentLibrary(packs);
}
