import path from 'node:path';
import { type ChannelRef, type RecordedRequest, startLoopbackDiscord } from '@roundtable/loopback-discord';
import { localDateAt, localPartsAt } from '../../src/features/quiz/core/time.js';
import { BotProcess } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { RoundSummary, StoredQuizConfig } from '../lib/protocol.js';
import { type BenchmarkReport, figure, type Goal } from '../lib/report.js';

const postAt = Date.parse('2026-11-26T12:00:00Z');
const globalPerSecond = 50;
const messageRoute = 'POST /channels/:id/messages';
/** Discord's bucket for creating messages: 5 per 5 seconds per channel. */
const routeBuckets = {
  [messageRoute]: { limit: 5, windowMs: 5_000 },
  'PATCH /channels/:id/messages/:id': { limit: 5, windowMs: 5_000 },
};

/** Servers around the world whose local quiz time is the same UTC minute. */
const timeZones = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Pacific/Auckland',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
];

function hhmm(instant: number, timeZone: string): string {
  const parts = localPartsAt(instant, timeZone);
  return `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
}

function nonceOf(request: RecordedRequest): string {
  const body = request.body as { nonce?: unknown } | undefined;
  return typeof body?.nonce === 'string' ? body.nonce : `no nonce: ${request.path}`;
}

export async function runBroadcast(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const servers = context.smoke ? 20 : 1_000;
  const discord = await startLoopbackDiscord({
    recordLimit: servers * 4 + 1_000,
    rateLimits: { routes: routeBuckets, globalPerSecond },
  });
  let bot: BotProcess | undefined;
  try {
    const seeded: { guildId: string; channel: ChannelRef; timeZone: string }[] = [];
    for (let index = 0; index < servers; index += 1) {
      const guild = discord.seedGuild({ name: `Server ${index + 1}` });
      discord.addChannel(guild, { name: 'general' });
      const channel = discord.addChannel(guild, { name: 'quiz' });
      seeded.push({ guildId: guild.id, channel, timeZone: timeZones[index % timeZones.length] as string });
    }
    bot = await BotProcess.start(
      {
        variant: 'roundtable',
        apiUrl: discord.apiUrl,
        token: discord.token,
        intents: gatewayIntents.reduce((sum, bit) => sum | bit, 0),
        databasePath: path.join(context.workDir, 'broadcast.db'),
        clockStart: postAt - 60_000,
      },
      { runner: context.runner, cpuProfile: context.cpuProfile },
    );
    const configs: StoredQuizConfig[] = seeded.map((server) => ({
      guildId: server.guildId,
      channelId: server.channel.id,
      postTime: hhmm(postAt, server.timeZone),
      timeZone: server.timeZone,
      durationMinutes: 720,
      pingRoleId: null,
      paused: false,
      activeSince: postAt - 60_000,
      updatedAt: postAt - 60_000,
    }));
    await bot.request({ kind: 'configure-quiz', configs });
    const requestsBefore = discord.requests.length;
    const tickClock = discord.clock.now();
    const tickStart = performance.now();
    await bot.request({ kind: 'tick', at: postAt }, 600_000);
    const seconds = (performance.now() - tickStart) / 1000;

    const { rounds } = await bot.request<{ rounds: RoundSummary[] }>({
      kind: 'quiz-rounds',
      rounds: seeded.map((server) => ({
        guildId: server.guildId,
        localDate: localDateAt(postAt, server.timeZone),
      })),
    });
    const posts = discord.requestsTo(messageRoute);
    const firstPost = Math.min(...posts.map((request) => request.at));
    const lastPost = Math.max(...posts.map((request) => request.at));
    const rateLimitedByNonce = new Map<string, number>();
    for (const request of posts)
      if (request.status === 429)
        rateLimitedByNonce.set(nonceOf(request), (rateLimitedByNonce.get(nonceOf(request)) ?? 0) + 1);
    const worstRepeat = Math.max(0, ...rateLimitedByNonce.values());
    const answered429 = posts.filter((request) => request.status === 429).length;
    const postedPerChannel = seeded.map(
      (server) => discord.messagesIn(server.channel).filter((message) => message.author.bot).length,
    );
    const open = rounds.filter((round) => round.state === 'open').length;
    const duringTick = discord.requests.length - requestsBefore;
    const bound = servers / globalPerSecond;
    const ratio = seconds / bound;
    const goals: Goal[] = [
      {
        description: 'all posted within 1.1 times the lower bound',
        met: ratio <= 1.1 && open === servers,
        detail: `${seconds.toFixed(1)} s for ${open}/${servers} posted, bound ${bound.toFixed(1)} s, ratio ${ratio.toFixed(3)}`,
      },
      {
        description: 'no request answered 429 more than once',
        met: worstRepeat <= 1,
        detail: `${answered429} message requests answered 429, at most ${worstRepeat} time(s) for one message`,
      },
      {
        description: 'none posted twice',
        met: postedPerChannel.every((count) => count === 1),
        detail: `${postedPerChannel.filter((count) => count === 1).length} channels with exactly one question, ${postedPerChannel.filter((count) => count > 1).length} with more`,
      },
    ];
    return {
      name: 'broadcast',
      title: `Broadcast: ${servers} servers due in the same minute under ${globalPerSecond} requests/s and per-route 429 buckets`,
      figures: [
        figure('time from the minute tick until every question is posted', seconds, 's', {
          name: `lower bound (${servers} messages / ${globalPerSecond} per s)`,
          value: bound,
        }),
        figure('from the tick to the first message request', (firstPost - tickClock) / 1000, 's'),
        figure('from the first message request to the last', (lastPost - firstPost) / 1000, 's', {
          name: `the global limit's minimum (${servers} requests in windows of ${globalPerSecond})`,
          value: Math.ceil(servers / globalPerSecond) - 1,
        }),
        figure('REST requests during the tick', duringTick, 'requests', {
          name: 'messages needed',
          value: servers,
        }),
        figure('429 answers', answered429, 'answers'),
      ],
      goals,
      notes: [
        `servers spread over ${timeZones.length} time zones whose local quiz time is the same UTC minute`,
        `rate limits answered by the loopback: ${JSON.stringify(discord.rateLimitCounts())}`,
      ],
      durationMs: performance.now() - startedAt,
    };
  } finally {
    await bot?.stop();
    await discord.close();
  }
}
