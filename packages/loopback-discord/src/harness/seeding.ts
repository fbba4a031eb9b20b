import { PermissionFlagsBits } from 'discord.js';
import { LoopbackUsageError } from '../commands.js';
import { type GatewaySession, gatewayIntents } from '../gateway.js';
import type { ChannelRecord, GuildRecord, MemberRecord, OverwriteRecord, RoleRecord } from '../model.js';
import { defaultEveryonePermissions, type PermissionName, permissionBits } from '../permissions.js';
import type { ChannelRef, GuildRef, MemberRef, RoleRef } from '../types.js';
import { channelRefOf, type HarnessState } from './state.js';

export interface SeedGuildOptions {
  name: string;
  /** Permissions of the bot's managed role (default: what Roundtable needs; see README). */
  botPermissions?: PermissionName[];
  /** Permissions of @everyone (default: Discord's defaults for a new guild). */
  everyonePermissions?: PermissionName[];
  /** The owner's username (default `owner`). */
  ownerName?: string;
}

export interface AddMemberOptions {
  username: string;
  globalName?: string;
  /** Gives the member a personal role with these permissions. */
  permissions?: PermissionName[];
  roles?: RoleRef[];
  /** Gives the member a role with Administrator. */
  admin?: boolean;
  nick?: string;
  /** Whether the bot may message the member directly (default true; otherwise Discord answers 50007). */
  acceptsDirectMessages?: boolean;
}

export interface AddRoleOptions {
  name: string;
  permissions?: PermissionName[];
  mentionable?: boolean;
  color?: number;
  /** Where to place the role: right above @everyone (default) or above the bot's role. */
  placement?: 'bottom' | 'above-bot';
}

/** Who a channel permission overwrite targets. */
export type OverwriteTarget = 'bot' | 'everyone' | MemberRef | RoleRef;

export interface OverwriteSpec {
  target: OverwriteTarget;
  allow?: PermissionName[];
  deny?: PermissionName[];
}

export interface AddChannelOptions {
  name: string;
  type?: 'text' | 'announcement' | 'forum' | 'category' | 'voice';
  parent?: ChannelRef;
  topic?: string;
  rateLimitPerUser?: number;
  /** Shortcut overwrites for the bot and @everyone, e.g. `{ bot: ['SendMessages'] }`. */
  allow?: { bot?: PermissionName[]; everyone?: PermissionName[] };
  deny?: { bot?: PermissionName[]; everyone?: PermissionName[] };
  overwrites?: OverwriteSpec[];
}

/** The permissions of the bot's managed role unless `botPermissions` says otherwise. */
export const defaultBotPermissions: PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'ManageThreads',
  'ManageMessages',
  'PinMessages',
  'ManageRoles',
  'ModerateMembers',
  'UseApplicationCommands',
];

const channelTypeNumbers = { text: 0, voice: 2, category: 4, announcement: 5, forum: 15 } as const;

interface NewRole {
  name: string;
  permissions: bigint;
  mentionable?: boolean;
  color?: number;
  managed?: boolean;
  botId?: string | null;
  placement?: 'bottom' | 'above-bot' | 'top';
}

/** Seeding, as a guild's owner or admin would: guilds, roles, members, channels, permissions, timeouts. */
export class Seeding {
  constructor(private readonly state: HarnessState) {}

  #createRole(guild: GuildRecord, options: NewRole): RoleRecord {
    const { store, engine } = this.state;
    const roles = guild.roleIds
      .map((id) => store.roles.get(id))
      .filter((role): role is RoleRecord => role !== undefined);
    let position: number;
    if (options.placement === 'top') position = roles.length;
    else if (options.placement === 'above-bot') {
      const botRole = roles.find((role) => role.botId === store.botUser.id);
      position = (botRole?.position ?? 0) + 1;
    } else position = 1;
    const shifted: RoleRecord[] = [];
    for (const role of roles) {
      if (role.id !== guild.id && role.position >= position) {
        role.position += 1;
        shifted.push(role);
      }
    }
    const role: RoleRecord = {
      id: store.ids.next(),
      guildId: guild.id,
      name: options.name,
      permissions: options.permissions,
      position,
      color: options.color ?? 0,
      hoist: false,
      mentionable: options.mentionable ?? false,
      managed: options.managed ?? false,
      botId: options.botId ?? null,
    };
    store.roles.set(role.id, role);
    guild.roleIds.push(role.id);
    engine.dispatchRole('GUILD_ROLE_CREATE', role);
    for (const moved of shifted) engine.dispatchRole('GUILD_ROLE_UPDATE', moved);
    return role;
  }

  #createMember(guild: GuildRecord, userId: string, roleIds: string[], nick: string | null): MemberRecord {
    const member: MemberRecord = {
      userId,
      guildId: guild.id,
      roleIds,
      nick,
      joinedAt: this.state.clock.now(),
      timeoutUntil: null,
    };
    this.state.store.members.set(this.state.store.memberKey(guild.id, userId), member);
    guild.memberIds.push(userId);
    return member;
  }

  seedGuild(options: SeedGuildOptions): GuildRef {
    const store = this.state.store;
    const id = store.ids.next();
    const owner = {
      id: store.ids.next(),
      username: options.ownerName ?? 'owner',
      globalName: null,
      bot: false,
      acceptsDirectMessages: true,
    };
    store.users.set(owner.id, owner);
    const guild: GuildRecord = {
      id,
      name: options.name,
      ownerId: owner.id,
      createdAt: this.state.clock.now(),
      roleIds: [],
      channelIds: [],
      memberIds: [],
    };
    store.guilds.set(id, guild);
    const everyone: RoleRecord = {
      id,
      guildId: id,
      name: '@everyone',
      permissions: options.everyonePermissions
        ? permissionBits(options.everyonePermissions)
        : defaultEveryonePermissions,
      position: 0,
      color: 0,
      hoist: false,
      mentionable: false,
      managed: false,
      botId: null,
    };
    store.roles.set(id, everyone);
    guild.roleIds.push(id);
    const botRole = this.#createRole(guild, {
      name: store.botUser.username,
      permissions: permissionBits(options.botPermissions ?? defaultBotPermissions),
      managed: true,
      botId: store.botUser.id,
    });
    this.#createMember(guild, owner.id, [], null);
    this.#createMember(guild, store.botUser.id, [botRole.id], null);
    this.state.gateway.dispatch('GUILD_CREATE', (session: GatewaySession) =>
      store.toApiGuildCreate(guild, (session.intents & gatewayIntents.guildMembers) !== 0),
    );
    return {
      kind: 'guild',
      id,
      name: guild.name,
      everyoneRoleId: id,
      botRoleId: botRole.id,
      owner: { kind: 'member', id: owner.id, username: owner.username, guildId: id },
    };
  }

  addRole(guildRef: GuildRef, options: AddRoleOptions): RoleRef {
    const guild = this.state.guild(guildRef);
    const role = this.#createRole(guild, {
      name: options.name,
      permissions: permissionBits(options.permissions),
      ...(options.mentionable !== undefined ? { mentionable: options.mentionable } : {}),
      ...(options.color !== undefined ? { color: options.color } : {}),
      placement: options.placement ?? 'bottom',
    });
    return { kind: 'role', id: role.id, name: role.name, guildId: guild.id };
  }

  addMember(guildRef: GuildRef, options: AddMemberOptions): MemberRef {
    const store = this.state.store;
    const guild = this.state.guild(guildRef);
    const user = {
      id: store.ids.next(),
      username: options.username,
      globalName: options.globalName ?? null,
      bot: false,
      acceptsDirectMessages: options.acceptsDirectMessages ?? true,
    };
    store.users.set(user.id, user);
    const roleIds = (options.roles ?? []).map((role) => role.id);
    if (options.permissions || options.admin) {
      const bits =
        permissionBits(options.permissions) | (options.admin ? PermissionFlagsBits.Administrator : 0n);
      roleIds.push(
        this.#createRole(guild, {
          name: options.admin ? `${options.username} (admin)` : options.username,
          permissions: bits,
        }).id,
      );
    }
    const member = this.#createMember(guild, user.id, roleIds, options.nick ?? null);
    this.state.engine.dispatchMemberAdd(member);
    return { kind: 'member', id: user.id, username: user.username, guildId: guild.id };
  }

  #overwriteId(guild: GuildRecord, target: OverwriteTarget): { id: string; type: 0 | 1 } {
    if (target === 'bot') return { id: this.state.store.botUser.id, type: 1 };
    if (target === 'everyone') return { id: guild.id, type: 0 };
    return { id: target.id, type: target.kind === 'member' ? 1 : 0 };
  }

  addChannel(guildRef: GuildRef, options: AddChannelOptions): ChannelRef {
    const store = this.state.store;
    const guild = this.state.guild(guildRef);
    const specs: OverwriteSpec[] = [...(options.overwrites ?? [])];
    for (const target of ['bot', 'everyone'] as const) {
      const allow = options.allow?.[target];
      const deny = options.deny?.[target];
      if (allow || deny) specs.push({ target, ...(allow ? { allow } : {}), ...(deny ? { deny } : {}) });
    }
    const channel: ChannelRecord = {
      id: store.ids.next(),
      guildId: guild.id,
      type: channelTypeNumbers[options.type ?? 'text'],
      name: options.name,
      recipientId: null,
      position: guild.channelIds.length,
      parentId: options.parent?.id ?? null,
      topic: options.topic ?? null,
      rateLimitPerUser: options.rateLimitPerUser ?? 0,
      nsfw: false,
      overwrites: specs.map((spec) => ({
        ...this.#overwriteId(guild, spec.target),
        allow: permissionBits(spec.allow),
        deny: permissionBits(spec.deny),
      })),
      lastMessageId: null,
      thread: null,
      lastPostAtByUser: new Map(),
    };
    store.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    this.state.engine.dispatchChannel('CHANNEL_CREATE', channel);
    return channelRefOf(channel);
  }

  setChannelPermissions(
    channelRef: ChannelRef,
    target: OverwriteTarget,
    permissions: { allow?: PermissionName[]; deny?: PermissionName[] },
  ): void {
    const channel = this.state.channel(channelRef);
    const guild = this.state.guild(channel.guildId);
    const { id, type } = this.#overwriteId(guild, target);
    const overwrite: OverwriteRecord = {
      id,
      type,
      allow: permissionBits(permissions.allow),
      deny: permissionBits(permissions.deny),
    };
    channel.overwrites = [...channel.overwrites.filter((entry) => entry.id !== id), overwrite];
    this.state.engine.dispatchChannel('CHANNEL_UPDATE', channel);
  }

  setBotPermissions(guildRef: GuildRef, permissions: PermissionName[]): void {
    const role = this.state.store.roles.get(guildRef.botRoleId);
    if (!role) throw new LoopbackUsageError('the guild has no bot role');
    role.permissions = permissionBits(permissions);
    this.state.engine.dispatchRole('GUILD_ROLE_UPDATE', role);
  }

  /** Changes a member's roles or timeout, as an admin would; dispatches GUILD_MEMBER_UPDATE. */
  #updateMember(memberRef: MemberRef, change: (member: MemberRecord) => void): void {
    const member = this.state.member(memberRef);
    change(member);
    this.state.engine.dispatchMemberUpdate(member);
  }

  assignRole(memberRef: MemberRef, role: RoleRef): void {
    this.#updateMember(memberRef, (member) => {
      if (!member.roleIds.includes(role.id)) member.roleIds.push(role.id);
    });
  }

  removeRole(memberRef: MemberRef, role: RoleRef): void {
    this.#updateMember(memberRef, (member) => {
      member.roleIds = member.roleIds.filter((id) => id !== role.id);
    });
  }

  timeoutMember(memberRef: MemberRef, until: number | null): void {
    this.#updateMember(memberRef, (member) => {
      member.timeoutUntil = until;
    });
  }

  channelNamed(guildRef: GuildRef, name: string): ChannelRef | null {
    const guild = this.state.guild(guildRef);
    const channel = guild.channelIds
      .map((id) => this.state.store.channels.get(id))
      .find((entry) => entry?.name === name.replace(/^#/, ''));
    return channel ? channelRefOf(channel) : null;
  }

  memberNamed(guildRef: GuildRef, username: string): MemberRef | null {
    const guild = this.state.guild(guildRef);
    const id = guild.memberIds.find(
      (memberId) => this.state.store.users.get(memberId)?.username === username.replace(/^@/, ''),
    );
    return id ? this.state.memberRef(guild.id, id) : null;
  }
}
