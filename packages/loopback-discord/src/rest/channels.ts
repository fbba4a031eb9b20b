import { PermissionFlagsBits } from 'discord.js';
import { discordErrors, type RouteAnswer } from '../errors.js';
import { isObject } from '../json.js';
import type { ChannelRecord, OverwriteRecord } from '../model.js';
import type { ThreadStateChanges } from '../threads.js';
import { validateChannelPatch } from '../validation/guild.js';
import type { RouteKit } from './kit.js';
import type { RouteTable } from './router.js';

function patchChannel(kit: RouteKit, channel: ChannelRecord, body: unknown): RouteAnswer {
  const denied = kit.botNeeds(channel, PermissionFlagsBits.ManageChannels);
  if (denied) return denied;
  const check = validateChannelPatch(body, false);
  if (!check.ok) return check.answer;
  const changes = isObject(body) ? body : {};
  if (Array.isArray(changes.permission_overwrites)) {
    if (!kit.botHas(channel, PermissionFlagsBits.ManageRoles)) return discordErrors.missingPermissions();
    channel.overwrites = changes.permission_overwrites.filter(isObject).map(
      (overwrite): OverwriteRecord => ({
        id: String(overwrite.id),
        type: overwrite.type === 1 || overwrite.type === '1' ? 1 : 0,
        allow: BigInt(String(overwrite.allow ?? '0')),
        deny: BigInt(String(overwrite.deny ?? '0')),
      }),
    );
  }
  if (typeof changes.name === 'string') channel.name = changes.name;
  if ('topic' in changes) channel.topic = typeof changes.topic === 'string' ? changes.topic : null;
  if (typeof changes.rate_limit_per_user === 'number') channel.rateLimitPerUser = changes.rate_limit_per_user;
  if (typeof changes.nsfw === 'boolean') channel.nsfw = changes.nsfw;
  kit.engine.dispatchChannel('CHANNEL_UPDATE', channel);
  return { status: 200, body: kit.store.toApiChannel(channel) };
}

/** A thread's owner may rename, archive and reopen it; locking, slowmode and the rest need Manage Threads. */
function patchThread(kit: RouteKit, thread: ChannelRecord, body: unknown): RouteAnswer {
  const state = thread.thread;
  if (!state) return discordErrors.wrongChannelType();
  const denied = kit.botNeeds(thread);
  if (denied) return denied;
  const check = validateChannelPatch(body, true);
  if (!check.ok) return check.answer;
  const changes = isObject(body) ? body : {};
  const canManage = kit.botHas(thread, PermissionFlagsBits.ManageThreads);
  const isOwner = state.ownerId === kit.botId;
  const needsManage =
    changes.locked !== undefined ||
    changes.rate_limit_per_user !== undefined ||
    (!isOwner &&
      (changes.name !== undefined ||
        changes.archived !== undefined ||
        changes.auto_archive_duration !== undefined ||
        changes.invitable !== undefined)) ||
    (state.locked && changes.archived === false);
  if (needsManage && !canManage) return discordErrors.missingPermissions();
  if (state.archived && changes.archived !== false) return discordErrors.threadArchived();
  if (state.locked && !canManage) return discordErrors.threadLocked();
  if (typeof changes.name === 'string') thread.name = changes.name;
  if (typeof changes.rate_limit_per_user === 'number') thread.rateLimitPerUser = changes.rate_limit_per_user;
  const threadChanges: ThreadStateChanges = {};
  if (typeof changes.archived === 'boolean') threadChanges.archived = changes.archived;
  if (typeof changes.locked === 'boolean') threadChanges.locked = changes.locked;
  if (typeof changes.auto_archive_duration === 'number')
    threadChanges.autoArchiveDuration = changes.auto_archive_duration;
  if (typeof changes.invitable === 'boolean') threadChanges.invitable = changes.invitable;
  kit.engine.updateThreadState(thread, threadChanges);
  return { status: 200, body: kit.store.toApiChannel(thread) };
}

/** One channel or thread: get, edit, delete, and the typing indicator. */
export function registerChannelRoutes(routes: RouteTable, kit: RouteKit): void {
  const store = kit.store;
  routes.add('GET', '/channels/:channel', ({ params }) => {
    const channel = kit.channelForBot(params.channel);
    return 'status' in channel ? channel : { status: 200, body: store.toApiChannel(channel) };
  });
  routes.add('PATCH', '/channels/:channel', ({ params, body }) => {
    const channel = kit.channel(params.channel);
    if ('status' in channel) return channel;
    return channel.thread ? patchThread(kit, channel, body) : patchChannel(kit, channel, body);
  });
  routes.add('DELETE', '/channels/:channel', ({ params }) => {
    const channel = kit.channel(params.channel);
    if ('status' in channel) return channel;
    if (channel.type === 1) return discordErrors.wrongChannelType();
    const denied = kit.botNeeds(
      channel,
      channel.thread ? PermissionFlagsBits.ManageThreads : PermissionFlagsBits.ManageChannels,
    );
    if (denied) return denied;
    const body = store.toApiChannel(channel);
    kit.engine.deleteChannel(channel);
    return { status: 200, body };
  });
  routes.add('POST', '/channels/:channel/typing', ({ params }) => {
    const channel = kit.channel(params.channel);
    if ('status' in channel) return channel;
    const denied = kit.botNeeds(
      channel,
      channel.thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
    );
    return denied ?? { status: 204 };
  });
}
