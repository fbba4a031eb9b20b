import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const quiz = 'src/features/quiz';
const importPattern = /(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function importsOf(folder: string): Array<{ file: string; specifier: string }> {
  return readdirSync(join(quiz, folder))
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const file = `${folder}/${name}`;
      const text = readFileSync(join(quiz, file), 'utf8');
      return [...text.matchAll(importPattern)].map((match) => ({ file, specifier: match[1] ?? '' }));
    });
}

describe('quiz layers', () => {
  test.each(['core', 'storage', 'messages', 'use-cases'])(
    'GIVEN the quiz %s folder THEN none of its files imports discord.js or the Discord-facing folders',
    (folder) => {
      const imports = importsOf(folder);
      expect(imports.length).toBeGreaterThan(0);
      const offending = imports.filter(
        ({ specifier }) =>
          specifier === 'discord.js' ||
          specifier.startsWith('@discordjs/') ||
          /^\.\.\/(discord|commands)\//.test(specifier),
      );
      expect(offending).toEqual([]);
    },
  );
});
