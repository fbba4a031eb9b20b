import path from 'node:path';
import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  type LoopbackDiscord,
  type LoopbackMessage,
  type MemberRef,
  startLoopbackDiscord,
} from '@roundtable/loopback-discord';
import { BotProcess } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { Activity, BotProcessConfig, RoundSummary } from '../lib/protocol.js';
import { type BenchmarkReport, figure, type Goal } from '../lib/report.js';
import { type Distribution, distributionOf, median } from '../lib/stats.js';

type Variant = BotProcessConfig['variant'];
type Pace = { kind: 'flood' } | { kind: 'paced'; perSecond: number };

interface BurstRun {
  variant: Variant;
  pace: Pace;
  clicks: number;
  /** Callbacks that came after Discord's 3 s window (the member saw "interaction failed"). */
  expired: number;
  failures: string[];
  /** Clicks per second from the first injection to the last recorded callback. */
  throughput: number;
  latency: Distribution;
  /** The bot process while the clicks came in: event-loop delay and CPU time. */
  activity: Activity;
  /** Answers Roundtable stored for the round, and members who clicked but have none. */
  stored: number | null;
  missing: number | null;
}

const postAt = Date.parse('2026-11-26T12:00:00Z');
const localDate = '2026-11-26';

function intentBits(): number {
  return gatewayIntents.reduce((sum, bit) => sum | bit, 0);
}

/** Starts the bot process and gets a message with answer buttons into the channel. */
async function prepare(
  variant: Variant,
  discord: LoopbackDiscord,
  guildId: string,
  channelId: string,
  context: BenchContext,
  label: string,
): Promise<{ bot: BotProcess; message: LoopbackMessage; roundId: number | null }> {
  const config: BotProcessConfig = {
    variant,
    apiUrl: discord.apiUrl,
    token: discord.token,
    intents: intentBits(),
    databasePath: path.join(context.workDir, `burst-${label}.db`),
    clockStart: postAt - 60_000,
  };
  const bot = await BotProcess.start(config, { runner: context.runner, cpuProfile: context.cpuProfile });
  if (variant === 'bare') {
    const posted = await bot.request<{ messageId: string }>({ kind: 'post-buttons', channelId });
    const message = discord.message(posted.messageId);
    if (!message) throw new Error('the bare client posted no message');
    return { bot, message, roundId: null };
  }
  await bot.request({
    kind: 'configure-quiz',
    configs: [
      {
        guildId,
        channelId,
        postTime: '12:00',
        timeZone: 'UTC',
        durationMinutes: 720,
        pingRoleId: null,
        paused: false,
        activeSince: postAt - 60_000,
        updatedAt: postAt - 60_000,
      },
    ],
  });
  await bot.request({ kind: 'tick', at: postAt });
  const { rounds } = await bot.request<{ rounds: RoundSummary[] }>({
    kind: 'quiz-rounds',
    rounds: [{ guildId, localDate }],
  });
  const round = rounds[0];
  const message = round?.messageId ? discord.message(round.messageId) : null;
  if (!round?.roundId || !message)
    throw new Error(`the quiz question was not posted: ${JSON.stringify(round)}`);
  return { bot, message, roundId: round.roundId };
}

function expectedReply(variant: Variant, reply: LoopbackMessage): boolean {
  if (!reply.ephemeral) return false;
  return variant === 'bare' ? reply.content === 'ok' : reply.content.startsWith('Locked in');
}

interface Injection {
  /** Injection to recorded callback, for every click whose callback reached the loopback. */
  latencies: number[];
  /** Callbacks refused because they came after Discord's 3 s acknowledgement window. */
  expired: number;
  /** Clicks that got no callback, or a wrong reply. */
  failures: string[];
  /** From the first injection to the last recorded callback. */
  elapsedMs: number;
}

async function inject(
  discord: LoopbackDiscord,
  message: LoopbackMessage,
  members: readonly MemberRef[],
  variant: Variant,
  pace: Pace,
): Promise<Injection> {
  const result: Injection = { latencies: [], expired: 0, failures: [], elapsedMs: 0 };
  let lastRecordedAt = 0;
  const clicks: Promise<void>[] = [];
  const click = (member: MemberRef, index: number) => {
    const injectedAt = performance.now();
    const recorded = () => {
      const recordedAt = performance.now();
      lastRecordedAt = Math.max(lastRecordedAt, recordedAt);
      result.latencies.push(recordedAt - injectedAt);
    };
    clicks.push(
      discord.click(message, (index % message.buttons.length) + 1, { as: member }).then(
        (reply) => {
          recorded();
          if (!expectedReply(variant, reply)) result.failures.push(`unexpected reply: ${reply.content}`);
        },
        (error: unknown) => {
          const text = error instanceof Error ? error.message : String(error);
          if (text.includes('expired before the bot acknowledged')) {
            recorded();
            result.expired += 1;
          } else result.failures.push(text.split('\n')[0] ?? text);
        },
      ),
    );
  };
  const startedAt = performance.now();
  if (pace.kind === 'flood') {
    for (const [index, member] of members.entries()) {
      click(member, index);
      if (index % 50 === 49) await yieldToLoop();
    }
  } else {
    const spacingMs = 1000 / pace.perSecond;
    let next = 0;
    while (next < members.length) {
      const due = Math.min(members.length, Math.floor((performance.now() - startedAt) / spacingMs) + 1);
      for (; next < due; next += 1) click(members[next] as MemberRef, next);
      await sleep(1);
    }
  }
  await Promise.all(clicks);
  result.elapsedMs = lastRecordedAt - startedAt;
  return result;
}

export async function runOnce(
  variant: Variant,
  pace: Pace,
  clicks: number,
  context: BenchContext,
  label: string,
) {
  const discord = await startLoopbackDiscord({ recordLimit: clicks * 2 + 1_000 });
  let bot: BotProcess | undefined;
  try {
    const guild = discord.seedGuild({ name: 'Burst' });
    const channel = discord.addChannel(guild, { name: 'quiz' });
    const members: MemberRef[] = [];
    for (let index = 0; index < clicks; index += 1)
      members.push(discord.addMember(guild, { username: `player${index}` }));
    const prepared = await prepare(variant, discord, guild.id, channel.id, context, label);
    bot = prepared.bot;
    await bot.request({ kind: 'activity' });
    const outcome = await inject(discord, prepared.message, members, variant, pace);
    const { activity } = await bot.request<{ activity: Activity }>({ kind: 'activity' });
    let stored: number | null = null;
    let missing: number | null = null;
    if (prepared.roundId !== null) {
      const answers = await bot.request<{ stored: number; missing: number }>({
        kind: 'quiz-answers',
        roundId: prepared.roundId,
        userIds: members.map((member) => member.id),
      });
      stored = answers.stored;
      missing = answers.missing;
    }
    const run: BurstRun = {
      variant,
      pace,
      clicks,
      expired: outcome.expired,
      failures: outcome.failures,
      throughput: (outcome.latencies.length / outcome.elapsedMs) * 1000,
      latency: distributionOf(outcome.latencies),
      activity,
      stored,
      missing,
    };
    context.log(
      `burst ${label}: ${Math.round(run.throughput)} clicks/s, p50 ${run.latency.p50.toFixed(2)} ms, p99 ${run.latency.p99.toFixed(2)} ms, bot CPU ${(run.activity.cpuMs / clicks).toFixed(3)} ms/click, bot loop delay p99 ${run.activity.loopDelayP99.toFixed(1)} max ${run.activity.loopDelayMax.toFixed(1)} ms,${run.activity.answerInserts ? ` inserts p99 ${run.activity.answerInserts.p99.toFixed(2)} max ${run.activity.answerInserts.max.toFixed(1)} ms (${run.activity.answerInserts.over5ms} over 5 ms),` : ''} ${run.expired} after 3 s, ${run.failures.length} failures${stored === null ? '' : `, ${stored} stored, ${missing} missing`}`,
    );
    return run;
  } finally {
    await bot?.stop();
    await discord.close();
  }
}

export async function runBurst(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const clicks = context.smoke ? 40 : 5_000;
  const perSecond = context.smoke ? 200 : 500;
  const repetitions = context.smoke ? 1 : 3;
  const runs: BurstRun[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const variants =
      repetition % 2 === 0 ? (['bare', 'roundtable'] as const) : (['roundtable', 'bare'] as const);
    for (const pace of [{ kind: 'flood' }, { kind: 'paced', perSecond }] as const) {
      for (const variant of variants)
        runs.push(await runOnce(variant, pace, clicks, context, `${variant}-${pace.kind}-${repetition + 1}`));
    }
  }
  const medianOf = (variant: Variant, pace: Pace['kind'], pick: (run: BurstRun) => number) =>
    median(runs.filter((run) => run.variant === variant && run.pace.kind === pace).map(pick));
  const compare = (name: string, unit: string, pace: Pace['kind'], pick: (run: BurstRun) => number) =>
    figure(name, medianOf('roundtable', pace, pick), unit, {
      name: 'bare discord.js client',
      value: medianOf('bare', pace, pick),
    });

  const throughput = compare(
    'throughput, injected as fast as the gateway takes them',
    'clicks/s',
    'flood',
    (run) => run.throughput,
  );
  const pacedP99 = compare(`p99 at ${perSecond} clicks/s offered`, 'ms', 'paced', (run) => run.latency.p99);
  const roundtableRuns = runs.filter((run) => run.variant === 'roundtable');
  const storedOnce = roundtableRuns.every((run) => run.stored === run.clicks && run.missing === 0);
  const failures = runs.flatMap((run) =>
    run.failures.map((failure) => `${run.variant} ${run.pace.kind}: ${failure}`),
  );
  const expired = (variant: Variant) =>
    runs.filter((run) => run.variant === variant && run.pace.kind === 'flood').map((run) => run.expired);
  const goals: Goal[] = [
    {
      description: 'throughput at least 0.8 of the bare client',
      met: (throughput.ratio ?? 0) >= 0.8,
      detail: `ratio ${(throughput.ratio ?? Number.NaN).toFixed(2)}`,
    },
    {
      description: `p99 under 20 ms at ${perSecond} clicks/s offered`,
      met: pacedP99.value < 20,
      detail: `median p99 ${pacedP99.value.toFixed(2)} ms over ${repetitions} run(s): ${roundtableRuns
        .filter((run) => run.pace.kind === 'paced')
        .map((run) => run.latency.p99.toFixed(1))
        .join(', ')} ms (bare client: ${runs
        .filter((run) => run.variant === 'bare' && run.pace.kind === 'paced')
        .map((run) => run.latency.p99.toFixed(1))
        .join(', ')} ms)`,
    },
    {
      description: 'every answer stored once',
      met: storedOnce && failures.length === 0,
      detail: `${roundtableRuns.map((run) => `${run.stored}/${run.clicks}`).join(', ')} stored with ${roundtableRuns.reduce((sum, run) => sum + (run.missing ?? 0), 0)} missing; ${failures.length} clicks without a callback or with a wrong reply`,
    },
  ];
  return {
    name: 'burst',
    title: `Answer burst: ${clicks} clicks from ${clicks} members on one round`,
    figures: [
      throughput,
      compare('p50 injection to recorded callback, flood', 'ms', 'flood', (run) => run.latency.p50),
      compare('p99 injection to recorded callback, flood', 'ms', 'flood', (run) => run.latency.p99),
      compare(`p50 at ${perSecond} clicks/s offered`, 'ms', 'paced', (run) => run.latency.p50),
      pacedP99,
      compare(
        `bot process CPU per click at ${perSecond} clicks/s`,
        'ms',
        'paced',
        (run) => run.activity.cpuMs / run.clicks,
      ),
      compare(
        `bot event-loop delay p99 at ${perSecond} clicks/s`,
        'ms',
        'paced',
        (run) => run.activity.loopDelayP99,
      ),
      compare(
        `bot event-loop delay max at ${perSecond} clicks/s`,
        'ms',
        'paced',
        (run) => run.activity.loopDelayMax,
      ),
    ],
    goals,
    notes: [
      `median of ${repetitions} run(s) per variant and pace, alternating which variant goes first; each run on a fresh loopback server and bot process`,
      `flood: callbacks after Discord's 3 s acknowledgement window (the member sees "interaction failed"): bare ${expired('bare').join(', ')}; Roundtable ${expired('roundtable').join(', ')} of ${clicks} per run; Roundtable takes back an answer whose acknowledgement Discord refuses, so those clicks change nothing`,
      ...failures.slice(0, 5),
    ],
    durationMs: performance.now() - startedAt,
  };
}
