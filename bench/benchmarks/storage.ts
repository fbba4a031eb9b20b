import path from 'node:path';
import Database from 'better-sqlite3';
import { questionBankOf } from '../../src/features/quiz/core/bank.js';
import { snapshotQuestion } from '../../src/features/quiz/core/round.js';
import type { LeaderboardPeriod } from '../../src/features/quiz/core/scoring.js';
import { addDays, type LocalDate } from '../../src/features/quiz/core/time.js';
import { createQuizStorage, type QuizStorage } from '../../src/features/quiz/storage/index.js';
import { loadContent } from '../../src/features/story-packs/core/index.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { migrate } from '../../src/platform/database/migrate.js';
import { migrations } from '../../src/platform/database/migrations/index.js';
import type { BenchContext } from '../lib/context.js';
import { seededRandom, snowflakeOf } from '../lib/random.js';
import { type BenchmarkReport, figure, type Goal } from '../lib/report.js';
import { type Distribution, distributionOf } from '../lib/stats.js';

interface Server {
  guildId: string;
  channelId: string;
  /** Answers this server will have after the last day. */
  planned: number;
  members: string[];
  /** Answers stored so far. */
  answers: number;
}

interface Sizes {
  servers: number;
  days: number;
  answers: number;
  samples: number;
  inserts: number;
}

const firstDay: LocalDate = '2025-11-26';

/**
 * Servers of uneven size (answers per server fall off as 1/rank^0.8, like real communities), each with
 * a member pool three times its daily answers; every member answers at most once a day. The planned
 * answers add up to exactly `sizes.answers` (largest remainders).
 */
export function planServers(sizes: Sizes): Server[] {
  const weights = Array.from({ length: sizes.servers }, (_, index) => 1 / (index + 1) ** 0.8);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (sizes.answers * weight) / total);
  const planned = shares.map(Math.floor);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((left, right) => right.remainder - left.remainder);
  let missing = sizes.answers - planned.reduce((sum, value) => sum + value, 0);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    planned[index] = (planned[index] ?? 0) + 1;
    missing -= 1;
  }
  return planned.map((answers, index) => {
    const pool = Math.max(4, Math.ceil((answers / sizes.days) * 3));
    return {
      guildId: snowflakeOf(1, index + 1),
      channelId: snowflakeOf(2, index + 1),
      planned: answers,
      members: Array.from({ length: pool }, (_, member) => snowflakeOf(3, index * 100_000 + member)),
      answers: 0,
    };
  });
}

/** How many of a server's answers fall on `day`: its planned total spread evenly over the days. */
function answersOn(server: Server, day: number, days: number): number {
  return Math.floor(((day + 1) * server.planned) / days) - Math.floor((day * server.planned) / days);
}

function pickMembers(server: Server, count: number, random: () => number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    // Regulars answer more often than occasional players: the pick leans towards the pool's start.
    const position = Math.floor(random() ** 1.5 * server.members.length);
    chosen.add(server.members[position] as string);
  }
  return [...chosen];
}

export function populate(
  db: Database.Database,
  storage: QuizStorage,
  servers: Server[],
  sizes: Sizes,
  bank: ReturnType<typeof questionBankOf>,
) {
  const random = seededRandom(7);
  const batch = db.transaction((day: number) => {
    const localDate = addDays(firstDay, day);
    const postedAt = Date.parse(`${localDate}T09:00:00Z`);
    const closesAt = postedAt + 12 * 3_600_000;
    for (const [index, server] of servers.entries()) {
      const question = bank[(day * 7 + index) % bank.length];
      if (!question) throw new Error('the story packs hold no quiz question');
      const created = storage.rounds.create({
        guildId: server.guildId,
        localDate,
        channelId: server.channelId,
        question: snapshotQuestion(question),
        scheduledAt: postedAt,
        closesAt,
        late: false,
        pingRoleId: null,
        now: postedAt - 1_000,
      });
      const roundId = created.round.id;
      storage.rounds.markPosted(roundId, snowflakeOf(4, roundId), postedAt);
      const count = answersOn(server, day, sizes.days);
      for (const [position, userId] of pickMembers(server, count, random).entries()) {
        const correct = random() < 0.6;
        const choice = correct
          ? question.answerIndex
          : (question.answerIndex + 1 + Math.floor(random() * (question.choices.length - 1))) %
            question.choices.length;
        storage.answers.record(roundId, userId, choice, postedAt + 60_000 + position * 1_000);
      }
      server.answers += count;
      storage.scores.close(roundId, closesAt);
    }
  });
  for (let day = 0; day < sizes.days; day += 1) batch(day);
}

/** Picks a server with probability proportional to its answers, so busy servers are queried more. */
function serverPicker(servers: Server[], random: () => number): () => Server {
  const cumulative: number[] = [];
  let total = 0;
  for (const server of servers) {
    total += server.answers;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return servers[low] as Server;
  };
}

function timed(call: () => unknown): number {
  const start = process.hrtime.bigint();
  call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function runStorage(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const sizes: Sizes = context.smoke
    ? { servers: 20, days: 30, answers: 3_000, samples: 200, inserts: 200 }
    : { servers: 1_000, days: 365, answers: 1_000_000, samples: 5_000, inserts: 20_000 };
  const loaded = await loadContent('content', { today: '2026-12-07' });
  if (loaded.kind !== 'ok') throw new Error('the story packs in content/ are invalid');
  const bank = questionBankOf(loaded.library);
  const file = path.join(context.workDir, 'storage.db');
  const servers = planServers(sizes);
  const populateStart = performance.now();
  // Filling the database is set-up, not measured: no journal file and no syncing while it fills.
  const filling = new Database(file);
  try {
    filling.pragma('journal_mode = MEMORY');
    filling.pragma('synchronous = OFF');
    filling.pragma('cache_size = -262144');
    migrate(filling, migrations);
    populate(filling, createQuizStorage(filling), servers, sizes, bank);
    filling.exec('ANALYZE');
  } finally {
    filling.close();
  }
  const stored = servers.reduce((sum, server) => sum + server.answers, 0);
  context.log(
    `storage: ${stored} answers in ${sizes.servers * sizes.days} rounds stored and scored in ${Math.round((performance.now() - populateStart) / 1000)} s`,
  );
  const db = openDatabase(file);
  try {
    const storage = createQuizStorage(db);

    const today = addDays(firstDay, sizes.days - 1);
    const random = seededRandom(11);
    const pickServer = serverPicker(servers, random);
    const pickMember = (server: Server) =>
      server.members[Math.floor(random() * server.members.length)] as string;
    const scores = storage.scores;
    const rawPoint = db.prepare<[number, string], { choice: number }>(
      'SELECT choice FROM quiz_answers WHERE round_id = ? AND user_id = ?',
    );
    const closedRounds = sizes.servers * sizes.days;

    const samples: Record<string, number[]> = {
      'leaderboard week': [],
      'leaderboard month': [],
      'leaderboard all': [],
      stats: [],
      'raw indexed point query': [],
    };
    const leaderboardReads = (guildId: string, userId: string, period: LeaderboardPeriod) => {
      scores.leaderboard(guildId, period, today, 10);
      scores.standing(guildId, userId, period, today);
      scores.players(guildId, period, today);
    };
    const statsReads = (guildId: string, userId: string) => {
      scores.standing(guildId, userId, 'all', today);
      scores.streak(guildId, userId);
      storage.rounds.latestClosedDate(guildId);
      scores.players(guildId, 'all', today);
    };
    for (let sample = 0; sample < sizes.samples; sample += 1) {
      for (const period of ['week', 'month', 'all'] as const) {
        const server = pickServer();
        const member = pickMember(server);
        samples[`leaderboard ${period}`]?.push(timed(() => leaderboardReads(server.guildId, member, period)));
      }
      const server = pickServer();
      const member = pickMember(server);
      samples.stats?.push(timed(() => statsReads(server.guildId, member)));
      const roundId = 1 + Math.floor(random() * closedRounds);
      const pointMember = pickMember(pickServer());
      samples['raw indexed point query']?.push(timed(() => rawPoint.get(roundId, pointMember)));
    }

    // Inserts: Roundtable's answer path against a plain INSERT into a copy of the answers table.
    const openDate = addDays(today, 1);
    const openAt = Date.parse(`${openDate}T09:00:00Z`);
    const openRounds = servers.map((server, index) => {
      const question = bank[index % bank.length];
      if (!question) throw new Error('no quiz question');
      const created = storage.rounds.create({
        guildId: server.guildId,
        localDate: openDate,
        channelId: server.channelId,
        question: snapshotQuestion(question),
        scheduledAt: openAt,
        closesAt: openAt + 12 * 3_600_000,
        late: false,
        pingRoleId: null,
        now: openAt,
      });
      storage.rounds.markPosted(created.round.id, snowflakeOf(4, created.round.id), openAt);
      return created.round.id;
    });
    db.exec(`CREATE TABLE bench_raw_answers (
      round_id INTEGER NOT NULL, user_id TEXT NOT NULL, choice INTEGER NOT NULL, answered_at INTEGER NOT NULL,
      PRIMARY KEY (round_id, user_id)) STRICT, WITHOUT ROWID;
      INSERT INTO bench_raw_answers SELECT round_id, user_id, choice, answered_at FROM quiz_answers;`);
    const rawInsert = db.prepare<[number, string, number, number]>(
      'INSERT INTO bench_raw_answers (round_id, user_id, choice, answered_at) VALUES (?, ?, ?, ?)',
    );
    const inserts: Record<'roundtable' | 'raw', number[]> = { roundtable: [], raw: [] };
    let recorded = 0;
    for (let insert = 0; insert < sizes.inserts; insert += 1) {
      const roundId = openRounds[insert % openRounds.length] as number;
      const userId = snowflakeOf(5, insert);
      const choice = insert % 4;
      const now = openAt + 1_000 + insert;
      if (insert % 2 === 0) {
        inserts.roundtable.push(
          timed(() => {
            if (storage.answers.record(roundId, userId, choice, now).kind === 'recorded') recorded += 1;
          }),
        );
        inserts.raw.push(timed(() => rawInsert.run(roundId, userId, choice, now)));
      } else {
        inserts.raw.push(timed(() => rawInsert.run(roundId, userId, choice, now)));
        inserts.roundtable.push(
          timed(() => {
            if (storage.answers.record(roundId, userId, choice, now).kind === 'recorded') recorded += 1;
          }),
        );
      }
    }

    const distributions = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [name, distributionOf(values)]),
    ) as Record<string, Distribution>;
    const point = distributions['raw indexed point query'] as Distribution;
    const insertRoundtable = distributionOf(inserts.roundtable);
    const insertRaw = distributionOf(inserts.raw);
    const queryNames = ['leaderboard week', 'leaderboard month', 'leaderboard all', 'stats'];
    const goals: Goal[] = queryNames.map((name) => {
      const p99 = distributions[name]?.p99 ?? Number.NaN;
      return { description: `${name} p99 under 2 ms`, met: p99 < 2, detail: `p99 ${p99.toFixed(3)} ms` };
    });
    const insertRatio = insertRoundtable.p50 / insertRaw.p50;
    goals.push({
      description: 'an answer insert within 1.5 times the raw insert',
      met: insertRatio <= 1.5 && recorded === inserts.roundtable.length,
      detail: `median ratio ${insertRatio.toFixed(2)} (mean ratio ${(insertRoundtable.mean / insertRaw.mean).toFixed(2)}); ${recorded}/${inserts.roundtable.length} recorded`,
    });
    const pointBaseline = (value: number) => ({ name: 'raw indexed point query', value });
    return {
      name: 'storage',
      title: `Storage: ${stored} answers over ${sizes.servers} servers and ${sizes.days} days`,
      figures: [
        ...queryNames.flatMap((name) => {
          const distribution = distributions[name] as Distribution;
          return [
            figure(`${name} p50`, distribution.p50, 'ms', pointBaseline(point.p50)),
            figure(`${name} p99`, distribution.p99, 'ms', pointBaseline(point.p99)),
          ];
        }),
        figure('answer insert p50', insertRoundtable.p50, 'ms', { name: 'raw insert', value: insertRaw.p50 }),
        figure('answer insert mean', insertRoundtable.mean, 'ms', {
          name: 'raw insert',
          value: insertRaw.mean,
        }),
        figure('answer insert p99', insertRoundtable.p99, 'ms', { name: 'raw insert', value: insertRaw.p99 }),
      ],
      goals,
      notes: [
        `${sizes.samples} samples per query, servers drawn in proportion to their answers; the largest server has ${servers[0]?.members.length} members and ${servers[0]?.answers} answers`,
        "leaderboard = the reads of /quiz leaderboard (top 10, the caller's standing, player count); stats = the reads of /quiz stats",
        `inserts alternate with raw inserts (${sizes.inserts} each) into open rounds; each statement commits on its own, as a click does`,
      ],
      durationMs: performance.now() - startedAt,
    };
  } finally {
    db.close();
  }
}
