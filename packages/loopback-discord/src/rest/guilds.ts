import { PermissionFlagsBits } from 'discord.js';
import { discordErrors, type ErrorAnswer, type RouteAnswer, singleFieldError } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { ChannelRecord, GuildRecord } from '../model.js';
import { hasPermission, highestRolePosition } from '../permissions.js';
import { validateMemberPatch } from '../validation/guild.js';
import type { RouteKit } from './kit.js';
import type { RouteContext, RouteTable } from './router.js';

/** Manage Roles plus Discord's hierarchy: the bot's highest role must be above the role. */
function roleRefusal(kit: RouteKit, guildId: string, roleId: string): ErrorAnswer | null {
  const store = kit.store;
  const bot = store.member(guildId, kit.botId);
  const role = store.roles.get(roleId);
  if (!bot || !role) return discordErrors.unknownRole();
  const base = store.basePermissions(guildId, kit.botId);
  if (!hasPermission(base, PermissionFlagsBits.ManageRoles)) return discordErrors.missingPermissions();
  if (role.managed || role.id === guildId) return discordErrors.missingPermissions();
  if (
    store.guilds.get(guildId)?.ownerId !== kit.botId &&
    role.position >= highestRolePosition(bot, store.roles)
  ) {
    return discordErrors.missingPermissions();
  }
  return null;
}

/** `PATCH /guilds/:guild/members/:user`: timeouts (Moderate Members, above the target), nicknames, roles. */
function patchMember(
  kit: RouteKit,
  guildId: string | undefined,
  userId: string | undefined,
  body: unknown,
): RouteAnswer {
  const store = kit.store;
  const guild = guildId ? store.guilds.get(guildId) : undefined;
  if (!guild) return discordErrors.unknownGuild();
  const member = store.member(guild.id, userId ?? '');
  if (!member) return discordErrors.unknownMember();
  const bot = store.member(guild.id, kit.botId);
  if (!bot) return discordErrors.missingAccess();
  const check = validateMemberPatch(body, kit.engine.clock.now());
  if (!check.ok) return check.answer;
  const changes = isObject(body) ? body : {};
  const base = store.basePermissions(guild.id, kit.botId);
  const outranks = highestRolePosition(bot, store.roles) > highestRolePosition(member, store.roles);
  if ('communication_disabled_until' in changes) {
    if (!hasPermission(base, PermissionFlagsBits.ModerateMembers)) return discordErrors.missingPermissions();
    const targetIsAdmin = hasPermission(
      store.basePermissions(guild.id, member.userId),
      PermissionFlagsBits.Administrator,
    );
    if (member.userId === guild.ownerId || targetIsAdmin || !outranks)
      return discordErrors.missingPermissions();
    const until = changes.communication_disabled_until;
    const at = typeof until === 'string' ? Date.parse(until) : null;
    member.timeoutUntil = at !== null && at > kit.engine.clock.now() ? at : null;
  }
  if ('nick' in changes) {
    if (
      !hasPermission(base, PermissionFlagsBits.ManageNicknames) ||
      (member.userId === guild.ownerId && member.userId !== kit.botId)
    ) {
      return discordErrors.missingPermissions();
    }
    member.nick = typeof changes.nick === 'string' && changes.nick.length > 0 ? changes.nick : null;
  }
  if (Array.isArray(changes.roles)) {
    const wanted = changes.roles.map(String);
    const changed = [
      ...wanted.filter((id) => !member.roleIds.includes(id)),
      ...member.roleIds.filter((id) => !wanted.includes(id)),
    ];
    for (const roleId of changed) {
      const role = store.roles.get(roleId);
      if (!role || role.guildId !== guild.id)
        return singleFieldError(['roles', wanted.indexOf(roleId)], 'UNKNOWN_ROLE', 'Unknown role');
      const refusal = roleRefusal(kit, guild.id, roleId);
      if (refusal) return refusal;
    }
    member.roleIds = wanted;
  }
  kit.engine.dispatchMemberUpdate(member);
  return { status: 200, body: store.toApiMember(member) };
}

/** A guild, its channels, active threads, roles and members, and member edits and role changes. */
export function registerGuildRoutes(routes: RouteTable, kit: RouteKit): void {
  const store = kit.store;
  const guildOf = (id: string | undefined): GuildRecord | ErrorAnswer => {
    const guild = id ? store.guilds.get(id) : undefined;
    if (!guild) return discordErrors.unknownGuild();
    if (!store.member(guild.id, kit.botId)) return discordErrors.missingAccess();
    return guild;
  };
  const channelsOf = (guild: GuildRecord): ChannelRecord[] =>
    guild.channelIds.map((id) => store.channels.get(id)).filter((channel) => channel !== undefined);
  routes.add('GET', '/guilds/:guild', ({ params }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    const full = store.toApiGuildCreate(guild, false) as unknown as Json;
    const { members: _members, channels: _channels, threads: _threads, ...rest } = full;
    return { status: 200, body: rest };
  });
  routes.add('GET', '/guilds/:guild/channels', ({ params }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    const channels = channelsOf(guild).filter((channel) => channel.thread === null);
    return { status: 200, body: channels.map((channel) => store.toApiChannel(channel)) };
  });
  routes.add('GET', '/guilds/:guild/threads/active', ({ params }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    const threads = channelsOf(guild).filter(
      (channel) => channel.thread !== null && !channel.thread.archived,
    );
    return {
      status: 200,
      body: { threads: threads.map((thread) => store.toApiChannel(thread)), members: [] },
    };
  });
  routes.add('GET', '/guilds/:guild/roles', ({ params }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    return {
      status: 200,
      body: guild.roleIds.flatMap((id) => {
        const role = store.roles.get(id);
        return role ? [store.toApiRole(role)] : [];
      }),
    };
  });
  routes.add('GET', '/guilds/:guild/members', ({ params, query }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? '1')));
    const after = query.get('after') ?? '0';
    const members = guild.memberIds
      .filter((id) => BigInt(id) > BigInt(after))
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .slice(0, limit)
      .flatMap((id) => {
        const member = store.member(guild.id, id);
        return member ? [store.toApiMember(member)] : [];
      });
    return { status: 200, body: members };
  });
  routes.add('GET', '/guilds/:guild/members/:user', ({ params }) => {
    const guild = guildOf(params.guild);
    if ('status' in guild) return guild;
    const member = store.member(guild.id, params.user ?? '');
    return member ? { status: 200, body: store.toApiMember(member) } : discordErrors.unknownMember();
  });
  routes.add('PATCH', '/guilds/:guild/members/:user', ({ params, body }) =>
    patchMember(kit, params.guild, params.user, body),
  );
  const roleChange = (add: boolean) => (context: RouteContext) => {
    const guild = guildOf(context.params.guild);
    if ('status' in guild) return guild;
    const member = store.member(guild.id, context.params.user ?? '');
    if (!member) return discordErrors.unknownMember();
    const role = store.roles.get(context.params.role ?? '');
    if (!role || role.guildId !== guild.id) return discordErrors.unknownRole();
    const refusal = roleRefusal(kit, guild.id, role.id);
    if (refusal) return refusal;
    const has = member.roleIds.includes(role.id);
    if (add && !has) member.roleIds.push(role.id);
    if (!add && has) member.roleIds = member.roleIds.filter((id) => id !== role.id);
    if (add !== has) kit.engine.dispatchMemberUpdate(member);
    return { status: 204 };
  };
  routes.add('PUT', '/guilds/:guild/members/:user/roles/:role', roleChange(true));
  routes.add('DELETE', '/guilds/:guild/members/:user/roles/:role', roleChange(false));
}
