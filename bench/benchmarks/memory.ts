import path from 'node:path';
import { REST } from 'discord.js';
import { deployCommands } from '../../src/commands/deploy.js';
import { commands } from '../../src/commands/index.js';
import {
  type ChannelRef,
  type LoopbackDiscord,
  type MemberRef,
  type SlashOptionValue,
  startLoopbackDiscord,
} from '../../src/sandbox/loopback/index.js';
import { BotProcess } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { BotProcessConfig, MemoryFigures } from '../lib/protocol.js';
import { type BenchmarkReport, figure, type Goal } from '../lib/report.js';
import { type SeededServer, type ServerShape, seedServer } from '../lib/seed.js';

type Variant = BotProcessConfig['variant'];

interface Sizes {
  servers: number;
  shape: ServerShape;
  interactions: number;
  inFlight: number;
}

/** What members run, in turn: cheap private answers from every feature Roundtable has. */
const interactionMix: { path: string; values: Record<string, SlashOptionValue> }[] = [
  { path: 'quiz stats', values: {} },
  { path: 'quiz leaderboard', values: {} },
  { path: 'summary', values: { story: 'us-japan-alliance' } },
  { path: 'help', values: {} },
];

const mebibyte = 1024 * 1024;

interface VariantMemory {
  ready: MemoryFigures;
  afterInteractions: MemoryFigures;
  failures: string[];
}

/** 10 000 interactions from distinct members, spread over the servers, a bounded number in flight. */
async function interact(
  discord: LoopbackDiscord,
  servers: readonly SeededServer[],
  sizes: Sizes,
): Promise<string[]> {
  const actors: { member: MemberRef; channel: ChannelRef }[] = [];
  const perServer = Math.ceil(sizes.interactions / servers.length);
  for (let slot = 0; slot < perServer && actors.length < sizes.interactions; slot += 1) {
    for (const server of servers) {
      const member = server.members[slot];
      const channel = server.channels[slot % server.channels.length];
      if (member && channel) actors.push({ member, channel });
      if (actors.length === sizes.interactions) break;
    }
  }
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < actors.length) {
      const index = next++;
      const actor = actors[index];
      const command = interactionMix[index % interactionMix.length];
      if (!actor || !command) continue;
      try {
        await discord.slash(command.path, command.values, { as: actor.member, channel: actor.channel });
      } catch (error) {
        failures.push(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: sizes.inFlight }, worker));
  return failures;
}

async function measure(
  variant: Variant,
  discord: LoopbackDiscord,
  servers: readonly SeededServer[],
  sizes: Sizes,
  context: BenchContext,
): Promise<VariantMemory> {
  const bot = await BotProcess.start(
    {
      variant,
      apiUrl: discord.apiUrl,
      token: discord.token,
      intents: gatewayIntents.reduce((sum, bit) => sum | bit, 0),
      databasePath: path.join(context.workDir, `memory-${variant}.db`),
    },
    { runner: context.runner, exposeGc: true, cpuProfile: context.cpuProfile },
    300_000,
  );
  try {
    const ready = (await bot.request<{ memory: MemoryFigures }>({ kind: 'memory' })).memory;
    const failures = await interact(discord, servers, sizes);
    const afterInteractions = (await bot.request<{ memory: MemoryFigures }>({ kind: 'memory' })).memory;
    const show = (figures: MemoryFigures) =>
      `rss ${(figures.rss / mebibyte).toFixed(0)}, heap ${(figures.heapUsed / mebibyte).toFixed(0)}/${(figures.heapTotal / mebibyte).toFixed(0)}, external ${(figures.external / mebibyte).toFixed(0)}, buffers ${(figures.arrayBuffers / mebibyte).toFixed(0)} MiB`;
    context.log(`memory ${variant} ready: ${show(ready)}; after: ${show(afterInteractions)}`);
    context.log(
      `memory ${variant}: RSS ${(ready.rss / mebibyte).toFixed(0)} MiB after ready, ${(afterInteractions.rss / mebibyte).toFixed(0)} MiB after ${sizes.interactions} interactions (heap ${(ready.heapUsed / mebibyte).toFixed(0)} -> ${(afterInteractions.heapUsed / mebibyte).toFixed(0)} MiB), ${failures.length} failures`,
    );
    return { ready, afterInteractions, failures };
  } finally {
    await bot.stop();
  }
}

export async function runMemory(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const sizes: Sizes = context.smoke
    ? { servers: 5, shape: { channels: 4, roles: 6, members: 12 }, interactions: 40, inFlight: 8 }
    : {
        servers: 2_500,
        shape: { channels: 20, roles: 50, members: 100 },
        interactions: 10_000,
        inFlight: 32,
      };
  const discord = await startLoopbackDiscord({ recordLimit: 2_000 });
  try {
    const seedStart = performance.now();
    const servers = Array.from({ length: sizes.servers }, (_, index) =>
      seedServer(discord, index, sizes.shape),
    );
    context.log(`memory: seeded ${sizes.servers} servers in ${Math.round(performance.now() - seedStart)} ms`);
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);
    const bare = await measure('bare', discord, servers, sizes, context);
    const roundtable = await measure('roundtable', discord, servers, sizes, context);

    const mib = (figures: MemoryFigures) => figures.rss / mebibyte;
    const heap = (figures: MemoryFigures) => figures.heapUsed / mebibyte;
    const baseline = (value: number) => ({ name: 'discord.js with default caches', value });
    const readyRatio = roundtable.ready.rss / bare.ready.rss;
    const rssGrowth = roundtable.afterInteractions.rss / roundtable.ready.rss - 1;
    const heapGrowth = roundtable.afterInteractions.heapUsed / roundtable.ready.heapUsed - 1;
    const failures = [...bare.failures, ...roundtable.failures];
    const goals: Goal[] = [
      {
        description: 'RSS after ready at most half the baseline',
        met: readyRatio <= 0.5,
        detail: `ratio ${readyRatio.toFixed(2)}`,
      },
      {
        description: 'flat after the interactions (RSS and heap grow by at most 5%)',
        met: rssGrowth <= 0.05 && heapGrowth <= 0.05,
        detail: `RSS ${(rssGrowth * 100).toFixed(1)}%, heap ${(heapGrowth * 100).toFixed(1)}%`,
      },
    ];
    return {
      name: 'memory',
      title: `Memory: ${sizes.servers} servers with ${sizes.shape.channels} channels, ${sizes.shape.roles} roles and ${sizes.shape.members} members each`,
      figures: [
        figure('RSS after ready', mib(roundtable.ready), 'MiB', baseline(mib(bare.ready))),
        figure(
          `RSS after ${sizes.interactions} interactions`,
          mib(roundtable.afterInteractions),
          'MiB',
          baseline(mib(bare.afterInteractions)),
        ),
        figure('heap used after ready', heap(roundtable.ready), 'MiB', baseline(heap(bare.ready))),
        figure(
          `heap used after ${sizes.interactions} interactions`,
          heap(roundtable.afterInteractions),
          'MiB',
          baseline(heap(bare.afterInteractions)),
        ),
      ],
      goals,
      notes: [
        'each client in its own process, measured after three full garbage collections (node --expose-gc)',
        `interactions from ${sizes.interactions} distinct members, ${sizes.inFlight} at a time: ${interactionMix.map((entry) => `/${entry.path}`).join(', ')}`,
        `${failures.length} interactions failed${failures.length > 0 ? `: ${failures.slice(0, 3).join('; ')}` : ''}`,
      ],
      durationMs: performance.now() - startedAt,
    };
  } finally {
    await discord.close();
  }
}
