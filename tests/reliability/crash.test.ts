import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
} from '@roundtable/loopback-discord';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { REST } from 'discord.js';
import { afterAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/app/commands.js';
import { createDebateRepository } from '../../src/features/debate/storage/repository.js';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
import { type BotChild, startBotChild } from './support/bot-child.js';

const seed = 4_242;
const serverCount = 12;
const membersPerServer = 4;
const days = 6;
const debatingServers = 4;
const minute = 60_000;

/** A small seeded generator, so every kill point is the same on every run. */
function seededRandom(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface CrashServer {
  guild: GuildRef;
  quiz: ChannelRef;
  politics: ChannelRef;
  admin: MemberRef;
  mod: MemberRef;
  members: MemberRef[];
  timeZone: string;
  time: string;
}

function seedServers(discord: LoopbackDiscord): CrashServer[] {
  return Array.from({ length: serverCount }, (_, index) => {
    const guild = discord.seedGuild({ name: `Crash ${index + 1}` });
    const tokyo = index % 2 === 1;
    return {
      guild,
      quiz: discord.addChannel(guild, { name: 'quiz' }),
      politics: discord.addChannel(guild, { name: 'politics' }),
      admin: discord.addMember(guild, { username: `admin-${index + 1}`, permissions: ['ManageGuild'] }),
      mod: discord.addMember(guild, { username: `mod-${index + 1}`, permissions: ['ManageThreads'] }),
      members: Array.from({ length: membersPerServer }, (_, member) =>
        discord.addMember(guild, { username: `member-${index + 1}-${member + 1}` }),
      ),
      timeZone: tokyo ? 'Asia/Tokyo' : 'Europe/London',
      time: tokyo ? '18:00' : '09:00',
    };
  });
}

const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-crash-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('crashes: the bot process killed with SIGKILL at seeded points, then restarted', () => {
  test(`GIVEN ${days} days of ${serverCount} servers WHEN the bot is killed during every broadcast, answer burst, debate closing and quiz closing THEN no question is posted twice, no confirmed answer is lost, nothing is left open past its time and the database stays intact`, async () => {
    const random = seededRandom(seed);
    const token = `crash-test-${randomBytes(18).toString('hex')}`;
    const discord = await startLoopbackDiscord({ token, timeouts: { acknowledgeMs: 2_000, replyMs: 4_000 } });
    const servers = seedServers(discord);
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(token), commands);
    const databasePath = join(workDirectory, 'roundtable.db');
    const output: string[] = [];
    let now = Date.parse('2026-11-26T08:00:00Z');
    const start = () =>
      startBotChild({ token, apiUrl: discord.apiUrl, databasePath, clockStart: now, output });
    let bot: BotChild = await start();
    const db = new Database(databasePath);
    const quiz = createQuizStorage(db);
    const debates = createDebateRepository(db);
    const figures = { kills: 0, killedMidRequest: 0, restarts: 0, integrityChecks: 0, confirmedAnswers: 0 };
    const confirmed = new Map<string, { roundId: number; choice: number }>();

    try {
      for (const server of servers) {
        await discord.slash(
          'quiz setup',
          { channel: server.quiz.id, time: server.time, timezone: server.timeZone, duration: 1 },
          { as: server.admin, channel: server.quiz },
        );
      }

      /** Kills the bot once Discord has accepted the `count`-th message change since arming, or right after. */
      const armKill = (count: number): (() => void) => {
        let seen = 0;
        const victim = bot;
        const jitter = random() < 0.5 ? 0 : Math.floor(random() * 15);
        const unsubscribe = discord.onMessage((change) => {
          if (change === 'deleted') return;
          seen += 1;
          if (seen !== count) return;
          unsubscribe();
          if (jitter === 0) {
            figures.killedMidRequest += 1;
            void victim.kill();
          } else setTimeout(() => void victim.kill(), jitter);
        });
        return unsubscribe;
      };

      const tickNextMinute = async () => {
        now += minute;
        await bot.tick(now);
      };

      const restartAfterKill = async () => {
        await bot.kill();
        figures.kills += 1;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        figures.integrityChecks += 1;
        bot = await start();
        figures.restarts += 1;
        await tickNextMinute();
      };

      /** Ticks at `at` and kills the bot at the `count`-th message change of that work (or after it). */
      const tickAndKill = async (at: number, count: number) => {
        now = at;
        const disarm = armKill(count);
        await Promise.race([bot.tick(now).catch(() => undefined), bot.exited]);
        disarm();
        await restartAfterKill();
      };

      const roundsOn = (date: string) => servers.map((server) => quiz.rounds.byDate(server.guild.id, date));
      const questionsFor = (server: CrashServer, roundId: number) =>
        discord
          .messagesIn(server.quiz)
          .filter((message) =>
            message.buttons.some((button) => button.customId?.includes(`:answer:${roundId}:`)),
          );
      const resultsIn = (server: CrashServer) =>
        discord
          .messagesIn(server.quiz)
          .filter((message) => (message.embeds[0]?.title ?? '').includes('Quiz results'));

      const checkNothingOverdue = () => {
        for (const server of servers) {
          for (const round of [quiz.rounds.latest(server.guild.id)]) {
            if (!round || round.closesAt > now) continue;
            expect(round.state, `round ${round.id} past its close`).toBe('closed');
          }
        }
        const overdue = db
          .prepare("SELECT id FROM debates WHERE status = 'open' AND closes_at <= ?")
          .all(now) as { id: number }[];
        expect(overdue, 'debates open past their closing time').toEqual([]);
      };

      const checkAnswersKept = () => {
        for (const [userId, answer] of confirmed)
          expect(quiz.answers.choiceOf(answer.roundId, userId), `confirmed answer of ${userId}`).toBe(
            answer.choice,
          );
      };

      const clickAnswers = async (pairs: { server: CrashServer; member: MemberRef }[], date: string) => {
        await Promise.all(
          pairs.map(async ({ server, member }) => {
            const round = quiz.rounds.byDate(server.guild.id, date);
            if (!round) return;
            const question = questionsFor(server, round.id)[0] as LoopbackMessage;
            const answers = question.buttons.filter((button) => button.customId?.includes(':answer:'));
            const choice = Math.floor(random() * answers.length);
            const reply = await discord
              .click(question, answers[choice]?.customId ?? '', { as: member })
              .catch(() => undefined);
            if (reply?.content.includes('Locked in')) confirmed.set(member.id, { roundId: round.id, choice });
            const already = /already answered \*\*([A-E])\*\*/.exec(reply?.content ?? '');
            if (already?.[1])
              confirmed.set(member.id, { roundId: round.id, choice: already[1].charCodeAt(0) - 65 });
          }),
        );
      };

      for (let day = 0; day < days; day += 1) {
        const date = new Date(Date.UTC(2026, 10, 26 + day)).toISOString().slice(0, 10);
        const postAt = Date.UTC(2026, 10, 26 + day, 9, 0);
        confirmed.clear();

        await tickAndKill(postAt, 1 + Math.floor(random() * serverCount));
        await tickNextMinute();
        for (const [index, round] of roundsOn(date).entries()) {
          const server = servers[index] as CrashServer;
          expect(round?.state, `round of ${server.guild.name} on ${date}`).toBe('open');
          expect(
            questionsFor(server, round?.id ?? 0),
            `questions of ${server.guild.name} on ${date}`,
          ).toHaveLength(1);
        }

        const pairs = servers.flatMap((server) => server.members.map((member) => ({ server, member })));
        now = postAt + 10 * minute;
        await bot.tick(now);
        const disarm = armKill(1 + Math.floor(random() * pairs.length));
        await clickAnswers(pairs, date);
        disarm();
        await restartAfterKill();
        checkAnswersKept();
        await clickAnswers(
          pairs.filter(({ member }) => !confirmed.has(member.id)),
          date,
        );
        checkAnswersKept();
        figures.confirmedAnswers += confirmed.size;

        now = postAt + 15 * minute;
        await bot.tick(now);
        for (const server of servers.slice(0, debatingServers)) {
          await discord.slash(
            'debate start',
            { motion: `Day ${day + 1}: should defence spending rise?`, duration: '10m', slowmode: 30 },
            { as: server.mod, channel: server.politics },
          );
        }
        await tickAndKill(postAt + 26 * minute, 1 + Math.floor(random() * debatingServers * 4));
        await tickNextMinute();
        checkNothingOverdue();
        for (const server of servers.slice(0, debatingServers)) {
          for (const thread of discord.threadsIn(server.politics)) {
            const debate = debates.findByThread(thread.id);
            expect(debate?.status).toBe('closed');
            expect(debate?.fault ?? null).toBeNull();
            expect(debate?.parentSummaryAt, `debate ${debate?.id} finished`).not.toBeNull();
            const summaries = discord
              .messagesIn(thread)
              .filter(
                (message) =>
                  message.author.bot &&
                  (message.embeds[0]?.title ?? '').length > 0 &&
                  message.buttons.length === 0,
              );
            expect(summaries, `summaries of debate ${debate?.id}`).toHaveLength(1);
            expect(discord.channel(thread).rateLimitPerUser).toBe(0);
          }
          const closings = discord
            .messagesIn(server.politics)
            .filter((message) => message.content.startsWith('The debate in'));
          expect(closings).toHaveLength(day + 1);
        }

        await tickAndKill(postAt + 60 * minute, 1 + Math.floor(random() * serverCount * 2));
        await tickNextMinute();
        checkNothingOverdue();
        checkAnswersKept();
        for (const [index, round] of roundsOn(date).entries()) {
          const server = servers[index] as CrashServer;
          expect(round).toMatchObject({ state: 'closed', resultsState: 'published' });
          expect(round?.players).toBe(quiz.answers.count(round?.id ?? 0));
          expect(questionsFor(server, round?.id ?? 0)).toHaveLength(1);
          expect(resultsIn(server), `results of ${server.guild.name}`).toHaveLength(day + 1);
        }
      }

      expect(figures.kills).toBeGreaterThanOrEqual(20);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(output.join('')).not.toContain(token);
      const posts = discord.requestsTo('POST /channels/:channel/messages').length;
      console.log(
        `[reliability] crash: ${figures.kills} SIGKILLs (${figures.killedMidRequest} while Discord was answering a request) and ${figures.restarts} restarts over ${days} days of ${serverCount} servers; ${days * serverCount} questions and results each posted exactly once (${posts} message requests), ${figures.confirmedAnswers} confirmed answers all kept, ${days * debatingServers} debates closed once, ${figures.integrityChecks + 1} integrity checks ok, token absent from ${output.join('').length} characters of process output`,
      );
    } finally {
      await bot.kill();
      db.close();
      await discord.close();
    }
  }, 240_000);
});
