import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultReconnectPolicy, reconnectDelayMs } from '../../src/platform/discord/gateway-watch.js';
import { seedPolitics, startWorld } from '../support/harness.js';
import { startEntryProcess } from './support/entry-process.js';

const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-gateway-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('Discord closes a live session for good', () => {
  test.concurrent.each([
    { code: 4004, cause: /authentication failed: the bot token was reset/, action: /DISCORD_TOKEN/ },
    { code: 4014, cause: /disallowed intents/, action: /Privileged Gateway Intents/ },
  ])(
    'GIVEN the bot process connected WHEN the gateway closes with $code THEN it logs the cause as JSON and exits non-zero instead of idling',
    async ({ code, cause, action }) => {
      const discord = await startLoopbackDiscord({ token: `gateway-${code}-test-token` });
      const bot = startEntryProcess({
        token: discord.token,
        apiUrl: discord.apiUrl,
        databasePath: join(workDirectory, `fatal-${code}.db`),
      });
      try {
        await bot.waitForLog((line) => line.msg === 'connected to Discord');
        const closedAt = performance.now();
        expect(discord.dropConnection({ code })).toBe(1);
        const exit = await Promise.race([
          bot.exited,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`still running:\n${bot.stdout.join('\n')}`)), 15_000),
          ),
        ]);
        const exitMs = Math.round(performance.now() - closedAt);
        expect(exit.code).toBe(1);
        const lines = bot.stdout.filter((line) => line.trim() !== '');
        const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
        const fatal = entries.filter((entry) => entry.level === 50);
        expect(fatal).toHaveLength(1);
        expect(fatal[0]).toMatchObject({
          code,
          cause: expect.stringMatching(cause),
          action: expect.stringMatching(action),
        });
        expect(entries).toContainEqual(expect.objectContaining({ msg: 'shutting down', exitCode: 1 }));
        // No attempt to reconnect with a session Discord has closed.
        expect(discord.gatewayEvents.filter((event) => event.kind === 'identify')).toHaveLength(1);
        expect(discord.gatewayEvents.filter((event) => event.kind === 'resume')).toHaveLength(0);
        expect(bot.stderr.join('')).toBe('');
        console.log(
          `[reliability] gateway close ${code} after READY: exit ${exit.code} ${exitMs} ms later; ${lines.length} stdout lines, all JSON; logged: ${String(fatal[0]?.msg)}`,
        );
      } finally {
        bot.kill();
        await discord.close();
      }
    },
    45_000,
  );
});

describe('reconnecting while the gateway refuses connections', () => {
  test('GIVEN the default policy THEN the wait before each further attempt doubles from 1 s up to a minute', () => {
    const waits = Array.from({ length: 10 }, (_, index) =>
      reconnectDelayMs(index + 1, defaultReconnectPolicy),
    );
    expect(waits).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  test('GIVEN a dropped connection and a gateway answering 503 for 4 s THEN the attempts back off, the loss is logged once with its code, and the session resumes and answers', async () => {
    const world = await startWorld({
      seed: seedPolitics,
      botOptions: { gatewayReconnect: { firstDelayMs: 200, maxDelayMs: 1_600 } },
    });
    try {
      const { discord, alice, channel } = world;
      const firstLog = world.logs.length;
      const outage = discord.startGatewayOutage();
      const startedAt = performance.now();
      discord.dropConnection({ code: 4000 });
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      outage.end();
      await discord.waitForBot(10_000);
      const downMs = Math.round(performance.now() - startedAt);
      const reply = await discord.slash('help', {}, { as: alice, channel });
      expect(reply.embeds.length).toBeGreaterThan(0);

      const gaps = outage.refusedAt.map((at, index) =>
        Math.round(at - (outage.refusedAt[index - 1] ?? startedAt)),
      );
      // discord.js alone tries every ~0.5 s (8 attempts in 4 s); here each wait is longer than the one before.
      expect(outage.refusedAt.length).toBeGreaterThanOrEqual(3);
      expect(outage.refusedAt.length).toBeLessThanOrEqual(5);
      expect((gaps.at(-1) as number) - (gaps[0] as number)).toBeGreaterThan(400);

      const lines = world.logs.slice(firstLog);
      const lost = lines.filter((line) => line.msg === 'gateway connection lost; reconnecting');
      expect(lost).toEqual([expect.objectContaining({ level: 40, code: 4000 })]);
      const retries = lines.filter((line) => line.msg.startsWith('gateway still unreachable'));
      expect(retries.length).toBe(outage.refusedAt.length);
      // The planned waits (discord.js's 500 ms plus the backoff) for attempts 2, 3, 4...
      expect(retries.map((line) => line.nextInMs)).toEqual([700, 900, 1_300, 2_100].slice(0, retries.length));
      const errors = lines.filter((line) => line.msg === 'gateway connection error');
      expect(errors).toHaveLength(1);
      const restored = lines.filter((line) => line.msg.startsWith('gateway connection restored'));
      expect(restored).toEqual([
        expect.objectContaining({
          msg: 'gateway connection restored (resumed)',
          attempts: outage.refusedAt.length + 1,
        }),
      ]);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
      expect(discord.gatewayEvents.filter((event) => event.kind === 'identify')).toHaveLength(1);
      console.log(
        `[reliability] gateway outage: connection dropped (4000), gateway refused for 4.0 s: ${outage.refusedAt.length} attempts refused, gaps ${gaps.join(', ')} ms; resumed after ${downMs} ms with ${lines.length} log lines (1 lost, ${retries.length} retry, ${errors.length} error, 1 restored)`,
      );
    } finally {
      await world.stop();
    }
  }, 30_000);
});
