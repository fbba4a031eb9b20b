import { describe, expect, test } from 'vitest';
import {
  createContentLibrary,
  type Tokenizer,
  wordTokenizer,
} from '../../../src/features/story-packs/core/index.js';
import { makePack } from './packs.js';

/** A stand-in for a Japanese tokenizer: every pair of neighbouring characters of each word is a term. */
const bigrams: Tokenizer = (text) =>
  wordTokenizer(text).flatMap((word) =>
    word.length < 2
      ? [word]
      : Array.from({ length: word.length - 1 }, (_, index) => word.slice(index, index + 2)),
  );

describe('a search tokenizer of its own', () => {
  const packs = [
    makePack({ id: 'us-japan-alliance', title: '日米同盟と在日米軍の費用', tags: ['japan'] }),
    makePack({ id: 'japan-defence-buildup', title: '日本の防衛力強化', tags: ['japan'] }),
  ];

  test('GIVEN words written without spaces THEN the default tokenizer finds only whole titles', () => {
    expect(createContentLibrary(packs).searchStories('同盟')).toEqual([]);
  });

  test('GIVEN a tokenizer for text without spaces THEN part of a title finds its story', () => {
    const library = createContentLibrary(packs, { tokenize: bigrams });
    expect(library.searchStories('同盟').map((story) => story.id)).toEqual(['us-japan-alliance']);
    expect(library.searchStories('防衛').map((story) => story.id)).toEqual(['japan-defence-buildup']);
  });
});
