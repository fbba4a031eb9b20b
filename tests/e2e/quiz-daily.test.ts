import type { LoopbackMessage } from '@roundtable/loopback-discord';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choiceLetter } from '../../src/features/quiz/core/questions.js';
import { type QuizWorld, startQuizWorld } from './quiz-world.js';

let world: QuizWorld;

beforeAll(async () => {
  world = await startQuizWorld();
});

afterAll(async () => {
  await world?.stop();
});

const seconds = (iso: string) => Date.parse(iso) / 1000;

function field(message: LoopbackMessage | null, name: string): string | undefined {
  return message?.embeds[0]?.fields?.find((entry) => entry.name === name)?.value;
}

describe('daily quiz end to end', () => {
  test('GIVEN wrong time zones or a channel the bot cannot embed in THEN setup refuses and says what to use', async () => {
    const { discord, server } = world;
    const answers = await Promise.all(
      ['EST5', 'Tokyo', '+09:00'].map((timezone) => world.setUp(server, { timezone })),
    );
    expect(answers[0]?.content).toContain('America/New_York');
    expect(answers[1]?.content).toContain('Asia/Tokyo');
    expect(answers[2]?.content).toContain('Asia/Tokyo');
    for (const answer of answers) expect(answer.ephemeral).toBe(true);
    expect((await world.setUp(server, { time: '25:00' })).content).toContain('HH:MM');

    const noEmbeds = discord.addChannel(server.guild, { name: 'no-embeds', deny: { bot: ['EmbedLinks'] } });
    const refused = await world.setUp(server, { channel: noEmbeds.id });
    expect(refused.content).toContain('Embed Links');
    expect(refused.content).toContain(`<#${noEmbeds.id}>`);

    const byMember = await discord.slash(
      'quiz setup',
      { channel: server.channel.id, time: '09:00', timezone: 'Europe/London' },
      { as: server.alice, channel: server.channel },
    );
    expect(byMember.content).toContain('Manage Server');
    expect(world.storage.configs.get(server.guild.id)).toEqual({ kind: 'none' });
  });

  test('GIVEN time zone autocomplete THEN typing a city offers its IANA name', async () => {
    const { discord, server } = world;
    const choices = await discord.autocomplete('quiz setup', 'timezone', 'new_y', {
      as: server.admin,
      channel: server.channel,
    });
    expect(choices.map((choice) => choice.value)).toContain('America/New_York');
  });

  test('GIVEN setup at 09:00 Europe/London THEN the reply gives the next post time', async () => {
    const { server } = world;
    const reply = await world.setUp(server, { 'ping-role': server.role.id });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(`<t:${seconds('2026-11-25T09:00:00Z')}:F>`);
    expect(reply.content).toContain('Europe/London');
  });

  test('GIVEN the quiz set up THEN nothing is posted before 09:00 and the question is posted at 09:00 with a role ping', async () => {
    const { server } = world;
    const expected = world.expectedQuestion(server, '2026-11-25');
    await world.tick('2026-11-25T08:59:00Z');
    expect(world.posts(server)).toHaveLength(0);
    await world.tick('2026-11-25T09:00:00Z');
    const posts = world.posts(server);
    expect(posts).toHaveLength(1);
    const question = posts[0] as LoopbackMessage;
    expect(question.embeds[0]?.description).toContain(expected.question);
    expect(question.pings.roles).toEqual([server.role.id]);
    expect(question.pings.users).toEqual([]);
    expect(question.pings.everyone).toBe(false);
    expect(question.buttons.map((button) => button.label?.slice(0, 2))).toEqual([
      ...expected.choices.map((_, index) => `${choiceLetter(index)}:`),
      'Pi',
    ]);
    await world.tick('2026-11-25T09:01:00Z');
    expect(world.posts(server)).toHaveLength(1);
  });

  test('GIVEN three members answer and one double-clicks THEN each answer counts once and the count is edited once', async () => {
    const { discord, server } = world;
    const question = world.posts(server)[0] as LoopbackMessage;
    const right = world.storage.rounds.byDate(server.guild.id, '2026-11-25')?.question.answerIndex ?? 0;
    const wrong = (right + 1) % (question.buttons.length - 1);
    const closesAt = seconds('2026-11-25T21:00:00Z');
    const edits = () =>
      discord
        .requestsTo('PATCH /channels/:channel/messages/:message')
        .filter((request) => request.path.endsWith(question.id)).length;
    const editsBefore = edits();

    const alice = await discord.click(question, right + 1, { as: server.alice });
    expect(alice.ephemeral).toBe(true);
    expect(alice.content).toBe(`Locked in **${choiceLetter(right)}**; results <t:${closesAt}:R>.`);
    await discord.click(question, wrong + 1, { as: server.bob });
    const [first, second] = await Promise.all([
      discord.click(question, right + 1, { as: server.carol }),
      discord.click(question, wrong + 1, { as: server.carol }),
    ]);
    const carolReplies = [first?.content ?? '', second?.content ?? ''];
    expect(carolReplies.filter((content) => content.startsWith('Locked in'))).toHaveLength(1);
    const locked = carolReplies.find((content) => content.startsWith('Locked in')) ?? '';
    const carolChoice = locked.slice('Locked in **'.length, 'Locked in **'.length + 1);
    expect(carolReplies.find((content) => content.startsWith('You already answered'))).toContain(
      `You already answered **${carolChoice}**`,
    );
    const again = await discord.click(question, 1, { as: server.carol });
    expect(again.content).toContain(`You already answered **${carolChoice}**`);
    for (const reply of [alice, first, second, again])
      expect(reply?.content).not.toMatch(/correct|right|wrong/i);

    const round = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    expect(world.storage.answers.count(round?.id ?? 0)).toBe(3);
    expect(edits()).toBe(editsBefore);
    await world.bot.context.quiz.flushAnswerCounts();
    expect(edits()).toBe(editsBefore + 1);
    expect(field(discord.message(question.id), 'Answers')).toBe('3');
    await world.bot.context.quiz.flushAnswerCounts();
    expect(edits()).toBe(editsBefore + 1);
  });

  test('GIVEN close time THEN late clicks are refused, the buttons are disabled and the results give answer, explanation, source, bars and players', async () => {
    const { discord, server } = world;
    const round = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    if (!round) throw new Error('no round');
    await world.tick('2026-11-25T20:59:00Z');
    expect(world.posts(server)).toHaveLength(1);
    world.clock.set(Date.parse('2026-11-25T21:00:00Z'));
    const beforeEdit = world.posts(server)[0] as LoopbackMessage;
    const late = await discord.click(beforeEdit, 1, { as: server.alice });
    expect(late.content).toContain('This question closed');
    expect(late.content).toContain('You answered');
    const lateNewcomer = await discord.click(beforeEdit, 1, { as: server.admin });
    expect(lateNewcomer.content).toContain('This question closed');
    expect(world.storage.answers.count(round.id)).toBe(3);
    await world.tick('2026-11-25T21:00:00Z');
    const [question, results] = world.posts(server);
    const answerButtons = question?.buttons.filter((button) =>
      button.customId?.startsWith('rt1:quiz:answer:'),
    );
    expect(answerButtons?.every((button) => button.disabled)).toBe(true);
    expect(field(question ?? null, 'Answers')).toBe('3');
    const embed = results?.embeds[0];
    const right = round.question;
    expect(embed?.description).toContain(
      `Answer: **${choiceLetter(right.answerIndex)}. ${right.choices[right.answerIndex]}**`,
    );
    expect(embed?.description).toContain(right.explanation.slice(0, 60));
    expect(field(results ?? null, 'Source')).toContain(right.source.url);
    expect(field(results ?? null, 'Players')).toBe('3');
    expect(field(results ?? null, 'Answers')).toMatch(/█/);
    expect(results?.pings).toEqual({ users: [], roles: [], everyone: false });
  });

  test('GIVEN the closed round THEN the leaderboard ranks the two right answers first and shows the caller', async () => {
    const { discord, server } = world;
    const board = await discord.slash('quiz leaderboard', {}, { as: server.bob, channel: server.channel });
    const text = board.embeds[0]?.description ?? '';
    expect(text).toContain(`<@${server.alice.id}>: 10 points · 100% of 1`);
    expect(text).toContain(`<@${server.bob.id}>: 0 points · 0% of 1 ← you`);
    expect(text.indexOf(`<@${server.bob.id}>`)).toBeGreaterThan(text.indexOf(`<@${server.alice.id}>`));
    const week = await discord.slash(
      'quiz leaderboard',
      { period: 'week' },
      { as: server.alice, channel: server.channel },
    );
    expect(week.embeds[0]?.title).toContain('this week');
    expect(week.embeds[0]?.description).toContain(`**1.** <@${server.alice.id}>`);
  });

  test('GIVEN a second day answered right THEN stats show the streak, points with bonus and rank', async () => {
    const { discord, server } = world;
    await world.tick('2026-11-26T09:00:00Z');
    const posts = world.posts(server);
    expect(posts).toHaveLength(3);
    const question = posts[2] as LoopbackMessage;
    const round = world.storage.rounds.byDate(server.guild.id, '2026-11-26');
    const first = world.storage.rounds.byDate(server.guild.id, '2026-11-25');
    expect(round?.question.id).not.toBe(first?.question.id);
    await discord.click(question, (round?.question.answerIndex ?? 0) + 1, { as: server.alice });
    await world.tick('2026-11-26T21:00:00Z');
    const stats = await discord.slash('quiz stats', {}, { as: server.alice, channel: server.channel });
    const fields = Object.fromEntries(
      (stats.embeds[0]?.fields ?? []).map((entry) => [entry.name, entry.value]),
    );
    expect(fields).toEqual({
      Points: '22',
      Rank: '1 of 3',
      Answered: '2',
      Correct: '2',
      Accuracy: '100%',
      'Current streak': '2',
      'Best streak': '2',
    });
    const ofBob = await discord.slash(
      'quiz stats',
      { member: server.bob.id },
      { as: server.alice, channel: server.channel },
    );
    expect(ofBob.embeds[0]?.fields?.find((entry) => entry.name === 'Current streak')?.value).toBe('0');
    expect(ofBob.pings.users).toEqual([]);
  });

  test('GIVEN the ping role THEN join and the bell give it and leave takes it', async () => {
    const { discord, server } = world;
    const joined = await discord.slash('quiz join', {}, { as: server.bob, channel: server.channel });
    expect(joined.content).toContain('You will be pinged');
    expect(discord.member(server.bob).roleIds).toContain(server.role.id);
    const question = world.posts(server)[2] as LoopbackMessage;
    const bell = await discord.click(question, 'Ping me for the daily quiz', { as: server.bob });
    expect(bell.content).toContain('You already get pings');
    expect(discord.member(server.bob).roleIds).toContain(server.role.id);
    const left = await discord.slash('quiz leave', {}, { as: server.bob, channel: server.channel });
    expect(left.content).toContain('no longer be pinged');
    expect(discord.member(server.bob).roleIds).not.toContain(server.role.id);
    const again = await discord.slash('quiz leave', {}, { as: server.bob, channel: server.channel });
    expect(again.content).toContain('not on the quiz pings');
  });

  test('GIVEN status THEN it shows the channel, the next post time and the question bank', async () => {
    const { discord, server } = world;
    const status = await discord.slash('quiz status', {}, { as: server.alice, channel: server.channel });
    expect(status.content).toContain(`<#${server.channel.id}>`);
    expect(status.content).toContain(`<t:${seconds('2026-11-27T09:00:00Z')}:F>`);
    expect(status.content).toMatch(/Question bank: \d+ of \d+ questions not asked yet/);
    expect(status.content).toContain('Latest round (26 November 2026): closed with 1 player');
  });

  test('GIVEN practice THEN the answer is judged at once and nothing is scored', async () => {
    const { discord, server } = world;
    const before = world.storage.scores.standing(server.guild.id, server.carol.id, 'all', '2026-11-26');
    const practice = await discord.slash('quiz practice', {}, { as: server.carol, channel: server.channel });
    expect(practice.ephemeral).toBe(true);
    const feedback = await discord.click(practice, 1, { as: server.carol });
    expect(feedback.embeds[0]?.title).toMatch(/Correct!|Not quite/);
    expect(feedback.embeds[0]?.description).toContain('The answer is');
    expect(world.storage.scores.standing(server.guild.id, server.carol.id, 'all', '2026-11-26')).toEqual(
      before,
    );
  });

  test('GIVEN export by an admin THEN two CSV files come back; members cannot export', async () => {
    const { discord, server } = world;
    const exported = await discord.slash('quiz export', {}, { as: server.admin, channel: server.channel });
    expect(exported.ephemeral).toBe(true);
    expect(exported.content).toContain('3 members over 2 rounds');
    const refused = await discord.slash('quiz export', {}, { as: server.alice, channel: server.channel });
    expect(refused.content).toContain('Manage Server');
  });

  test('GIVEN an admin removes a member’s scores THEN the member drops off the leaderboard and stats', async () => {
    const { discord, server } = world;
    const removed = await discord.slash(
      'quiz remove-scores',
      { member: server.bob.id },
      { as: server.admin, channel: server.channel },
    );
    expect(removed.content).toContain('Removed the quiz scores');
    expect(removed.pings.users).toEqual([]);
    const stats = await discord.slash('quiz stats', {}, { as: server.bob, channel: server.channel });
    expect(stats.content).toContain('You have not answered');
    const board = await discord.slash('quiz leaderboard', {}, { as: server.alice, channel: server.channel });
    expect(board.embeds[0]?.description).not.toContain(`<@${server.bob.id}>`);
  });

  test('GIVEN a ping role above the bot’s own role THEN setup warns the admin and joining tells the member why not', async () => {
    const { discord, server } = world;
    const high = discord.addRole(server.guild, {
      name: 'Quiz high',
      mentionable: true,
      placement: 'above-bot',
    });
    const reply = await world.setUp(server, { 'ping-role': high.id });
    expect(reply.content).toContain('must be above');
    expect(reply.content).toContain(`<@&${high.id}>`);
    const join = await discord.slash('quiz join', {}, { as: server.carol, channel: server.channel });
    expect(join.ephemeral).toBe(true);
    expect(join.content).toContain('I cannot change your quiz pings');
    expect(discord.member(server.carol).roleIds).not.toContain(high.id);
  });
});
