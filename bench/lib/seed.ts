import type { ChannelRef, GuildRef, LoopbackDiscord, MemberRef } from '@roundtable/loopback-discord';

export interface SeededServer {
  guild: GuildRef;
  channels: ChannelRef[];
  members: MemberRef[];
}

export interface ServerShape {
  channels: number;
  /** Roles in total, counting @everyone and the bot's managed role. */
  roles: number;
  /** Members in total, counting the owner and the bot. */
  members: number;
}

/**
 * A server of the given shape: text channels, roles (members hold up to three of them, chosen
 * deterministically) and members. Seed before the bot connects: GUILD_CREATE then carries it whole.
 */
export function seedServer(discord: LoopbackDiscord, index: number, shape: ServerShape): SeededServer {
  const guild = discord.seedGuild({ name: `Server ${index + 1}` });
  const channels: ChannelRef[] = [];
  for (let channel = 0; channel < shape.channels; channel += 1)
    channels.push(discord.addChannel(guild, { name: channel === 0 ? 'quiz' : `talk-${channel}` }));
  const roles = [];
  for (let role = 2; role < shape.roles; role += 1)
    roles.push(discord.addRole(guild, { name: `role-${role}`, mentionable: role % 5 === 0 }));
  const members: MemberRef[] = [];
  for (let member = 2; member < shape.members; member += 1) {
    const held =
      roles.length === 0 ? [] : roles.filter((_, position) => (position * 7 + member) % 17 === 0).slice(0, 3);
    members.push(discord.addMember(guild, { username: `member${index}x${member}`, roles: held }));
  }
  return { guild, channels, members };
}
