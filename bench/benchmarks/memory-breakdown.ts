import path from 'node:path';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { BotProcess } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { BotProcessConfig, MemoryFigures } from '../lib/protocol.js';
import { type BenchmarkReport, figure } from '../lib/report.js';
import { type ServerShape, seedServer } from '../lib/seed.js';

const mebibyte = 1024 * 1024;

/** Memory after ready of one client against a fresh world of `servers` servers of one shape. */
async function readyMemory(
  variant: BotProcessConfig['variant'],
  servers: number,
  shape: ServerShape,
  context: BenchContext,
): Promise<MemoryFigures> {
  const discord = await startLoopbackDiscord({ recordLimit: 500 });
  let bot: BotProcess | undefined;
  try {
    for (let index = 0; index < servers; index += 1) seedServer(discord, index, shape);
    bot = await BotProcess.start(
      {
        variant,
        apiUrl: discord.apiUrl,
        token: discord.token,
        intents: gatewayIntents.reduce((sum, bit) => sum | bit, 0),
        databasePath: path.join(context.workDir, `breakdown-${variant}-${shape.channels}-${shape.roles}.db`),
      },
      { runner: context.runner, exposeGc: true },
      300_000,
    );
    return (await bot.request<{ memory: MemoryFigures }>({ kind: 'memory' })).memory;
  } finally {
    await bot?.stop();
    await discord.close();
  }
}

/**
 * Where the memory after ready goes: the bare client against the memory benchmark's world with the
 * channels or the roles taken away, and Roundtable against the smallest world.
 */
export async function runMemoryBreakdown(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const servers = context.smoke ? 5 : 2_500;
  const full: ServerShape = context.smoke
    ? { channels: 4, roles: 6, members: 8 }
    : { channels: 20, roles: 50, members: 100 };
  const smallest: ServerShape = { channels: 1, roles: 2, members: 2 };
  const shapes: { label: string; shape: ServerShape }[] = [
    { label: `1 channel, no roles but @everyone and the bot's`, shape: smallest },
    { label: `${full.channels} channels, no other roles`, shape: { ...smallest, channels: full.channels } },
    { label: `1 channel, ${full.roles} roles`, shape: { ...smallest, roles: full.roles } },
    { label: `${full.channels} channels, ${full.roles} roles, ${full.members} members`, shape: full },
  ];
  const bare: MemoryFigures[] = [];
  for (const { shape } of shapes) bare.push(await readyMemory('bare', servers, shape, context));
  const roundtable = await readyMemory('roundtable', servers, smallest, context);
  const base = bare[0] as MemoryFigures;
  const heap = (figures: MemoryFigures) => figures.heapUsed / mebibyte;
  return {
    name: 'memory-breakdown',
    title: `Memory breakdown after ready: ${servers} servers of different shapes, bare discord.js client`,
    figures: [
      ...shapes.map(({ label }, index) =>
        figure(`heap used, ${label}`, heap(bare[index] as MemoryFigures), 'MiB', {
          name: 'the smallest servers',
          value: heap(base),
        }),
      ),
      ...shapes.map(({ label }, index) =>
        figure(`RSS, ${label}`, (bare[index] as MemoryFigures).rss / mebibyte, 'MiB', {
          name: 'the smallest servers',
          value: base.rss / mebibyte,
        }),
      ),
      figure('Roundtable RSS with the smallest servers', roundtable.rss / mebibyte, 'MiB', {
        name: 'bare client with the smallest servers',
        value: base.rss / mebibyte,
      }),
    ],
    goals: [],
    notes: [
      'each figure from a fresh loopback server and client process, after three full garbage collections',
    ],
    durationMs: performance.now() - startedAt,
  };
}
