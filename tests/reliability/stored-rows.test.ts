import type { LoopbackDiscord } from '@roundtable/loopback-discord';
import { afterEach, describe, expect, test } from 'vitest';
import { startWorld, type World } from '../support/harness.js';

function seedServers(discord: LoopbackDiscord) {
  return {
    servers: ['Garbled', 'Invalid', 'Healthy'].map((name) => {
      const guild = discord.seedGuild({ name });
      return {
        guild,
        politics: discord.addChannel(guild, { name: 'politics' }),
        modLog: discord.addChannel(guild, { name: 'mod-log' }),
        quiz: discord.addChannel(guild, { name: 'quiz' }),
        mod: discord.addMember(guild, { username: `${name}-mod`, permissions: ['ManageThreads'] }),
        admin: discord.addMember(guild, { username: `${name}-admin`, permissions: ['ManageGuild'] }),
      };
    }),
  };
}

let world: World<ReturnType<typeof seedServers>> | undefined;

afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('stored rows that fail their schema', () => {
  test('GIVEN one server whose settings are not JSON and one whose settings break their schema THEN each is reported, defaults are used, debates still run and an admin can write them again', async () => {
    world = await startWorld({ seed: seedServers, start: Date.now() });
    const { discord, db } = world;
    const [garbled, invalid, healthy] = world.servers as [
      (typeof world.servers)[number],
      (typeof world.servers)[number],
      (typeof world.servers)[number],
    ];
    for (const server of world.servers)
      await discord.slash(
        'settings modlog',
        { channel: server.modLog.id },
        { as: server.admin, channel: server.politics },
      );
    const corrupt = db.prepare('UPDATE guild_settings SET settings = ? WHERE guild_id = ?');
    corrupt.run('{"modLogChannelId": "12', garbled.guild.id);
    corrupt.run(JSON.stringify({ modLogChannelId: 42, debateWarningLimit: 'many' }), invalid.guild.id);
    const firstLog = world.logs.length;

    for (const server of world.servers) {
      const reply = await discord.slash(
        'debate start',
        { motion: 'Stored settings can break', duration: '1h' },
        { as: server.mod, channel: server.politics },
      );
      expect(reply.content, server.guild.name).toContain('Debate started');
    }
    const lines = world.logs.slice(firstLog);
    expect(lines.some((line) => line.guildId === garbled.guild.id && /not JSON/.test(line.msg))).toBe(true);
    expect(
      lines.some((line) => line.guildId === invalid.guild.id && /fail their schema/.test(line.msg)),
    ).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    expect(
      discord.messagesIn(healthy.modLog).some((message) => message.content.includes('Debate started')),
    ).toBe(true);

    const limit = await discord.slash(
      'settings debate-warnings',
      { limit: 2 },
      { as: invalid.admin, channel: invalid.politics },
    );
    expect(limit.ephemeral).toBe(true);
    expect(world.bot.context.settings.get(invalid.guild.id).debateWarningLimit).toBe(2);
  });
});
