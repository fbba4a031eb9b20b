/**
 * The bot under measurement, in its own process: Roundtable (`createBot`, as in production) or a bare
 * discord.js client with default caches that acknowledges every interaction with a fixed private
 * reply. Configured by the BENCH_BOT environment variable (JSON); driven by IPC requests.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ButtonStyle, Client, ComponentType, Events, MessageFlags } from 'discord.js';
import { type Bot, createBot } from '../../src/app/bot.js';
import type { QuizConfig } from '../../src/features/quiz/core/config.js';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import { loadContent } from '../../src/features/story-packs/core/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { startBackgroundCheckpoints } from '../../src/platform/database/checkpoints.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { createLogger } from '../../src/platform/logger.js';
import type { Activity, BotProcessConfig, BotReply, BotRequest, MemoryFigures } from '../lib/protocol.js';

const config = JSON.parse(process.env.BENCH_BOT ?? '{}') as BotProcessConfig;

function send(message: BotReply): void {
  process.send?.(message);
}

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

let cpuSince = process.cpuUsage();
/** Filled by Roundtable's answer path when the process runs Roundtable. */
let insertTimes: number[] | null = null;

function insertFigures(): Activity['answerInserts'] {
  if (!insertTimes) return null;
  const sorted = [...insertTimes].sort((left, right) => left - right);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return {
    count: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
    over5ms: sorted.filter((value) => value > 5).length,
  };
}

function readActivity(): Activity {
  const cpu = process.cpuUsage(cpuSince);
  const activity = {
    loopDelayP50: loopDelay.percentile(50) / 1e6,
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
    cpuMs: (cpu.user + cpu.system) / 1000,
    answerInserts: insertFigures(),
  };
  if (insertTimes) insertTimes = [];
  loopDelay.reset();
  cpuSince = process.cpuUsage();
  return activity;
}

function memoryFigures(): MemoryFigures {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let pass = 0; pass < 3; pass += 1) collect?.();
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    collected: collect !== undefined,
  };
}

interface Handlers {
  handle(request: BotRequest): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

async function startRoundtable(): Promise<Handlers> {
  const loaded = await loadContent(config.contentDir ?? 'content', { today: config.today ?? '2026-12-07' });
  if (loaded.kind !== 'ok') throw new Error(`the story packs in ${config.contentDir} are invalid`);
  const db = openDatabase(config.databasePath ?? ':memory:');
  const checkpoints = startBackgroundCheckpoints(db);
  const clock = new ManualClock(config.clockStart ?? Date.parse('2026-11-26T11:00:00Z'));
  const logger = createLogger({
    level: 'warn',
    secrets: [config.token],
    destination: { write: (line: string) => void process.stderr.write(line) },
  });
  // The bot's quiz repositories, built here over the same database so that the answer path's INSERT
  // (storage.answers.record, once a click) can be timed.
  const storage = createQuizStorage(db);
  const answers = storage.answers;
  const record = answers.record.bind(answers);
  insertTimes = [];
  answers.record = (...parameters) => {
    const start = process.hrtime.bigint();
    try {
      return record(...parameters);
    } finally {
      insertTimes?.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  const bot: Bot = createBot({
    token: config.token,
    apiUrl: config.apiUrl,
    db,
    content: loaded.library,
    logger,
    clock,
    schedule: 'manual',
    options: { quizCountEditIntervalMs: config.countEditIntervalMs ?? 5_000 },
    quizStorage: storage,
  });
  await bot.start();
  return {
    async handle(request) {
      switch (request.kind) {
        case 'configure-quiz':
          for (const entry of request.configs) storage.configs.save(entry as QuizConfig);
          return { saved: request.configs.length };
        case 'tick':
          clock.set(request.at);
          await bot.scheduler.runDue();
          return {};
        case 'quiz-rounds':
          return {
            rounds: request.rounds.map(({ guildId, localDate }) => {
              const round = storage.rounds.byDate(guildId, localDate);
              return {
                guildId,
                roundId: round?.id ?? null,
                state: round?.state ?? null,
                messageId: round?.messageId ?? null,
                attempts: round?.attempts ?? 0,
              };
            }),
          };
        case 'quiz-answers': {
          const missing = request.userIds.filter(
            (userId) => storage.answers.choiceOf(request.roundId, userId) === undefined,
          ).length;
          return { stored: storage.answers.count(request.roundId), missing };
        }
        case 'memory':
          return { memory: memoryFigures() };
        default:
          throw new Error(`Roundtable does not handle ${request.kind}`);
      }
    },
    async stop() {
      await bot.stop();
      await checkpoints?.stop();
      db.close();
    },
  };
}

async function startBare(): Promise<Handlers> {
  const client = new Client({ intents: config.intents, rest: { api: config.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable())
      void interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.token);
  await ready;
  return {
    async handle(request) {
      switch (request.kind) {
        case 'post-buttons': {
          const channel = await client.channels.fetch(request.channelId);
          if (!channel?.isSendable()) throw new Error(`cannot post in ${request.channelId}`);
          const message = await channel.send({
            content: 'Pick one',
            components: [
              {
                type: ComponentType.ActionRow,
                components: ['A', 'B', 'C', 'D'].map((label, index) => ({
                  type: ComponentType.Button,
                  style: ButtonStyle.Secondary,
                  custom_id: `choice:${index}`,
                  label,
                })),
              },
            ],
          });
          return { messageId: message.id };
        }
        case 'memory':
          return { memory: memoryFigures() };
        default:
          throw new Error(`the bare client does not handle ${request.kind}`);
      }
    },
    async stop() {
      await client.destroy();
    },
  };
}

async function main(): Promise<void> {
  const handlers = config.variant === 'roundtable' ? await startRoundtable() : await startBare();
  if (config.announceReady) process.stdout.write('bench: ready\n');
  send({ kind: 'ready', uptimeMs: performance.now() });
  process.on('message', (raw) => {
    const request = raw as BotRequest & { id: number };
    if (request.kind === 'activity') {
      send({ kind: 'reply', id: request.id, body: { activity: readActivity() } });
      return;
    }
    if (request.kind === 'stop') {
      void handlers.stop().finally(() => {
        send({ kind: 'reply', id: request.id, body: {} });
        process.disconnect?.();
        process.exit(0);
      });
      return;
    }
    handlers.handle(request).then(
      (body) => send({ kind: 'reply', id: request.id, body }),
      (error: unknown) =>
        send({
          kind: 'reply',
          id: request.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}

main().catch((error: unknown) => {
  send({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
