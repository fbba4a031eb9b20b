import { describe, expect, test } from 'vitest';
import {
  buildModLogEntry,
  inertLink,
  quotedMemberText,
} from '../../../src/features/error-reports/messages/mod-log-entry.js';
import { cleanText } from '../../../src/platform/text.js';

describe('the mod-log entry of a report', () => {
  test('GIVEN mentions and markdown THEN the quoted text neither pings nor formats', () => {
    const text = cleanText(
      '@everyone <@123456789012345678> <@&123456789012345678> # **hi** [x](https://e.example)\n> quote',
    );
    expect(quotedMemberText(text)).toBe(
      '> @\u200Beveryone @member @role # \\*\\*hi\\*\\* \\[x\\](https://e.example) > quote',
    );
    expect(quotedMemberText(cleanText('# heading'))).toBe('> \\# heading');
  });

  test('GIVEN a long text full of markdown THEN the quote still fits an embed description', () => {
    expect(quotedMemberText('*'.repeat(1000)).length).toBeLessThanOrEqual(4096);
  });

  test('GIVEN a link with characters Discord formats THEN they are percent-encoded', () => {
    expect(inertLink('https://example.org/a_b*(c)~|[d]<e>@f`g\\')).toBe(
      'https://example.org/a%5Fb%2A%28c%29%7E%7C%5Bd%5D%3Ce%3E%40f%60g%5C',
    );
  });

  test('GIVEN a report THEN the entry names the story, the view, the items and the member, and the footer the report', () => {
    const entry = buildModLogEntry(
      {
        id: 7,
        storyId: 'us-japan-alliance',
        itemIds: [],
        view: 'debate',
        guildId: '1',
        channelId: '100000000000000002',
        memberId: '100000000000000003',
        text: 'The motion misstates the agreement.',
        link: null,
        createdAt: 1_800_000_000_000,
        modLogMessageId: null,
        modLogFailure: null,
      },
      { id: 'us-japan-alliance', title: 'The US-Japan alliance' },
    );
    expect(entry.fields).toEqual([
      { name: 'Story', value: 'The US-Japan alliance (`us-japan-alliance`)' },
      { name: 'From', value: '/debate prompt' },
      { name: 'Items on the page', value: 'the story as a whole' },
      { name: 'Source given', value: 'none' },
      { name: 'Reported by', value: '<@100000000000000003> in <#100000000000000002>, <t:1800000000:f>' },
    ]);
    expect(entry.footer).toBe(
      "Report #7 · the story's authors list every report with npm run content:reports",
    );
  });
});
