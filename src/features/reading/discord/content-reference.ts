import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ID_PATTERN } from '../../story-packs/core/index.js';

/**
 * How a story or debate prompt is named inside a custom id: its id, or, when the id leaves too little
 * room next to the other arguments, `.` and ten base-36 characters of its SHA-256 (ids cannot
 * contain `.`, so the two forms never collide).
 */
export type ContentReference = string;

const hashedShape = /^\.[0-9a-z]{10}$/;

export const contentReference = z
  .string()
  .refine((text) => ID_PATTERN.test(text) || hashedShape.test(text), 'not a content reference');

export function hashedReference(id: string): ContentReference {
  const digest = createHash('sha256').update(id).digest();
  return `.${digest.readBigUInt64BE(0).toString(36).padStart(13, '0').slice(-10)}`;
}

/** The reference to use: the id itself, or its hashed form when `compact` or already hashed. */
export function referenceFor(reference: ContentReference, compact: boolean): ContentReference {
  return compact && !hashedShape.test(reference) ? hashedReference(reference) : reference;
}

const hashIndexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

/** Finds the item a reference names, by id or by hashed id. */
export function resolveReference<Item extends { id: string }>(
  reference: ContentReference,
  items: readonly Item[],
  byId: (id: string) => Item | undefined,
): Item | undefined {
  if (!hashedShape.test(reference)) return byId(reference);
  let index = hashIndexes.get(items);
  if (index === undefined) {
    index = new Map(items.map((item) => [hashedReference(item.id), item]));
    hashIndexes.set(items, index);
  }
  return index.get(reference) as Item | undefined;
}

/** The view state of a pager that shows one story: its id or hashed reference, and nothing else. */
export interface StoryViewState {
  /** The story's id, or its hashed reference when the id is too long for a custom id. */
  story: ContentReference;
}

/** `state` and `encode` for a pager whose whole state is the story it shows. */
export const storyViewState = {
  state: z.tuple([contentReference]).transform(([story]): StoryViewState => ({ story })),
  encode: (state: StoryViewState, compact: boolean) => [referenceFor(state.story, compact)],
};
