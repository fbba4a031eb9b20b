import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  PACK_FILE_NAMES,
  type PackFileName,
  toDayDate,
  validateContentFolder,
} from '../../../src/features/story-packs/core/index.js';
import { errorLines } from './fixtures.js';

function examplesOfGuide(): Partial<Record<PackFileName, string>> {
  const guide = readFileSync('content/README.md', 'utf8');
  const files: Partial<Record<PackFileName, string>> = {};
  for (const [, block] of guide.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const fileName = /^# (\S+\.yaml)\n/.exec(block ?? '')?.[1];
    if (
      block !== undefined &&
      fileName !== undefined &&
      (PACK_FILE_NAMES as readonly string[]).includes(fileName)
    ) {
      files[fileName as PackFileName] = block;
    }
  }
  return files;
}

describe('content/README.md', () => {
  test('GIVEN the worked examples of the guide THEN they form one valid pack', () => {
    const files = examplesOfGuide();
    expect(Object.keys(files).sort()).toEqual([...PACK_FILE_NAMES].sort());
    // The examples come from the real pack, whose latest correction is dated 7 December 2026.
    const result = validateContentFolder(
      {
        displayDir: 'content',
        stories: { packs: [{ name: 'us-japan-alliance', files, otherEntries: [] }], strayEntries: [] },
      },
      { today: toDayDate('2026-12-07') },
    );
    expect(errorLines(result)).toEqual([]);
  });
});
