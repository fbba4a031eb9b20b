import { describe, expect, test } from 'vitest';
import { createFormDrafts } from '../../../src/features/debate/discord/form-drafts.js';
import { renderModerationLine } from '../../../src/features/debate/messages/render.js';
import { startedReply } from '../../../src/features/debate/messages/replies.js';
import { asSentence, quoted, warningOf } from '../../../src/features/debate/messages/wording.js';
import { ManualClock } from '../../../src/platform/clock.js';

const minute = 60_000;

describe('debate wording', () => {
  test('GIVEN a reason with or without a closing stop THEN it reads as one quoted sentence, escaped', () => {
    expect(quoted('Good discussion, closing early for the test')).toBe(
      '“Good discussion, closing early for the test.”',
    );
    expect(quoted('Is that enough?')).toBe('“Is that enough?”');
    expect(quoted('Off topic:')).toBe('“Off topic.”');
    expect(quoted('**loud**')).toBe('“\\*\\*loud\\*\\*.”');
    expect(asSentence('Done (for now)')).toBe('Done (for now).');
    expect(asSentence('Done.)')).toBe('Done.)');
  });

  test('GIVEN warnings up to and past the limit THEN each is counted against the limit', () => {
    expect(warningOf(2, 3)).toBe('warning 2 of 3');
    expect(warningOf(4, 3)).toBe('warning 4, past the limit of 3');
  });

  test('GIVEN a started debate THEN the reply says where, what, how long and the slowmode in separate sentences', () => {
    const started = { kind: 'started' as const, debateId: 1, threadId: '20', closesAt: 7_200_000, notes: [] };
    expect(startedReply(started, { durationMs: 2 * 60 * minute, slowmodeSeconds: 0, format: 'open' })).toBe(
      'Debate started in <#20>: open discussion for 2 hours, closing <t:7200:F> (<t:7200:R>). No slowmode.',
    );
    expect(
      startedReply(started, { durationMs: 2 * 60 * minute, slowmodeSeconds: 30, format: 'rounds' }),
    ).toBe(
      'Debate started in <#20>: three timed rounds for 2 hours, closing <t:7200:F> (<t:7200:R>). Slowmode is 30 seconds.',
    );
  });

  test('GIVEN mod-log entries THEN every line ends as a sentence and slowmode says what it was set to', () => {
    const base = { guildId: '10', actorId: '1', targetId: null, channelId: '20', messageId: null };
    expect(renderModerationLine({ ...base, action: 'slowmode', detail: '30 seconds' })).toBe(
      '🐢 **Slowmode** set to 30 seconds in <#20> by <@1>.',
    );
    expect(renderModerationLine({ ...base, action: 'debate-extended', detail: 'now closes <t:60:f>' })).toBe(
      '⏳ **Debate extended** in <#20> by <@1>: now closes <t:60:f>.',
    );
    expect(renderModerationLine({ ...base, action: 'debate-closed', detail: null })).toBe(
      '🏁 **Debate closed** in <#20> by <@1>.',
    );
  });
});

describe('refused forms kept for editing', () => {
  const form = (title: string) => ({ custom_id: 'rt1:credit:explain:1', title, components: [] });

  test('GIVEN a kept form THEN only the member who sent it gets it back, until it expires', () => {
    const clock = new ManualClock(0);
    const drafts = createFormDrafts(clock);
    drafts.keep('1', '100', form('Changed my view'));
    expect(drafts.find('1', '100')?.title).toBe('Changed my view');
    expect(drafts.find('2', '100')).toBeUndefined();
    expect(drafts.find('1', '101')).toBeUndefined();
    clock.advance(15 * minute - 1);
    expect(drafts.find('1', '100')).toBeDefined();
    clock.advance(1);
    expect(drafts.find('1', '100')).toBeUndefined();
  });

  test('GIVEN more forms than it holds THEN the oldest are dropped first', () => {
    const drafts = createFormDrafts(new ManualClock(0), { capacity: 2 });
    drafts.keep('1', '100', form('first'));
    drafts.keep('1', '101', form('second'));
    drafts.keep('2', '102', form('third'));
    expect(drafts.find('1', '100')).toBeUndefined();
    expect(drafts.find('1', '101')?.title).toBe('second');
    expect(drafts.find('2', '102')?.title).toBe('third');
  });
});
