import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { REST } from 'discord.js';
import { afterAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/app/commands.js';
import { deployCommands } from '../../src/platform/discord/deploy.js';
import { startEntryProcess } from './support/entry-process.js';

const aheadMs = 5_000;
const workDirectory = mkdtempSync(join(tmpdir(), 'roundtable-clock-ahead-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('the host clock is ahead of Discord’s', () => {
  test(`GIVEN the bot process’s clock ${aheadMs / 1000} s ahead of the loopback Discord’s THEN /help and /quiz setup are answered, and the offset is warned about once`, async () => {
    const discord = await startLoopbackDiscord({ token: 'clock-ahead-test-token' });
    const guild = discord.seedGuild({ name: 'Ahead' });
    const channel = discord.addChannel(guild, { name: 'quiz' });
    const admin = discord.addMember(guild, { username: 'admin', permissions: ['ManageGuild'] });
    const member = discord.addMember(guild, { username: 'member' });
    await deployCommands(new REST({ api: discord.apiUrl }).setToken(discord.token), commands);
    const bot = startEntryProcess({
      token: discord.token,
      apiUrl: discord.apiUrl,
      databasePath: join(workDirectory, 'roundtable.db'),
      preload: ['./tests/reliability/support/clock-ahead.ts'],
      env: { CLOCK_AHEAD_MS: String(aheadMs) },
    });
    try {
      const connected = await bot.waitForLog((line) => line.msg === 'connected to Discord');
      // The process really runs ahead: its log timestamps are 5 s in the future.
      expect((connected.time as number) - Date.now()).toBeGreaterThan(aheadMs - 1_000);

      const help = await discord.slash('help', {}, { as: member, channel });
      expect(help.embeds.length).toBeGreaterThan(0);
      const setup = await discord.slash(
        'quiz setup',
        { channel: channel.id, time: '09:00', timezone: 'Europe/London' },
        { as: admin, channel },
      );
      expect(setup.content + JSON.stringify(setup.embeds)).toMatch(/09:00/);

      const entries = bot.stdout
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { level: number; msg: string; offsetMs?: number });
      expect(entries.filter((entry) => entry.msg.includes('too late'))).toEqual([]);
      const warnings = entries.filter((entry) => entry.msg.startsWith('the host clock is about'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.offsetMs).toBeGreaterThan(aheadMs - 600);
      expect(warnings[0]?.offsetMs).toBeLessThan(aheadMs + 600);
      expect(entries.filter((entry) => entry.level >= 50)).toEqual([]);
      console.log(
        `[reliability] clock ahead: bot process ${aheadMs / 1000} s ahead of Discord: /help and /quiz setup answered, none ignored as late; warned once: "${warnings[0]?.msg}" (offsetMs ${warnings[0]?.offsetMs})`,
      );
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      bot.kill();
      await discord.close();
    }
  }, 45_000);
});
