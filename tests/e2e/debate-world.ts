import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
  PermissionName,
} from '@roundtable/loopback-discord';
import { createModerationRepository } from '../../src/features/debate/storage/moderation-repository.js';
import { createDebateRepository, type DebateRecord } from '../../src/features/debate/storage/repository.js';
import { startWorld } from '../support/harness.js';

export interface DebateServer {
  guild: GuildRef;
  channel: ChannelRef;
  modLog: ChannelRef;
  mod: MemberRef;
  admin: MemberRef;
  alice: MemberRef;
  bob: MemberRef;
  carol: MemberRef;
}

/** Seeds a server with a debate channel, a mod-log channel, a moderator, an admin and three members. */
export function seedDebateServer(
  discord: LoopbackDiscord,
  name: string,
  botPermissions?: PermissionName[],
): DebateServer {
  const guild = discord.seedGuild({ name, ...(botPermissions ? { botPermissions } : {}) });
  return {
    guild,
    channel: discord.addChannel(guild, { name: 'politics' }),
    modLog: discord.addChannel(guild, { name: 'mod-log' }),
    mod: discord.addMember(guild, { username: 'mo', permissions: ['ManageThreads'] }),
    admin: discord.addMember(guild, { username: 'ada', permissions: ['ManageGuild'] }),
    alice: discord.addMember(guild, { username: 'alice' }),
    bob: discord.addMember(guild, { username: 'bob' }),
    carol: discord.addMember(guild, { username: 'carol' }),
  };
}

/**
 * The shared harness with one debate server. The bot's clock starts at the loopback server's clock
 * and `move` advances both, so slowmode, timeouts and closing times agree.
 */
export async function startDebateWorld(options: { databasePath?: string } = {}) {
  const world = await startWorld({
    seed: (discord) => ({ server: seedDebateServer(discord, 'Politics') }),
    start: Date.now(),
    ...options,
  });
  world.clock.set(world.discord.clock.now());
  const debates = createDebateRepository(world.db);
  const moderation = createModerationRepository(world.db);

  function move(milliseconds: number): void {
    world.clock.advance(milliseconds);
    world.discord.clock.advance(milliseconds);
  }

  return Object.assign(world, {
    /** The debate tables, readable while the bot is stopped. */
    debates,
    /** The moderation tables (warnings, reports, credits, mod log). */
    moderation,
    move,
    /** Moves both clocks past the per-member command cooldown. */
    waitOutCooldown() {
      move(6_000);
    },
    /** Moves both clocks and runs the scheduled work once, as the minute tick does. */
    async moveAndRun(milliseconds: number) {
      move(milliseconds);
      await world.bot.scheduler.runDue();
    },
    debateIn(thread: ChannelRef | string): DebateRecord {
      const debate = debates.findByThread(typeof thread === 'string' ? thread : thread.id);
      if (!debate) throw new Error('no debate in that thread');
      return debate;
    },
    /** The newest thread of a channel. */
    newestThread(channel: ChannelRef): ChannelRef {
      const thread = world.discord.threadsIn(channel).at(-1);
      if (!thread) throw new Error('no thread');
      return thread;
    },
    /** Messages the bot posted publicly in a channel or thread, oldest first. */
    botPosts(channel: ChannelRef | string): LoopbackMessage[] {
      return world.discord.messagesIn(channel).filter((message) => message.author.bot && !message.ephemeral);
    },
  });
}

export type DebateWorld = Awaited<ReturnType<typeof startDebateWorld>>;

/** Waits (up to two seconds) for the bot to have processed gateway events, such as new messages. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
