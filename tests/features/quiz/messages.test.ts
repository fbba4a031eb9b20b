import { describe, expect, test } from 'vitest';
import type { QuizConfig } from '../../../src/features/quiz/core/config.js';
import type { QuizRound } from '../../../src/features/quiz/core/round.js';
import { formatDay, formatDuration } from '../../../src/features/quiz/messages/parts.js';
import { questionMessage, resultsMessage } from '../../../src/features/quiz/messages/round-messages.js';
import { scoreExport } from '../../../src/features/quiz/messages/score-export.js';
import { settingsReply, setupReply } from '../../../src/features/quiz/messages/settings-messages.js';
import {
  channelGoneText,
  type QuizStatus,
  statusLines,
} from '../../../src/features/quiz/messages/status-text.js';

const at = (iso: string) => Date.parse(iso);

const config: QuizConfig = {
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  postTime: '09:00',
  timeZone: 'Europe/London',
  durationMinutes: 60,
  pingRoleId: null,
  paused: false,
  activeSince: at('2026-12-01T00:00:00Z'),
  updatedAt: at('2026-12-01T00:00:00Z'),
};

const round: QuizRound = {
  id: 7,
  guildId: config.guildId,
  localDate: '2026-12-07',
  channelId: config.channelId,
  question: {
    id: 'q1',
    storyId: 'story',
    question: 'Which?',
    choices: ['One', 'Two'],
    answerIndex: 1,
    explanation: 'Because.',
    source: { name: 'Source', url: 'https://example.org' },
    difficulty: 'easy',
  },
  state: 'open',
  scheduledAt: at('2026-12-07T09:00:00Z'),
  closesAt: at('2026-12-07T21:00:00Z'),
  late: false,
  pingRoleId: '100000000000000003',
  messageId: null,
  postedAt: at('2026-12-07T09:00:00Z'),
  attempts: 1,
  retryAt: null,
  lastError: null,
  failure: null,
  closedAt: null,
  players: null,
  resultsState: null,
  resultsMessageId: null,
  createdAt: at('2026-12-07T09:00:00Z'),
};

function status(overrides: Partial<QuizStatus> = {}): QuizStatus {
  return {
    config,
    now: at('2026-12-07T10:00:00Z'),
    next: null,
    questions: { unasked: 3, askable: 4, stories: 1 },
    latest: round,
    ...overrides,
  };
}

const isoDate = /\d{4}-\d{2}-\d{2}/;

describe('quiz wording', () => {
  test('GIVEN a quiz day THEN every message writes it as 7 December 2026', () => {
    expect(formatDay('2026-12-07')).toBe('7 December 2026');
    const question = questionMessage(round, { answerCount: 0, closed: false, storyTitle: null });
    expect(question.embeds[0]?.title).toBe('Daily quiz · 7 December 2026');
    expect(question.content).toBe(`<@&${round.pingRoleId}>, today's question is up.`);
    const results = resultsMessage(round, {
      distribution: [0, 1],
      players: 1,
      streaks: [],
      questionUrl: null,
    });
    expect(results.embeds[0]?.title).toBe('Quiz results · 7 December 2026');
    const lines = statusLines(status(), false).join('\n');
    expect(lines).toContain('Latest round (7 December 2026): open, answers close <t:');
    expect(lines).not.toMatch(isoDate);
  });

  test('GIVEN durations and counts of one THEN they read in the singular', () => {
    expect(formatDuration(60)).toBe('1 hour');
    expect(formatDuration(12 * 60)).toBe('12 hours');
    expect(formatDuration(90)).toBe('90 minutes');
    expect(statusLines(status(), false).join('\n')).toContain('answers stay open for 1 hour.');
    const history = [
      { localDate: '2026-12-07', userId: '1', choice: 0, correct: true, points: 10, streak: 1 },
    ];
    const totals = [
      {
        userId: '1',
        points: 10,
        answered: 1,
        correct: 1,
        currentStreak: 1,
        lastCorrectDate: '2026-12-07',
        bestStreak: 1,
      },
    ];
    expect(scoreExport(totals, history, '2026-12-07').summary).toContain('1 member over 1 round.');
  });

  test('GIVEN a member without Manage Server THEN status names no admin command; an admin is told the fix', () => {
    const failed: QuizRound = { ...round, state: 'failed', failure: 'Roundtable lacks Embed Links in #quiz' };
    const paused = status({ config: { ...config, paused: true }, latest: failed });
    const member = [...statusLines(paused, false), channelGoneText(false)].join('\n');
    expect(member).not.toMatch(/`\/quiz/);
    expect(member).not.toContain('Embed Links');
    const admin = [...statusLines(paused, true), channelGoneText(true)].join('\n');
    expect(admin).toContain('`/quiz resume`');
    expect(admin).toContain('`/quiz settings channel:`');
    expect(admin).toContain('Embed Links');
  });

  test('GIVEN setup and settings replies THEN each line is its own sentence and the next question comes last but warnings', () => {
    const next = {
      localDate: '2026-12-08',
      postAt: at('2026-12-08T09:00:00Z'),
      closeAt: at('2026-12-08T10:00:00Z'),
    };
    const reply = { config, next, now: at('2026-12-07T10:00:00Z'), retried: false, warnings: [] };
    const setup = setupReply(reply).split('\n');
    expect(setup[0]).toBe(
      `The daily quiz posts in <#${config.channelId}> at **09:00** Europe/London time, with answers open for 1 hour.`,
    );
    expect(setup).toContain('To change one setting later, use `/quiz settings`.');
    const settings = settingsReply({ ...reply, next: null }).split('\n');
    expect(settings[0]).toMatch(/^Saved\. The daily quiz posts in/);
    expect(settings).toContain('The quiz is paused: no question is posted until `/quiz resume`.');
    for (const line of [...setup, ...settings]) expect(line).toMatch(/[.)]$/);
  });
});
