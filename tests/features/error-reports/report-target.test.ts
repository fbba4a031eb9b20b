import { describe, expect, test } from 'vitest';
import {
  type ReportTarget,
  reportCustomId,
  reportTargetArgs,
} from '../../../src/features/error-reports/discord/report-target.js';
import { parsePrecisionDate } from '../../../src/features/story-packs/core/index.js';
import { parseCustomId } from '../../../src/platform/ids/custom-id.js';

const longestId = `a${'-b'.repeat(29)}c`.slice(0, 60);

function date(text: string) {
  const parsed = parsePrecisionDate(text);
  if (parsed.kind !== 'ok') throw new Error(text);
  return parsed.date;
}

function roundTrip(action: 'open' | 'send', target: ReportTarget): unknown {
  const id = reportCustomId(action, target);
  expect(id.length).toBeLessThanOrEqual(100);
  const parsed = parseCustomId(id);
  if (parsed.kind !== 'ok') throw new Error(`not parsed: ${id}`);
  expect([parsed.feature, parsed.action]).toEqual(['mistake', action]);
  return reportTargetArgs.parse(parsed.args);
}

describe('report targets in custom ids', () => {
  test.each<ReportTarget>([
    { view: 'summary', story: 'us-japan-alliance' },
    { view: 'corrections', story: 'us-japan-alliance' },
    { view: 'factcheck', story: 'us-japan-alliance', items: { first: 8, last: 15 } },
    { view: 'factcheck', story: 'us-japan-alliance' },
    {
      view: 'timeline',
      story: 'us-japan-alliance',
      from: date('1951-09'),
      to: date('1960'),
      items: { first: 0, last: 9 },
    },
    { view: 'debate', prompt: 'usj-db-host-nation-support' },
  ])('GIVEN %j THEN the button and the form carry it whole', (target) => {
    expect(roundTrip('open', target)).toEqual(target);
    expect(roundTrip('send', target)).toEqual(target);
  });

  test('GIVEN a 60-character story id and a full date range THEN the id is compacted to fit 100 characters', () => {
    const target: ReportTarget = {
      view: 'timeline',
      story: longestId,
      from: date('1951-09-08'),
      to: date('2026-11-25'),
      items: { first: 9990, last: 9999 },
    };
    const parsed = roundTrip('send', target) as ReportTarget & { story: string };
    expect(parsed).toMatchObject({ view: 'timeline', items: { first: 9990, last: 9999 } });
    expect(parsed.story).toMatch(/^\.[0-9a-z]{10}$/);
  });

  test.each([
    [['x', 'us-japan-alliance']],
    [['s', 'Not An Id']],
    [['f', 'us-japan-alliance', '1']],
    [['t', 'us-japan-alliance', '19511', '', '0', '1']],
    [['f', 'us-japan-alliance', '-1', '2']],
    [['d']],
  ])('GIVEN the tampered arguments %j THEN they are refused', (args) => {
    expect(reportTargetArgs.safeParse(args).success).toBe(false);
  });
});
