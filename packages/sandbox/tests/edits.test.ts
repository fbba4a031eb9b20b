import type { LoopbackButton, LoopbackMessage } from '@roundtable/loopback-discord';
import { describe, expect, it } from 'vitest';
import { describeEdit, renderEdit } from '../src/edits.js';
import type { NameLookup } from '../src/render.js';

const names: NameLookup = { user: () => null, role: () => null, channel: () => null };
const now = Date.UTC(2026, 5, 2, 12, 0);

function button(label: string, disabled = false): LoopbackButton {
  return { label, customId: label.toLowerCase(), url: null, style: 1, disabled, emoji: null };
}

function card(overrides: Partial<LoopbackMessage> = {}): LoopbackMessage {
  return {
    kind: 'message',
    id: '100',
    type: 0,
    channelId: '3',
    guildId: '9',
    author: { id: '8', username: 'Roundtable', bot: true },
    content: '',
    embeds: [
      {
        title: 'Debate',
        description: 'Motion: Japan should pay more',
        fields: [
          { name: 'Closes', value: 'Tuesday 09:00 UTC' },
          { name: 'How it works', value: 'Take a stance with the buttons below before you read on.' },
        ],
        footer: { text: 'Debate 1' },
      },
    ],
    components: [],
    buttons: [button('For'), button('Against'), button('Undecided')],
    selects: [],
    attachments: [],
    flags: 0,
    ephemeral: false,
    loading: false,
    pinned: true,
    deleted: false,
    createdAt: Date.UTC(2026, 5, 2, 9, 5),
    editedAt: Date.UTC(2026, 5, 2, 11, 58),
    threadId: null,
    referenceId: null,
    interaction: null,
    pings: { users: [], roles: [], everyone: false },
    ...overrides,
  };
}

describe('describeEdit', () => {
  it('GIVEN a debate card closed THEN the title, renamed field and disabled buttons are named', () => {
    const before = card();
    const after = card({
      embeds: [
        {
          ...before.embeds[0],
          title: 'Debate (closed)',
          fields: [
            { name: 'Closed', value: 'Tuesday 11:58 UTC' },
            { name: 'How it works', value: 'Take a stance with the buttons below before you read on.' },
          ],
        },
      ],
      buttons: [button('For', true), button('Against', true), button('Undecided', true)],
    });
    expect(describeEdit(before, after, { names, now })).toEqual([
      'title "Debate" → "Debate (closed)"',
      'field "Closes" → "Closed"',
      'buttons disabled',
    ]);
  });

  it('GIVEN counts in a field and button labels THEN short values are shown, long ones only named', () => {
    const before = card({
      embeds: [{ fields: [{ name: 'Answers', value: '0' }], description: 'a'.repeat(80) }],
    });
    const after = card({
      embeds: [{ fields: [{ name: 'Answers', value: '2' }], description: 'b'.repeat(80) }],
      buttons: [button('For (1)'), button('Against'), button('Undecided', true)],
    });
    expect(describeEdit(before, after, { names, now })).toEqual([
      'description changed',
      'field "Answers" "0" → "2"',
      'button "For" → "For (1)"',
      'button "Undecided" disabled',
    ]);
  });

  it('GIVEN only the pin or the edit time changed THEN nothing is reported; unpinning and new text are', () => {
    expect(describeEdit(card({ pinned: false }), card(), { names, now })).toEqual([]);
    expect(describeEdit(card(), card({ editedAt: now }), { names, now })).toEqual([]);
    expect(describeEdit(card(), card({ pinned: false, content: 'Closing soon' }), { names, now })).toEqual([
      'text "Closing soon" added',
      'unpinned',
    ]);
  });
});

describe('renderEdit', () => {
  it('GIVEN changes THEN one line names the message, the edit time, what changed and :show', () => {
    expect(
      renderEdit(card(), ['title "Debate" → "Debate (closed)"', 'buttons disabled'], {
        names,
        now,
        reference: 2,
        channelName: 'This house believes Japan should pay far more towards the cost of the US alliance',
      }),
    ).toEqual([
      '#2 Roundtable [bot] · edited 11:58 · in #This house believes Japan should pay…: title "Debate" →',
      '  "Debate (closed)"; buttons disabled (:show 2 for all of it)',
    ]);
  });
});
