import { startLoopbackDiscord } from '@roundtable/loopback-discord';
import { describe, expect, it } from 'vitest';
import { sandboxChannels, seedSandbox, welcomeLines } from '../src/world.js';

describe('the seeded sandbox server', () => {
  it('GIVEN a new sandbox THEN it has #politics, #news, #quiz, #debates and #mod-log, three members, and the welcome names the channels', async () => {
    const discord = await startLoopbackDiscord();
    try {
      const { guild, home, channels, members } = seedSandbox(discord);
      expect(Object.keys(channels)).toEqual(['politics', 'news', 'quiz', 'debates', 'mod-log']);
      expect(home.name).toBe('politics');
      for (const { name, topic } of sandboxChannels)
        expect(discord.channel(discord.channelNamed(guild, name) ?? '').topic).toBe(topic);
      expect(Object.keys(members)).toEqual(['you', 'mod', 'admin']);
      const welcome = welcomeLines({ home, channels }, Date.UTC(2026, 5, 2, 9, 0));
      expect(welcome[1]).toBe(
        'You are "you" in #politics; "mod" and "admin" are here too (:as mod, :as admin). It is Tuesday 2 June 2026 09:00 UTC.',
      );
      expect(welcome[2]).toBe('Channels: #politics #news #quiz #debates #mod-log — move with :in #name.');
    } finally {
      await discord.close();
    }
  });
});
