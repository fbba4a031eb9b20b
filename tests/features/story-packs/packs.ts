import {
  debatesFileSchema,
  factChecksFileSchema,
  type ParsedStoryPack,
  quizFileSchema,
  storySchema,
  timelineFileSchema,
} from '../../../src/features/story-packs/core/index.js';

const source = { name: 'Example Archive', url: 'https://example.org/archive' };

export interface PackShape {
  readonly id: string;
  readonly title: string;
  readonly tags?: readonly string[];
  readonly asOf?: string;
  readonly motion?: string;
}

/** A small valid pack in memory, parsed by the real schemas. */
export function makePack(shape: PackShape): ParsedStoryPack {
  const { id, title, tags = ['news'], asOf = '2026-11-01' } = shape;
  const prefix = `${id}-item`;
  return {
    story: storySchema.parse({
      schema_version: 1,
      id,
      title,
      tags,
      as_of: asOf,
      articles: [{ outlet: 'Example Daily', title, url: 'https://example.org/a', published: '2025' }],
      summary: { short: title, full: title },
      key_points: [1, 2, 3].map((number) => ({ text: `Point ${number}`, sources: [source] })),
    }),
    timeline: timelineFileSchema.parse({
      schema_version: 1,
      events: [{ id: `${prefix}-event`, date: '2020', title: 'Event', detail: 'Detail', sources: [source] }],
    }),
    factChecks: factChecksFileSchema.parse({
      schema_version: 1,
      claims: [
        {
          id: `${prefix}-claim`,
          claim: 'Claim',
          verdict: 'accurate',
          correction: 'Right',
          sources: [source],
        },
      ],
      updates: [],
    }),
    debates: debatesFileSchema.parse({
      schema_version: 1,
      prompts: [
        {
          id: `${prefix}-debate`,
          motion: shape.motion ?? `This house believes ${title}`,
          context: 'Context',
          for: ['a', 'b', 'c'],
          against: ['d', 'e', 'f'],
          questions: ['g', 'h'],
          sources: [source],
        },
      ],
    }),
    quiz: quizFileSchema.parse({
      schema_version: 1,
      questions: [
        {
          id: `${prefix}-question`,
          question: 'Question?',
          choices: ['Yes', 'No'],
          answer: 'A',
          explanation: 'Because.',
          source,
          difficulty: 'easy',
        },
      ],
    }),
  };
}
