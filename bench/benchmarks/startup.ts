import path from 'node:path';
import { loadContent } from '../../src/content/index.js';
import { startLoopbackDiscord } from '../../src/sandbox/loopback/index.js';
import { timeToReadyLine } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { BotProcessConfig } from '../lib/protocol.js';
import { type BenchmarkReport, figure } from '../lib/report.js';
import { seedServer } from '../lib/seed.js';
import { median } from '../lib/stats.js';
import { generateStoryPacks } from '../lib/story-packs.js';

/** `roundtable-real-packs`: Roundtable with only the real story packs in content/, to show what the packs cost. */
type Variant = BotProcessConfig['variant'] | 'roundtable-real-packs';

/** Roundtable logs this line once READY arrived and every guild is cached. */
const roundtableReadyText = '"msg":"connected to Discord"';
const bareReadyText = 'bench: ready';

export async function runStartup(context: BenchContext): Promise<BenchmarkReport> {
  const startedAt = performance.now();
  const sizes = context.smoke
    ? { packs: 4, servers: 3, repetitions: 1 }
    : { packs: 100, servers: 100, repetitions: 5 };
  const contentDir = path.join(context.workDir, 'startup-content');
  generateStoryPacks('content', contentDir, sizes.packs);
  const loadStart = performance.now();
  const loaded = await loadContent(contentDir, { today: new Date() });
  const loadMs = performance.now() - loadStart;
  if (loaded.kind !== 'ok') throw new Error('the generated story packs are invalid');

  const discord = await startLoopbackDiscord({ recordLimit: 2_000 });
  try {
    for (let index = 0; index < sizes.servers; index += 1)
      seedServer(discord, index, { channels: 20, roles: 50, members: 100 });
    const options = { runner: context.runner, cpuProfile: context.cpuProfile };
    const start = (variant: Variant): Promise<number> =>
      variant !== 'bare'
        ? timeToReadyLine(
            'main',
            options,
            {
              DISCORD_TOKEN: discord.token,
              DISCORD_API_URL: discord.apiUrl,
              CONTENT_DIR: variant === 'roundtable' ? contentDir : 'content',
              DATABASE_PATH: path.join(context.workDir, 'startup.db'),
              LOG_LEVEL: 'info',
            },
            roundtableReadyText,
          )
        : timeToReadyLine(
            'bot',
            options,
            {
              BENCH_BOT: JSON.stringify({
                variant: 'bare',
                apiUrl: discord.apiUrl,
                token: discord.token,
                intents: gatewayIntents.reduce((sum, bit) => sum | bit, 0),
                announceReady: true,
              } satisfies BotProcessConfig),
            },
            bareReadyText,
          );
    if (!context.smoke) {
      // One start of each warms the file cache and creates the database; they are not counted.
      await start('bare');
      await start('roundtable');
    }
    const times: Record<Variant, number[]> = { bare: [], roundtable: [], 'roundtable-real-packs': [] };
    const variants: Variant[] = ['bare', 'roundtable', 'roundtable-real-packs'];
    for (let repetition = 0; repetition < sizes.repetitions; repetition += 1) {
      const order = repetition % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) times[variant].push(await start(variant));
    }
    const list = (values: number[]) => values.map((value) => Math.round(value)).join(', ');
    context.log(
      `startup: bare ${list(times.bare)} ms; roundtable ${list(times.roundtable)} ms; with the real packs ${list(times['roundtable-real-packs'])} ms`,
    );
    const bare = median(times.bare);
    const roundtable = median(times.roundtable);
    const ratio = roundtable / bare;
    return {
      name: 'startup',
      title: `Start-up: process start to ready with ${sizes.packs} generated story packs and ${sizes.servers} servers`,
      figures: [
        figure('process start to ready', roundtable, 'ms', { name: 'bare discord.js client', value: bare }),
        figure('the same with only the 2 real story packs', median(times['roundtable-real-packs']), 'ms', {
          name: 'bare discord.js client',
          value: bare,
        }),
        figure(
          `loading and checking the ${sizes.packs} story packs alone (in the benchmark process)`,
          loadMs,
          'ms',
        ),
      ],
      goals: [
        {
          description: 'within 1.5 times the bare client',
          met: ratio <= 1.5,
          detail: `ratio ${ratio.toFixed(2)}`,
        },
      ],
      notes: [
        `median of ${sizes.repetitions} alternating starts each, after one uncounted start of each`,
        context.runner === 'compiled'
          ? 'both run as JavaScript compiled by tsc (Roundtable through src/index.ts, as `npm start` runs it)'
          : 'both run through tsx (transpiled on the fly), which slows Roundtable more than the bare client',
      ],
      durationMs: performance.now() - startedAt,
    };
  } finally {
    await discord.close();
  }
}
