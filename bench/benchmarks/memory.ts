import path from 'node:path';
import {
  type ChannelRef,
  type LoopbackDiscord,
  type MemberRef,
  type SlashOptionValue,
  startLoopbackDiscord,
} from '@roundtable/loopback-discord';
import { REST } from 'discord.js';
import { commands } from '../../src/app/commands.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
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
  messages: number;
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
  /** After the first and the second batch of interactions, each from members who had not acted yet. */
  afterInteractions: MemoryFigures;
  afterMoreInteractions: MemoryFigures;
  afterMessages: MemoryFigures;
  failures: string[];
}

type Actor = { member: MemberRef; channel: ChannelRef };

/** Distinct members spread over the servers, taking member slots from `firstSlot` on. */
function actorsFor(servers: readonly SeededServer[], count: number, firstSlot: number): Actor[] {
  const actors: Actor[] = [];
  for (let slot = firstSlot; actors.length < count; slot += 1) {
    let added = false;
    for (const server of servers) {
      const member = server.members[slot];
      const channel = server.channels[slot % server.channels.length];
      if (member && channel) {
        actors.push({ member, channel });
        added = true;
      }
      if (actors.length === count) break;
    }
    if (!added)
      throw new Error(`the servers have too few members for ${count} actors from slot ${firstSlot}`);
  }
  return actors;
}

/** Runs one slash command per actor, a bounded number in flight; returns the failures. */
async function interact(
  discord: LoopbackDiscord,
  actors: readonly Actor[],
  inFlight: number,
): Promise<string[]> {
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
  await Promise.all(Array.from({ length: inFlight }, worker));
  return failures;
}

function showMemory(figures: MemoryFigures): string {
  const inMiB = (bytes: number) => (bytes / mebibyte).toFixed(0);
  return `RSS ${inMiB(figures.rss)}, heap ${inMiB(figures.heapUsed)}/${inMiB(figures.heapTotal)}, external ${inMiB(figures.external)} MiB`;
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
  const memory = async () => (await bot.request<{ memory: MemoryFigures }>({ kind: 'memory' })).memory;
  try {
    const ready = await memory();
    const perServer = Math.ceil(sizes.interactions / servers.length);
    const failures = await interact(discord, actorsFor(servers, sizes.interactions, 0), sizes.inFlight);
    const afterInteractions = await memory();
    failures.push(
      ...(await interact(discord, actorsFor(servers, sizes.interactions, perServer), sizes.inFlight)),
    );
    const afterMoreInteractions = await memory();
    const talkers = actorsFor(servers, sizes.messages, 2 * perServer);
    for (const [index, talker] of talkers.entries())
      discord.postMessage(talker.channel, talker.member, `Message ${index + 1} about today's story`);
    // The gateway delivers in order: once this reply arrives, the bot has seen every message.
    failures.push(...(await interact(discord, actorsFor(servers, 1, 2 * perServer), 1)));
    const afterMessages = await memory();
    context.log(
      `memory ${variant}: ready ${showMemory(ready)}; after ${sizes.interactions} interactions ${showMemory(afterInteractions)}; after ${2 * sizes.interactions} ${showMemory(afterMoreInteractions)}; after ${sizes.messages} messages ${showMemory(afterMessages)}; ${failures.length} failures`,
    );
    return { ready, afterInteractions, afterMoreInteractions, afterMessages, failures };
  } finally {
    await bot.stop();
  }
}

export async function runMemory(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const sizes: Sizes = context.smoke
    ? {
        servers: 10,
        shape: { channels: 4, roles: 6, members: 16 },
        interactions: 40,
        messages: 40,
        inFlight: 8,
      }
    : {
        servers: 2_500,
        shape: { channels: 20, roles: 50, members: 100 },
        interactions: 10_000,
        messages: 10_000,
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
    const heapGrowth = roundtable.afterInteractions.heapUsed / roundtable.ready.heapUsed - 1;
    const laterRssGrowth = roundtable.afterMoreInteractions.rss / roundtable.afterInteractions.rss - 1;
    const failures = [...bare.failures, ...roundtable.failures];
    const goals: Goal[] = [
      {
        description: 'RSS after ready at most half the baseline',
        met: readyRatio <= 0.5,
        detail: `ratio ${readyRatio.toFixed(2)}`,
      },
      {
        description: `flat after the interactions: heap within 5% of ready after ${sizes.interactions}, and the next ${sizes.interactions} add at most 2% RSS`,
        met: heapGrowth <= 0.05 && laterRssGrowth <= 0.02,
        detail: `heap ${(heapGrowth * 100).toFixed(1)}%, RSS over the next ${sizes.interactions} ${(laterRssGrowth * 100).toFixed(1)}% (the first ${sizes.interactions} moved RSS ${((roundtable.afterInteractions.rss / roundtable.ready.rss - 1) * 100).toFixed(1)}%)`,
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
        figure(
          `RSS after ${2 * sizes.interactions} interactions`,
          mib(roundtable.afterMoreInteractions),
          'MiB',
          baseline(mib(bare.afterMoreInteractions)),
        ),
        figure(
          `RSS after ${sizes.messages} more channel messages`,
          mib(roundtable.afterMessages),
          'MiB',
          baseline(mib(bare.afterMessages)),
        ),
        figure('heap used after ready', heap(roundtable.ready), 'MiB', baseline(heap(bare.ready))),
        figure(
          `heap used after ${sizes.interactions} interactions`,
          heap(roundtable.afterInteractions),
          'MiB',
          baseline(heap(bare.afterInteractions)),
        ),
        figure(
          `heap used after ${2 * sizes.interactions} interactions`,
          heap(roundtable.afterMoreInteractions),
          'MiB',
          baseline(heap(bare.afterMoreInteractions)),
        ),
        figure(
          `heap used after ${sizes.messages} more channel messages`,
          heap(roundtable.afterMessages),
          'MiB',
          baseline(heap(bare.afterMessages)),
        ),
      ],
      goals,
      notes: [
        'each client in its own process, measured after three full garbage collections (node --expose-gc)',
        `both clients ask for the same intents (Guilds, GuildMessages); with these, Discord (and the loopback) sends only the bot's own member in GUILD_CREATE, not the ${sizes.shape.members} members`,
        `interactions from distinct members, ${sizes.inFlight} at a time: ${interactionMix.map((entry) => `/${entry.path}`).join(', ')}; messages from further members in the servers' channels`,
        `${failures.length} interactions failed${failures.length > 0 ? `: ${failures.slice(0, 3).join('; ')}` : ''}`,
      ],
      durationMs: performance.now() - startedAt,
    };
  } finally {
    await discord.close();
  }
}
