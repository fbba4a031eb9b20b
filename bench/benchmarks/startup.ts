import path from 'node:path';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import Database from 'better-sqlite3';
import { loadContent } from '../../src/features/story-packs/core/index.js';
import { createContentCacheRepository } from '../../src/features/story-packs/storage/parse-cache-repository.js';
import { migrate } from '../../src/platform/database/migrate.js';
import { migrations } from '../../src/platform/database/migrations/index.js';
import { timeToReadyLine } from '../lib/child.js';
import { type BenchContext, gatewayIntents } from '../lib/context.js';
import type { BotProcessConfig } from '../lib/protocol.js';
import { type BenchmarkReport, figure } from '../lib/report.js';
import { seedServer } from '../lib/seed.js';
import { median } from '../lib/stats.js';
import { generateStoryPacks } from '../lib/story-packs.js';

/**
 * `roundtable-real-packs`: Roundtable with only the real story packs in content/, to show what the packs cost.
 * `roundtable-first-start`: Roundtable with the generated packs on a new database each time, so with no parse
 * cache (as on the first start, or after every pack changed).
 */
type Variant = BotProcessConfig['variant'] | 'roundtable-real-packs' | 'roundtable-first-start';

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
  const cacheDb = new Database(':memory:');
  migrate(cacheDb, migrations);
  const parseCache = createContentCacheRepository(cacheDb);
  await loadContent(contentDir, { today: new Date(), parseCache });
  const warmLoadStart = performance.now();
  const warmLoaded = await loadContent(contentDir, { today: new Date(), parseCache });
  const warmLoadMs = performance.now() - warmLoadStart;
  cacheDb.close();
  if (warmLoaded.kind !== 'ok') throw new Error('the generated story packs are invalid with the parse cache');

  const discord = await startLoopbackDiscord({ recordLimit: 2_000 });
  try {
    for (let index = 0; index < sizes.servers; index += 1)
      seedServer(discord, index, { channels: 20, roles: 50, members: 100 });
    const options = { runner: context.runner, cpuProfile: context.cpuProfile };
    let firstStarts = 0;
    const databaseOf = (variant: Exclude<Variant, 'bare'>): string => {
      if (variant !== 'roundtable-first-start') return path.join(context.workDir, `startup-${variant}.db`);
      firstStarts += 1;
      return path.join(context.workDir, `startup-first-${firstStarts}.db`);
    };
    const start = (variant: Variant): Promise<number> =>
      variant !== 'bare'
        ? timeToReadyLine(
            'main',
            options,
            {
              DISCORD_TOKEN: discord.token,
              DISCORD_API_URL: discord.apiUrl,
              CONTENT_DIR: variant === 'roundtable-real-packs' ? 'content' : contentDir,
              DATABASE_PATH: databaseOf(variant),
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
      // One start of each warms the file cache and creates the database (filling Roundtable's parse
      // cache, so its counted starts are warm); they are not counted.
      await start('bare');
      await start('roundtable');
      await start('roundtable-real-packs');
    }
    const times: Record<Variant, number[]> = {
      bare: [],
      roundtable: [],
      'roundtable-real-packs': [],
      'roundtable-first-start': [],
    };
    const variants: Variant[] = ['bare', 'roundtable', 'roundtable-real-packs', 'roundtable-first-start'];
    for (let repetition = 0; repetition < sizes.repetitions; repetition += 1) {
      const order = repetition % 2 === 0 ? variants : [...variants].reverse();
      for (const variant of order) times[variant].push(await start(variant));
    }
    const list = (values: number[]) => values.map((value) => Math.round(value)).join(', ');
    context.log(
      `startup: bare ${list(times.bare)} ms; roundtable ${list(times.roundtable)} ms; first start ${list(times['roundtable-first-start'])} ms; with the real packs ${list(times['roundtable-real-packs'])} ms`,
    );
    const bare = median(times.bare);
    const roundtable = median(times.roundtable);
    const ratio = roundtable / bare;
    return {
      name: 'startup',
      title: `Start-up: process start to ready with ${sizes.packs} generated story packs and ${sizes.servers} servers`,
      figures: [
        figure('process start to ready (parse cache filled by an earlier start)', roundtable, 'ms', {
          name: 'bare discord.js client',
          value: bare,
        }),
        figure(
          'the same on a first start (new database, no parse cache)',
          median(times['roundtable-first-start']),
          'ms',
          { name: 'bare discord.js client', value: bare },
        ),
        figure('the same with only the 2 real story packs', median(times['roundtable-real-packs']), 'ms', {
          name: 'bare discord.js client',
          value: bare,
        }),
        figure(
          `loading and checking the ${sizes.packs} story packs alone (in the benchmark process)`,
          loadMs,
          'ms',
        ),
        figure('the same with a filled parse cache (in the benchmark process)', warmLoadMs, 'ms'),
      ],
      goals: [
        {
          description: 'within 1.5 times the bare client (start with the parse cache filled)',
          met: ratio <= 1.5,
          detail: `ratio ${ratio.toFixed(2)}`,
        },
      ],
      notes: [
        `median of ${sizes.repetitions} alternating starts each, after one uncounted start of each; each Roundtable variant has its own database, the first-start variant a new one every time`,
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
