import { describe, expect, test } from 'vitest';
import { planRestore } from '../../../src/features/debate/core/restore.js';

const original = { slowmodeSeconds: 0, locked: false };

describe('restoring the thread at the end', () => {
  test('GIVEN the thread still as the bot left it THEN slowmode and lock go back to what they were', () => {
    expect(
      planRestore({
        original,
        applied: { slowmodeSeconds: 30, locked: true },
        current: { slowmodeSeconds: 30, locked: true },
      }),
    ).toEqual({
      slowmode: { kind: 'restore', to: 0 },
      locked: { kind: 'restore', to: false },
    });
  });

  test('GIVEN a moderator changed slowmode by hand THEN slowmode stays and lock is still restored', () => {
    expect(
      planRestore({
        original,
        applied: { slowmodeSeconds: 30, locked: true },
        current: { slowmodeSeconds: 120, locked: true },
      }),
    ).toEqual({
      slowmode: { kind: 'keep', reason: 'changed-by-hand' },
      locked: { kind: 'restore', to: false },
    });
  });

  test('GIVEN values already back to the original THEN nothing is changed', () => {
    expect(
      planRestore({ original, applied: { slowmodeSeconds: 30, locked: false }, current: original }),
    ).toEqual({
      slowmode: { kind: 'keep', reason: 'already-original' },
      locked: { kind: 'keep', reason: 'already-original' },
    });
  });
});
