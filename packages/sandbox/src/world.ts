import type { ChannelRef, GuildRef, LoopbackDiscord, MemberRef } from '@roundtable/loopback-discord';
import { formatInstant } from './render.js';

/** What the session needs from its surroundings: the server, the seeded guild and a way to run due work. */
export interface SandboxWorld {
  discord: LoopbackDiscord;
  guild: GuildRef;
  /** Where the newcomer starts. */
  home: ChannelRef;
  /** The guild's text channels by name (default: only `home`); their threads are the ones `:threads` lists. */
  channels?: Readonly<Record<string, ChannelRef>>;
  /** Members the newcomer can act as, by short name (`you`, `mod`, `admin`). */
  members: Readonly<Record<string, MemberRef>>;
  /** Runs the bot's scheduled work for the current clock (quiz posts and closes, debate closes). */
  runScheduledWork(): Promise<void>;
}

/** The channels the sandbox server starts with, and what each is for. */
export const sandboxChannels: ReadonlyArray<{ name: string; topic: string }> = [
  { name: 'politics', topic: 'Current affairs, with sources: try /summary, /timeline and /factcheck here' },
  { name: 'news', topic: 'Story updates and announcements' },
  { name: 'quiz', topic: 'The daily quiz: an admin sets it up with /quiz setup channel:#quiz' },
  { name: 'debates', topic: 'Moderated debates: a moderator starts one with /debate start' },
  { name: 'mod-log', topic: 'Moderation log: an admin points the bot here with /settings modlog' },
];

export interface SeededSandbox {
  guild: GuildRef;
  /** #politics, where the newcomer starts. */
  home: ChannelRef;
  channels: Record<string, ChannelRef>;
  members: { you: MemberRef; mod: MemberRef; admin: MemberRef };
}

/** Seeds the sandbox server: the channels above and three members (you, a moderator and an admin). */
export function seedSandbox(discord: LoopbackDiscord): SeededSandbox {
  const guild = discord.seedGuild({ name: 'Roundtable Sandbox' });
  const channels = Object.fromEntries(
    sandboxChannels.map(({ name, topic }) => [name, discord.addChannel(guild, { name, topic })]),
  );
  const members = {
    you: discord.addMember(guild, { username: 'you' }),
    mod: discord.addMember(guild, {
      username: 'mod',
      permissions: ['ManageThreads', 'ManageMessages', 'ModerateMembers', 'KickMembers', 'MuteMembers'],
    }),
    admin: discord.addMember(guild, { username: 'admin', admin: true }),
  };
  const home = channels.politics;
  if (!home) throw new Error('the sandbox channels must include #politics');
  return { guild, home, channels, members };
}

/** `#politics #news #quiz` */
export function channelList(world: Pick<SandboxWorld, 'home' | 'channels'>): string {
  return Object.values(world.channels ?? { home: world.home })
    .map((channel) => `#${channel.name}`)
    .join(' ');
}

/** What the interactive sandbox prints first. */
export function welcomeLines(world: Pick<SandboxWorld, 'home' | 'channels'>, now: number): string[] {
  return [
    'Roundtable sandbox — an offline Discord server with the Roundtable bot.',
    `You are "you" in #${world.home.name}; "mod" and "admin" are here too (:as mod, :as admin). It is ${formatInstant(now)}.`,
    `Channels: ${channelList(world)} — move with :in #name.`,
    'Try /help, /summary story:us-japan-alliance, or :help for the sandbox commands.',
  ];
}
