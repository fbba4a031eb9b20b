import { PermissionFlagsBits } from 'discord.js';
import type { ChannelRecord, GuildRecord, MemberRecord, RoleRecord } from './model.js';

/** A Discord permission by its discord.js name, e.g. `'SendMessages'`. */
export type PermissionName = keyof typeof PermissionFlagsBits;

export const allPermissions: bigint = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export function permissionBits(names: readonly PermissionName[] | undefined): bigint {
  let bits = 0n;
  for (const name of names ?? []) {
    const bit = PermissionFlagsBits[name];
    if (bit === undefined) throw new RangeError(`unknown permission ${String(name)}`);
    bits |= bit;
  }
  return bits;
}

export function permissionNames(bits: bigint): PermissionName[] {
  return (Object.entries(PermissionFlagsBits) as [PermissionName, bigint][])
    .filter(([, bit]) => (bits & bit) === bit)
    .map(([name]) => name);
}

export function hasPermission(bits: bigint, permission: bigint): boolean {
  return (bits & permission) === permission;
}

/** Permissions @everyone gets in a new guild, as Discord grants them. */
export const defaultEveryonePermissions: bigint = permissionBits([
  'ViewChannel',
  'CreateInstantInvite',
  'ChangeNickname',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'EmbedLinks',
  'AttachFiles',
  'AddReactions',
  'UseExternalEmojis',
  'UseExternalStickers',
  'MentionEveryone',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'Connect',
  'Speak',
  'UseVAD',
  'Stream',
  'SendVoiceMessages',
  'SendPolls',
  'UseExternalApps',
]);

interface PermissionContext {
  guild: GuildRecord;
  member: MemberRecord;
  roles: ReadonlyMap<string, RoleRecord>;
  now: number;
}

/** Guild-level permissions of a member: @everyone plus their roles; owners and administrators get all. */
export function computeBasePermissions({ guild, member, roles, now }: PermissionContext): bigint {
  if (guild.ownerId === member.userId) return allPermissions;
  let bits = roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member.roleIds) bits |= roles.get(roleId)?.permissions ?? 0n;
  if (hasPermission(bits, PermissionFlagsBits.Administrator)) return allPermissions;
  if (member.timeoutUntil !== null && member.timeoutUntil > now) {
    bits &= PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
  }
  return bits;
}

/**
 * A member's permissions in a channel, applying overwrites in Discord's order: @everyone,
 * then all of the member's roles together, then the member. Threads use their parent's overwrites.
 */
export function computeChannelPermissions(
  context: PermissionContext,
  channel: ChannelRecord,
  parent: ChannelRecord | null,
): bigint {
  const base = computeBasePermissions(context);
  if (hasPermission(base, PermissionFlagsBits.Administrator) || base === allPermissions)
    return allPermissions;
  const source = channel.thread && parent ? parent : channel;
  let bits = base;
  const everyone = source.overwrites.find((overwrite) => overwrite.id === context.guild.id);
  if (everyone) bits = (bits & ~everyone.deny) | everyone.allow;
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const overwrite of source.overwrites) {
    if (overwrite.type === 0 && context.member.roleIds.includes(overwrite.id)) {
      roleAllow |= overwrite.allow;
      roleDeny |= overwrite.deny;
    }
  }
  bits = (bits & ~roleDeny) | roleAllow;
  const own = source.overwrites.find(
    (overwrite) => overwrite.type === 1 && overwrite.id === context.member.userId,
  );
  if (own) bits = (bits & ~own.deny) | own.allow;
  if (context.member.timeoutUntil !== null && context.member.timeoutUntil > context.now) {
    bits &= PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
  }
  if (!hasPermission(bits, PermissionFlagsBits.ViewChannel)) return 0n;
  const sendBit = channel.thread
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  if (!hasPermission(bits, sendBit)) {
    bits &= ~(
      PermissionFlagsBits.MentionEveryone |
      PermissionFlagsBits.SendTTSMessages |
      PermissionFlagsBits.AttachFiles |
      PermissionFlagsBits.EmbedLinks
    );
  }
  return bits;
}

/** The position of a member's highest role (@everyone counts as 0). */
export function highestRolePosition(member: MemberRecord, roles: ReadonlyMap<string, RoleRecord>): number {
  let highest = 0;
  for (const roleId of member.roleIds) highest = Math.max(highest, roles.get(roleId)?.position ?? 0);
  return highest;
}
