import { describe, expect, test } from 'vitest';
import { scheduleRounds } from '../../../src/features/debate/core/rounds.js';
import { summariseDebate } from '../../../src/features/debate/core/summary.js';
import {
  renderModerationLine,
  renderOpeningCard,
  renderSummary,
} from '../../../src/features/debate/messages/render.js';

const hour = 3_600_000;

describe('debate summary', () => {
  const summary = summariseDebate({
    startedAt: 0,
    closedAt: 26 * hour,
    stances: [
      { userId: '1', opening: 'for', current: 'for' },
      { userId: '2', opening: 'undecided', current: 'against' },
      { userId: '3', opening: 'against', current: 'against' },
    ],
    messages: [
      { userId: '1', stance: 'for', count: 4 },
      { userId: '2', stance: 'none', count: 1 },
      { userId: '2', stance: 'undecided', count: 2 },
      { userId: '4', stance: 'none', count: 3 },
    ],
    credits: [
      { messageId: 'm1', authorId: '1', credits: 1 },
      { messageId: 'm2', authorId: '3', credits: 3 },
      { messageId: 'm3', authorId: '1', credits: 2 },
      { messageId: 'm4', authorId: '4', credits: 1 },
    ],
    warnings: 2,
    reports: 1,
  });

  test('GIVEN tallies THEN participants include members who only voted and messages are split by stance', () => {
    expect(summary.participants).toBe(4);
    expect(summary.posters).toBe(3);
    expect(summary.totalMessages).toBe(10);
    expect(summary.messagesByStance).toEqual({ for: 4, against: 0, undecided: 2, none: 4 });
    expect(summary.durationMs).toBe(26 * hour);
  });

  test('GIVEN credits THEN the three most credited messages are kept, most first', () => {
    expect(summary.topCredits.map((credit) => credit.messageId)).toEqual(['m2', 'm3', 'm1']);
    expect(summary.totalCredits).toBe(7);
  });

  test('GIVEN a summary THEN the embed fits Discord limits and shows the result and moderation counts', () => {
    const embed = renderSummary({
      debateId: 4,
      motion: `**${'x'.repeat(196)}**`,
      guildId: '10',
      threadId: '20',
      closedAt: 26 * hour,
      closedBy: null,
      closeReason: null,
      summary,
    });
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    const text = JSON.stringify(embed);
    expect(text).toContain('Against gained the most ground');
    expect(text).toContain('2 warnings · 1 report');
    expect(text).toContain('https://discord.com/channels/10/20/m2');
  });

  test('GIVEN a report entry THEN the mod log line links the reported message', () => {
    expect(
      renderModerationLine({
        guildId: '10',
        action: 'report',
        actorId: '1',
        targetId: '2',
        channelId: '20',
        messageId: '30',
        detail: 'Insults *everyone*',
      }),
    ).toBe(
      '🚩 **Report** by <@1> of [a message](https://discord.com/channels/10/20/30) by <@2> in <#20>: “Insults \\*everyone\\*.”',
    );
  });

  test('GIVEN the longest motion and context and a rounds format THEN the opening card fits Discord limits and lists the rounds', () => {
    const card = renderOpeningCard({
      id: 12,
      motion: `${'*'.repeat(100)}${'_'.repeat(100)}`,
      context: 'word '.repeat(200),
      format: 'rounds',
      closesAt: 90 * 60_000,
      slowmodeSeconds: 30,
      rounds: scheduleRounds(0, 90 * 60_000),
      status: 'open',
    });
    expect(card.description?.length).toBeLessThanOrEqual(4096);
    const total =
      (card.title?.length ?? 0) + (card.description?.length ?? 0) + (card.footer?.text.length ?? 0);
    const fields = (card.fields ?? []).reduce(
      (sum, field) => sum + field.name.length + field.value.length,
      0,
    );
    expect(total + fields).toBeLessThanOrEqual(6000);
    for (const field of card.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    expect(JSON.stringify(card)).toContain('Rebuttals');
    expect(card.fields?.find((field) => field.name === 'Closes')?.value).toBe('<t:5400:F> (<t:5400:R>)');
  });
});
