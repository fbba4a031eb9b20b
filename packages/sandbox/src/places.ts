import type { ChannelRef, MemberRef } from '@roundtable/loopback-discord';
import { formatInstant, shortenName } from './render.js';
import type { SandboxWorld } from './world.js';

// Where the member is and who they are: channels, threads (numbered for `:in 1`), members.

/** The guild's text channels the sandbox knows, home first. */
export function channelsOf(world: SandboxWorld): ChannelRef[] {
  const channels = Object.values(world.channels ?? {});
  return channels.some((channel) => channel.id === world.home.id) ? channels : [world.home, ...channels];
}

/** Every thread of those channels, oldest first: the numbers `:threads` shows and `:in 1` takes. */
export function threadsOf(world: SandboxWorld): ChannelRef[] {
  return channelsOf(world)
    .flatMap((channel) => world.discord.threadsIn(channel))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
}

/** A channel by name (`politics`, `#politics`), a thread by number (`1`) or by the start of its name (also shortened, `This house…`). */
export function findChannel(world: SandboxWorld, name: string): ChannelRef | null {
  const wanted = name.replace(/^#/, '').trim();
  const byName = world.discord.channelNamed(world.guild, wanted);
  if (byName) return byName;
  const threads = threadsOf(world);
  if (/^\d+$/.test(wanted)) return threads[Number(wanted) - 1] ?? null;
  const lowered = wanted.replace(/(…|\.\.\.)$/, '').toLowerCase();
  if (lowered.length === 0) return null;
  return (
    channelsOf(world).find((channel) => channel.name.toLowerCase().startsWith(lowered)) ??
    threads.find((thread) => thread.name.toLowerCase().startsWith(lowered)) ??
    null
  );
}

/** A member by short name (`mod`) or username, `@` allowed. */
export function findMember(world: SandboxWorld, name: string): MemberRef | null {
  const wanted = name.replace(/^@/, '');
  return world.members[wanted] ?? world.discord.memberNamed(world.guild, wanted);
}

/** `you in #politics> `; long thread names are shortened at a word. */
export function promptFor(actor: MemberRef, channel: ChannelRef): string {
  return `${actor.username} in #${shortenName(channel.name, 32)}> `;
}

function threadFlags(world: SandboxWorld, thread: ChannelRef): string {
  const state = world.discord.channel(thread).thread;
  const flags = [state?.locked ? 'locked' : null, state?.archived ? 'archived' : null].filter(
    (flag) => flag !== null,
  );
  return flags.length > 0 ? ` (${flags.join(', ')})` : '';
}

/** `(now in #name, a thread, locked)` */
export function movedLine(world: SandboxWorld, target: ChannelRef): string {
  const view = world.discord.channel(target);
  const thread = view.thread;
  const about = thread
    ? `, a thread${thread.locked ? ', locked' : ''}${thread.archived ? ', archived' : ''}`
    : view.topic
      ? ` — ${view.topic}`
      : '';
  return `(now in #${shortenName(target.name, 60)}${about})`;
}

/** What `:threads` prints: every thread, numbered, with its channel. */
export function threadLines(world: SandboxWorld): string[] {
  const threads = threadsOf(world);
  if (threads.length === 0) return ['(no threads yet)'];
  return [
    ...threads.map((thread, index) => {
      const parent = world.discord.channel(thread).parentId;
      const where = parent ? ` in #${world.discord.nameOf(parent)?.name ?? parent}` : '';
      return `  ${index + 1}. ${thread.name}${where}${threadFlags(world, thread)}`;
    }),
    '  (enter one with :in N or :in <start of its name>)',
  ];
}

/** What `:channels` prints: the channels with their topics, and how many threads each has. */
export function channelLines(world: SandboxWorld, current: ChannelRef): string[] {
  const threads = threadsOf(world);
  return [
    ...channelsOf(world).map((channel) => {
      const view = world.discord.channel(channel);
      const count = threads.filter((thread) => world.discord.channel(thread).parentId === channel.id).length;
      const here = channel.id === current.id ? ' (you are here)' : '';
      const topic = view.topic ? ` — ${view.topic}` : '';
      const threadNote = count > 0 ? ` [${count} thread${count === 1 ? '' : 's'}]` : '';
      return `  #${channel.name}${here}${topic}${threadNote}`;
    }),
    '  (move with :in #name; :threads lists the threads)',
  ];
}

/** What `:who` prints: the members, their roles and timeouts. */
export function memberLines(world: SandboxWorld, actor: MemberRef): string[] {
  return Object.entries(world.members).map(([name, member]) => {
    const view = world.discord.member(member);
    const state =
      view.timedOut && view.timeoutUntil !== null
        ? `, timed out until ${formatInstant(view.timeoutUntil)}`
        : '';
    const acting = member.id === actor.id ? ' (you are acting as this member)' : '';
    return `  ${name}${acting}: roles ${view.roleNames.join(', ') || 'none'}${state}`;
  });
}
