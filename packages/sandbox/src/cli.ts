import { createInterface, type Interface } from 'node:readline';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { REST } from 'discord.js';
import pino from 'pino';
import { createBot } from '../../../src/app/bot.js';
import { commands } from '../../../src/app/commands.js';
import { formatContentReport, loadContent } from '../../../src/features/story-packs/core/index.js';
import { openDatabase } from '../../../src/platform/database/database.js';
import { deployCommands } from '../../../src/platform/discord/deploy.js';
import { readEnvOrExit } from '../../../src/platform/env.js';
import { createLogger } from '../../../src/platform/logger.js';
import { SandboxSession, type SandboxSession as Session } from './session.js';
import { type SandboxWorld, seedSandbox, welcomeLines } from './world.js';

/** Read from `.env` and the environment as the bot reads them; no token is needed here. */
const env = readEnvOrExit(['CONTENT_DIR', 'CONTENT_STALE_DAYS', 'LOG_LEVEL'], 'The sandbox cannot start', {
  defaults: { LOG_LEVEL: 'warn' },
});

interface RunningSandbox {
  session: Session;
  world: SandboxWorld;
  stop(): Promise<void>;
}

/** Starts the loopback Discord, seeds its channels with you, a moderator and an admin, and starts Roundtable against it. */
async function startSandbox(print: (lines: readonly string[]) => void): Promise<RunningSandbox> {
  const discord = await startLoopbackDiscord({ botName: 'Roundtable' });
  const { guild, home, channels, members } = seedSandbox(discord);
  const contentDir = env.CONTENT_DIR;
  const content = await loadContent(contentDir, { today: new Date(discord.clock.now()) });
  if (content.kind === 'invalid') {
    await discord.close();
    throw new Error(`the story packs in ${contentDir} are invalid:\n${formatContentReport(content)}`);
  }
  const db = openDatabase(':memory:');
  const logger = createLogger({
    level: env.LOG_LEVEL,
    destination: pino.destination({ dest: 2, sync: true }),
  });
  const bot = createBot({
    token: discord.token,
    apiUrl: discord.apiUrl,
    db,
    content: content.library,
    logger,
    clock: { now: () => discord.clock.now() },
    schedule: 'manual',
    options: { contentStaleDays: env.CONTENT_STALE_DAYS },
  });
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  await deployCommands(rest, commands, guild.id);
  await bot.start();
  const world: SandboxWorld = {
    discord,
    guild,
    home,
    channels,
    members,
    runScheduledWork: () => bot.scheduler.runDue(),
  };
  const session = new SandboxSession(world, print);
  session.start();
  return {
    session,
    world,
    async stop() {
      session.stop();
      await bot.stop();
      await discord.close();
      db.close();
    },
  };
}

async function runInteractive(): Promise<number> {
  let readline: Interface | null = null;
  let busy = true;
  const print = (lines: readonly string[]) => {
    if (readline && !busy) process.stdout.write('\r\x1b[2K');
    process.stdout.write(`${lines.join('\n')}\n`);
    if (readline && !busy) readline.prompt(true);
  };
  const sandbox = await startSandbox(print);
  const { session } = sandbox;
  print(welcomeLines(sandbox.world, sandbox.world.discord.clock.now()));
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    historySize: 200,
    completer: (line: string, callback: (error: Error | null, result: [string[], string]) => void) => {
      session.complete(line).then(
        (result) => callback(null, result),
        () => callback(null, [[], line]),
      );
    },
  });
  readline = rl;
  rl.setPrompt(session.prompt);
  busy = false;
  rl.prompt();
  const finished = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  rl.on('line', (line) => {
    busy = true;
    rl.pause();
    void session.run(line).then((result) => {
      busy = false;
      if (result.kind === 'quit') {
        rl.close();
        return;
      }
      rl.setPrompt(session.prompt);
      rl.resume();
      rl.prompt();
    });
  });
  await finished;
  await sandbox.stop();
  return 0;
}

/** Reads stdin as a script: each line is echoed after the prompt, run, and its output printed; exits 1 if a line failed. */
async function runScript(): Promise<number> {
  const print = (lines: readonly string[]) => process.stdout.write(`${lines.join('\n')}\n`);
  const sandbox = await startSandbox(print);
  const { session } = sandbox;
  let failed = false;
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    process.stdout.write(`${session.prompt}${line}\n`);
    const result = await session.run(line);
    if (result.kind === 'quit') break;
    if (result.failed) failed = true;
  }
  rl.close();
  await sandbox.stop();
  return failed ? 1 : 0;
}

const interactive = process.stdin.isTTY === true;
try {
  const code = interactive ? await runInteractive() : await runScript();
  process.exit(code);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
