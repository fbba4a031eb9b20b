import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { describe, expect, it } from 'vitest';
import {
  formatInline,
  formatInstant,
  formatRelative,
  type NameLookup,
  renderChoices,
  renderMessage,
  renderModal,
  shortenName,
  wrap,
} from '../src/render.js';

const names: NameLookup = {
  user: (id) => ({ '1': 'alice' })[id] ?? null,
  role: (id) => ({ '2': 'quizzers' })[id] ?? null,
  channel: (id) => ({ '3': 'politics', '4': 'Alliance debate' })[id] ?? null,
};

const noon = Date.UTC(2026, 5, 2, 12, 0);

function message(overrides: Partial<LoopbackMessage> = {}): LoopbackMessage {
  return {
    kind: 'message',
    id: '100',
    type: 0,
    channelId: '3',
    guildId: '9',
    author: { id: '8', username: 'Roundtable', bot: true },
    content: '',
    embeds: [],
    components: [],
    buttons: [],
    selects: [],
    attachments: [],
    flags: 0,
    ephemeral: false,
    loading: false,
    pinned: false,
    deleted: false,
    createdAt: Date.UTC(2026, 5, 2, 9, 5),
    editedAt: null,
    threadId: null,
    referenceId: null,
    interaction: null,
    pings: { users: [], roles: [], everyone: false },
    ...overrides,
  };
}

describe('formatInline', () => {
  it('GIVEN mentions of users, roles and channels THEN they read as @name and #name', () => {
    expect(formatInline('<@1> asks <@&2> in <#3>, <@!77> too', names, noon)).toBe(
      '@alice asks @quizzers in #politics, @77 too',
    );
  });

  it('GIVEN Discord timestamps THEN each style renders in UTC and relative ones against now', () => {
    const seconds = Date.UTC(2026, 5, 4, 9, 0) / 1000;
    expect(formatInline(`<t:${seconds}:D>`, names, noon)).toBe('4 June 2026');
    expect(formatInline(`<t:${seconds}:t>`, names, noon)).toBe('09:00');
    expect(formatInline(`<t:${seconds}:R>`, names, noon)).toBe('in 2 days');
    expect(formatInline(`<t:${seconds}:F>`, names, noon)).toBe('Thursday 4 June 2026 09:00 UTC');
  });

  it('GIVEN markdown links, bold, italics and quotes THEN the text stays readable with the address kept', () => {
    expect(formatInline('**Read** [the report](https://example.org/r) *now*', names, noon)).toBe(
      'Read the report <https://example.org/r> now',
    );
    expect(formatInline('> quoted\n-# small print', names, noon)).toBe('│ quoted\nsmall print');
    expect(formatInline('us_japan_alliance stays', names, noon)).toBe('us_japan_alliance stays');
  });
});

describe('time formatting', () => {
  it('GIVEN instants THEN they read as weekday, date and UTC time', () => {
    expect(formatInstant(Date.UTC(2026, 5, 2, 9, 5))).toBe('Tuesday 2 June 2026 09:05 UTC');
  });

  it('GIVEN differences THEN relative times round like Discord', () => {
    expect(formatRelative(noon + 2 * 3_600_000 - 5, noon)).toBe('in 2 hours');
    expect(formatRelative(noon - 90_000, noon)).toBe('2 minutes ago');
    expect(formatRelative(noon + 86_400_000, noon)).toBe('in 1 day');
  });

  it('GIVEN differences under a minute THEN they read in seconds as Discord shows them, not "just now"', () => {
    expect(formatRelative(noon + 8_000, noon)).toBe('in 8 seconds');
    expect(formatRelative(noon - 8_000, noon)).toBe('8 seconds ago');
    expect(formatRelative(noon + 1_000, noon)).toBe('in 1 second');
    expect(formatRelative(noon + 59_000, noon)).toBe('in 59 seconds');
    expect(formatRelative(noon + 59_600, noon)).toBe('in 1 minute');
    expect(formatRelative(noon + 120_000, noon)).toBe('in 2 minutes');
    expect(formatRelative(noon + 3 * 3_600_000, noon)).toBe('in 3 hours');
    expect(formatRelative(noon + 2 * 86_400_000, noon)).toBe('in 2 days');
    expect(formatRelative(noon + 45 * 86_400_000, noon)).toBe('in 2 months');
    expect(formatRelative(noon - 400 * 86_400_000, noon)).toBe('1 year ago');
    expect(formatRelative(noon + 200, noon)).toBe('now');
    const seconds = noon / 1000 + 8;
    expect(formatInline(`You can change again <t:${seconds}:R>.`, names, noon)).toBe(
      'You can change again in 8 seconds.',
    );
  });

  it('GIVEN long names THEN they are shortened at a word with an ellipsis', () => {
    const motion = 'This house believes Japan should pay far more towards the cost of the US alliance';
    expect(shortenName(motion)).toBe('This house believes Japan should pay…');
    expect(shortenName(motion, 32)).toBe('This house believes Japan…');
    expect(shortenName('Short name')).toBe('Short name');
    expect(shortenName('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('wrap', () => {
  it('GIVEN a long paragraph THEN lines stay within the width and keep the indent', () => {
    const lines = wrap('word '.repeat(40).trim(), '  ', 30);
    expect(lines.every((line) => line.length <= 30 && line.startsWith('  '))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe('word '.repeat(40).trim());
  });
});

describe('renderMessage', () => {
  const context = { names, reference: 4, now: noon };

  it('GIVEN an ephemeral interaction reply with an embed THEN header, embed and fields are shown', () => {
    const lines = renderMessage(
      message({
        ephemeral: true,
        interaction: { id: '5', name: 'summary', userId: '1' },
        embeds: [
          {
            title: 'US-Japan alliance',
            url: 'https://example.org/story',
            description: 'Checked <t:1780000000:D>.',
            fields: [{ name: 'Key point 1', value: 'The treaty dates from **1960**.' }],
            footer: { text: 'Page 1 of 2' },
          },
        ],
      }),
      context,
    );
    expect(lines).toEqual([
      '#4 Roundtable [bot] · 09:05 · answering /summary by alice · only you can see this',
      '  ┌ US-Japan alliance',
      '  │ <https://example.org/story>',
      '  │ Checked 28 May 2026.',
      '  │',
      '  │ ▸ Key point 1',
      '  │   The treaty dates from 1960.',
      '  │ — Page 1 of 2',
      '  └',
    ]);
  });

  it('GIVEN buttons and a select menu THEN they are numbered with how to use them', () => {
    const lines = renderMessage(
      message({
        content: 'Pick one',
        buttons: [
          { label: 'Next', customId: 'next', url: null, style: 1, disabled: false, emoji: '▶️' },
          { label: 'Back', customId: 'back', url: null, style: 2, disabled: true, emoji: null },
          {
            label: 'Source',
            customId: null,
            url: 'https://example.org',
            style: 5,
            disabled: false,
            emoji: null,
          },
        ],
        selects: [
          {
            type: 3,
            customId: 'story',
            placeholder: 'Choose a story',
            minValues: 1,
            maxValues: 1,
            disabled: false,
            options: [
              { label: 'EU budget', value: 'eu-budget', description: null, isDefault: false },
              { label: 'us-japan', value: 'us-japan', description: null, isDefault: false },
            ],
          },
        ],
      }),
      context,
    );
    expect(lines.slice(1)).toEqual([
      '  Pick one',
      '  [1] ▶️ Next   [2] Back (disabled)   [3] Source ↗ https://example.org',
      '  (click with :click 4.N, or :click N for the latest message)',
      '  menu 1: Choose a story — pick one: eu-budget (EU budget) | us-japan',
      '  (choose with :select 4.N value[,value])',
    ]);
  });

  it('GIVEN a message elsewhere that started a thread and pings THEN the channel, thread and pings are noted', () => {
    const lines = renderMessage(
      message({
        content: 'Debate opens <@&2>',
        threadId: '4',
        pings: { users: ['1'], roles: ['2'], everyone: false },
        editedAt: noon,
      }),
      { ...context, channelName: 'politics' },
    );
    expect(lines).toEqual([
      '#4 Roundtable [bot] · 09:05 · in #politics · edited',
      '  Debate opens @quizzers',
      '  🧵 thread "Alliance debate" (enter it with :in Alliance debate)',
      '  (pings @alice, @quizzers)',
    ]);
  });

  it('GIVEN a thread with a long name THEN the headline and the :in hints shorten it at a word', () => {
    const long = 'This house believes Japan should pay far more towards the cost of the US alliance';
    const lookup = { ...names, channel: (id: string) => (id === '4' ? long : names.channel(id)) };
    expect(renderMessage(message({ type: 18, content: long }), context)).toEqual([
      '#4 Roundtable started a thread: This house believes Japan should pay… (join it with :in This house believes Japan should pay…)',
    ]);
    const lines = renderMessage(message({ content: 'Debate', threadId: '4' }), {
      ...context,
      names: lookup,
      channelName: long,
    });
    expect(lines[0]).toBe('#4 Roundtable [bot] · 09:05 · in #This house believes Japan should pay…');
    expect(lines.at(-1)).toBe(
      '  🧵 thread "This house believes Japan should pay…" (enter it with :in This house believes Japan should pay…)',
    );
  });

  it('GIVEN attachments THEN each shows its name and size, text files their first lines, with how to save them', () => {
    const text = 'line 1\r\nline 2\r\nline 3\r\nline 4\r\nline 5\r\nline 6\r\nline 7\r\n';
    const lines = renderMessage(
      message({
        content: 'Your export',
        attachments: [
          {
            id: '7',
            filename: 'scores.csv',
            size: 2_345,
            contentType: 'text/csv; charset=utf-8',
            description: 'Totals',
            url: 'http://127.0.0.1/cdn/attachments/3/7/scores.csv',
          },
          { id: '8', filename: 'chart.png', size: 12, contentType: 'image/png', description: null, url: 'x' },
        ],
      }),
      { ...context, attachmentText: (attachment) => (attachment.id === '7' ? text : 'binary') },
    );
    expect(lines.slice(1)).toEqual([
      '  Your export',
      '  📎 scores.csv (2.3 kB, text/csv) — Totals',
      '    │ line 1',
      '    │ line 2',
      '    │ line 3',
      '    │ line 4',
      '    │ line 5',
      '    │ … 2 more lines',
      '  📎 chart.png (12 bytes, image/png)',
      '  (save them with :save 4 DIR)',
    ]);
  });

  it('GIVEN system, loading and deleted messages THEN each gets a one-line note', () => {
    expect(renderMessage(message({ type: 6 }), context)).toEqual(['#4 Roundtable pinned a message.']);
    expect(
      renderMessage(message({ type: 6, referenceId: '99' }), { ...context, referenceOf: () => 2 }),
    ).toEqual(['#4 Roundtable pinned message #2.']);
    expect(renderMessage(message({ type: 18, content: 'Alliance debate' }), context)[0]).toContain(
      'started a thread: Alliance debate',
    );
    expect(renderMessage(message({ loading: true }), context)).toEqual(['#4 Roundtable is thinking…']);
    expect(renderMessage(message({ deleted: true }), context)).toEqual(['#4 (deleted)']);
  });
});

describe('renderModal and renderChoices', () => {
  it('GIVEN a modal THEN its fields and the :submit form are listed', () => {
    expect(
      renderModal({
        kind: 'modal',
        interactionId: '1',
        customId: 'report',
        title: 'Report to moderators',
        fields: [
          {
            customId: 'reason',
            label: 'Why?',
            style: 2,
            required: true,
            value: null,
            placeholder: 'Be specific',
            minLength: null,
            maxLength: 500,
          },
        ],
        sourceMessageId: null,
        channelId: '3',
      }),
    ).toEqual([
      '▢ Report to moderators',
      '  reason: Why? (required, paragraph, max 500) — e.g. Be specific',
      '  (fill it with :submit reason="…")',
    ]);
  });

  it('GIVEN suggestions THEN values are listed with their names', () => {
    expect(renderChoices('story', [{ name: 'US-Japan alliance', value: 'us-japan-alliance' }])).toEqual([
      '  suggestions for story:',
      '    us-japan-alliance — US-Japan alliance',
    ]);
    expect(renderChoices('story', [])).toEqual(['  no suggestions for story']);
  });
});
