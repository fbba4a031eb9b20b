import { describe, expect, test } from 'vitest';
import { summaryPager } from '../../../src/features/reading/discord/pagers/summary-pager.js';
import { timelinePager } from '../../../src/features/reading/discord/pagers/timeline-pager.js';

const owner = '123456789012345678';

describe('page button ids', () => {
  test('GIVEN the five navigation slots THEN one message never carries the same id twice', () => {
    const state = { story: 'us-japan-alliance' };
    const ids = (['first', 'previous', 'position', 'next', 'last'] as const).map((slot) =>
      timelinePager.customId(slot, 0, owner, state),
    );
    expect(new Set(ids).size).toBe(5);
  });

  test('GIVEN an open button THEN its owner is nobody, so every clicker gets a copy of their own', () => {
    const button = summaryPager.openButton({ story: 'us-japan-alliance', length: 'short' }, 'Summary');
    expect(button).toMatchObject({
      custom_id: 'rt1:summary:page:o:0:0:us-japan-alliance:s',
      disabled: false,
    });
  });

  test.each([
    ['an unknown slot', ['x', '1', owner, 'us-japan-alliance', '', '']],
    ['a page number that is not one', ['n', '1e3', owner, 'us-japan-alliance', '', '']],
    ['an owner that is not a snowflake', ['n', '1', 'alice', 'us-japan-alliance', '', '']],
    ['a story that is not an id', ['n', '1', owner, 'US Japan', '', '']],
    ['a range end that is not a date', ['n', '1', owner, 'us-japan-alliance', '19511340', '']],
    ['missing state', ['n', '1', owner]],
  ])('GIVEN %s THEN the id is refused as malformed', (_case, args) => {
    expect(timelinePager.route.args.safeParse(args).success).toBe(false);
  });
});
