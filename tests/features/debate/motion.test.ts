import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  displayMotion,
  sanitizeMotion,
  threadNameForMotion,
} from '../../../src/features/debate/core/motion.js';
import { escapeMarkdown, neutraliseMentions, truncateAtWord } from '../../../src/platform/text.js';

describe('motion sanitising', () => {
  test('GIVEN a plain motion THEN it is kept as typed', () => {
    expect(sanitizeMotion('This house would double the defence budget')).toEqual({
      kind: 'ok',
      motion: 'This house would double the defence budget',
    });
  });

  test('GIVEN mentions of everyone, members, roles and channels THEN none survives as a mention', () => {
    const result = sanitizeMotion(
      '@everyone <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678> @here',
    );
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.motion).not.toMatch(/<@|<#|@everyone|@here/);
    expect(result.motion).toContain('@member');
    expect(result.motion).toContain('@role');
    expect(result.motion).toContain('#channel');
  });

  test('GIVEN control, zero-width and right-to-left override characters and line breaks THEN they are removed', () => {
    expect(sanitizeMotion('Tax\u0000 the\u200B rich\u202E\n\n now\t')).toEqual({
      kind: 'ok',
      motion: 'Tax the rich now',
    });
  });

  test('GIVEN only whitespace and invisible characters THEN the motion is empty', () => {
    expect(sanitizeMotion(' \u200B\u2060\n ')).toEqual({ kind: 'empty' });
  });

  test('GIVEN more than 200 characters THEN it is refused with the length', () => {
    expect(sanitizeMotion('a'.repeat(201))).toEqual({ kind: 'too-long', length: 201, maximum: 200 });
    expect(sanitizeMotion('a'.repeat(200)).kind).toBe('ok');
  });

  test('GIVEN markdown THEN the displayed motion shows it literally', () => {
    expect(displayMotion('**bold** _it_ `code` [link](https://x.y) ~~s~~ ||spoiler||')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[link\\](https://x.y) \\~\\~s\\~\\~ \\|\\|spoiler\\|\\|',
    );
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
  });

  test('GIVEN a motion longer than a thread name THEN the name is cut at a word within 100 characters', () => {
    const motion = `${'word '.repeat(39)}end`;
    const name = threadNameForMotion(motion);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('…')).toBe(true);
    expect(name).not.toMatch(/wor…$/);
  });

  test('GIVEN emoji at the cut THEN truncating never splits a character', () => {
    const text = '😀'.repeat(120);
    const cut = truncateAtWord(text, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('GIVEN any text THEN the sanitised motion is at most 200 characters and carries no mention', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const result = sanitizeMotion(raw);
        if (result.kind !== 'ok') return;
        expect(result.motion.length).toBeLessThanOrEqual(200);
        expect(result.motion).not.toMatch(/<@[!&]?\d+>|<#\d+>|@(everyone|here)/i);
        expect(neutraliseMentions(result.motion)).toBe(result.motion);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
