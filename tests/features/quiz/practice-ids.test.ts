import { describe, expect, test } from 'vitest';
import { practiceAnswerButton, practiceNextButton } from '../../../src/features/quiz/commands/practice.js';
import { practiceCustomId, practiceNextCustomId } from '../../../src/features/quiz/messages/quiz-ids.js';
import { ID_LIMIT } from '../../../src/features/story-packs/core/index.js';
import { parseCustomId } from '../../../src/platform/ids/custom-id.js';

const longestId = `longest-${'x'.repeat(ID_LIMIT.max - 'longest-'.length)}`;

function argumentsOf(customId: string): string[] {
  const parsed = parseCustomId(customId);
  if (parsed.kind !== 'ok') throw new Error(`${customId} does not parse`);
  return parsed.args;
}

describe('practice button ids', () => {
  test('GIVEN the longest question and story ids THEN practice button ids carry them whole and parse back', () => {
    const answer = practiceCustomId(longestId, 4);
    const next = practiceNextCustomId(longestId);
    expect(answer.length).toBeLessThanOrEqual(100);
    expect(next.length).toBeLessThanOrEqual(100);
    expect(practiceAnswerButton.args.parse(argumentsOf(answer))).toEqual([longestId, 4]);
    expect(practiceNextButton.args.parse(argumentsOf(next))).toEqual([longestId]);
  });
});
