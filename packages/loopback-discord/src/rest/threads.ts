import { PermissionFlagsBits } from 'discord.js';
import { discordErrors, type ErrorAnswer, type RouteAnswer } from '../errors.js';
import { isObject, iso, type Json } from '../json.js';
import type { ChannelRecord } from '../model.js';
import { validateThreadBody } from '../validation/guild.js';
import { validateMessageBody } from '../validation/messages.js';
import type { RouteKit } from './kit.js';
import type { RouteTable } from './router.js';

function threadSettings(data: Json): { autoArchiveDuration: number; rateLimitPerUser: number } {
  return {
    autoArchiveDuration: typeof data.auto_archive_duration === 'number' ? data.auto_archive_duration : 1440,
    rateLimitPerUser: typeof data.rate_limit_per_user === 'number' ? data.rate_limit_per_user : 0,
  };
}

/** `POST /channels/:channel/messages/:message/threads`: a public (or announcement) thread on a message. */
function threadFromMessage(kit: RouteKit, params: Record<string, string>, body: unknown): RouteAnswer {
  const channel = kit.channel(params.channel);
  if ('status' in channel) return channel;
  if (channel.thread || (channel.type !== 0 && channel.type !== 5)) return discordErrors.wrongChannelType();
  const denied = kit.botNeeds(
    channel,
    PermissionFlagsBits.CreatePublicThreads,
    PermissionFlagsBits.ReadMessageHistory,
  );
  if (denied) return denied;
  const message = kit.message(channel, params.message);
  if ('status' in message) return message;
  const check = validateThreadBody(body);
  if (!check.ok) return check.answer;
  if (message.threadId) return discordErrors.threadAlreadyCreated();
  const data = body as Json;
  const thread = kit.engine.createThread({
    parent: channel,
    name: String(data.name),
    type: channel.type === 5 ? 10 : 11,
    ownerId: kit.botId,
    ...threadSettings(data),
    invitable: true,
    starterMessage: message,
  });
  return { status: 201, body: kit.store.toApiChannel(thread) };
}

/** `POST /channels/:channel/threads`: a thread without a message (private by default), or a forum post. */
function threadWithoutMessage(kit: RouteKit, params: Record<string, string>, body: unknown): RouteAnswer {
  const store = kit.store;
  const channel = kit.channel(params.channel);
  if ('status' in channel) return channel;
  if (channel.thread || ![0, 5, 15].includes(channel.type)) return discordErrors.wrongChannelType();
  const check = validateThreadBody(body);
  if (!check.ok) return check.answer;
  const data = body as Json;
  const forum = channel.type === 15;
  const type = forum ? 11 : typeof data.type === 'number' ? data.type : 12;
  const needed =
    type === 12
      ? PermissionFlagsBits.CreatePrivateThreads
      : forum
        ? PermissionFlagsBits.SendMessages
        : PermissionFlagsBits.CreatePublicThreads;
  const denied = kit.botNeeds(channel, needed);
  if (denied) return denied;
  if (forum) {
    const starter = validateMessageBody(data.message, 'create', ['message']);
    if (!starter.ok) return starter.answer;
  }
  const thread = kit.engine.createThread({
    parent: channel,
    name: String(data.name),
    type,
    ownerId: kit.botId,
    ...threadSettings(data),
    invitable: data.invitable !== false,
    starterMessage: null,
  });
  if (forum && isObject(data.message)) {
    const message = kit.engine.createMessage({
      channel: thread,
      authorId: kit.botId,
      body: data.message,
      source: 'channel',
    });
    return {
      status: 201,
      body: { ...(store.toApiChannel(thread) as unknown as Json), message: kit.apiMessage(message) },
    };
  }
  return { status: 201, body: store.toApiChannel(thread) };
}

function threadMember(thread: ChannelRecord, userId: string): Json {
  return {
    id: thread.id,
    user_id: userId,
    join_timestamp: iso(thread.thread?.memberJoinedAt.get(userId) ?? 0),
    flags: 0,
  };
}

/** Thread creation and thread members (the bot itself and others). */
export function registerThreadRoutes(routes: RouteTable, kit: RouteKit): void {
  const store = kit.store;
  routes.add('POST', '/channels/:channel/messages/:message/threads', ({ params, body }) =>
    threadFromMessage(kit, params, body),
  );
  routes.add('POST', '/channels/:channel/threads', ({ params, body }) =>
    threadWithoutMessage(kit, params, body),
  );
  const threadOf = (id: string | undefined): ChannelRecord | ErrorAnswer => {
    const channel = kit.channel(id);
    if ('status' in channel) return channel;
    return channel.thread ? channel : discordErrors.wrongChannelType();
  };
  /** The thread, if the bot can view it with `required`. */
  const threadForBot = (id: string | undefined, ...required: bigint[]): ChannelRecord | ErrorAnswer => {
    const thread = threadOf(id);
    if ('status' in thread) return thread;
    return kit.botNeeds(thread, ...required) ?? thread;
  };
  routes.add('PUT', '/channels/:channel/thread-members/@me', ({ params }) => {
    const thread = threadForBot(params.channel);
    if ('status' in thread) return thread;
    if (thread.thread?.archived) return discordErrors.threadArchived();
    kit.engine.joinThread(thread, kit.botId);
    return { status: 204 };
  });
  routes.add('DELETE', '/channels/:channel/thread-members/@me', ({ params }) => {
    const thread = threadOf(params.channel);
    if ('status' in thread) return thread;
    kit.engine.leaveThread(thread, kit.botId);
    return { status: 204 };
  });
  routes.add('PUT', '/channels/:channel/thread-members/:user', ({ params }) => {
    const thread = threadForBot(params.channel, PermissionFlagsBits.SendMessagesInThreads);
    if ('status' in thread) return thread;
    if (thread.thread?.archived) return discordErrors.threadArchived();
    if (!store.member(thread.guildId, params.user ?? '')) return discordErrors.unknownMember();
    kit.engine.joinThread(thread, params.user ?? '');
    return { status: 204 };
  });
  routes.add('DELETE', '/channels/:channel/thread-members/:user', ({ params }) => {
    const thread = threadOf(params.channel);
    if ('status' in thread) return thread;
    const state = thread.thread;
    const ownsPrivate = thread.type === 12 && state?.ownerId === kit.botId;
    const denied = kit.botNeeds(thread, ...(ownsPrivate ? [] : [PermissionFlagsBits.ManageThreads]));
    if (denied) return denied;
    if (state?.archived) return discordErrors.threadArchived();
    if (!state?.memberJoinedAt.has(params.user ?? '')) return discordErrors.unknownMember();
    kit.engine.leaveThread(thread, params.user ?? '');
    return { status: 204 };
  });
  routes.add('GET', '/channels/:channel/thread-members/:user', ({ params }) => {
    const thread = threadForBot(params.channel);
    if ('status' in thread) return thread;
    if (!thread.thread?.memberJoinedAt.has(params.user ?? '')) return discordErrors.unknownMember();
    return { status: 200, body: threadMember(thread, params.user ?? '') };
  });
  routes.add('GET', '/channels/:channel/thread-members', ({ params }) => {
    const thread = threadForBot(params.channel);
    if ('status' in thread) return thread;
    return {
      status: 200,
      body: [...(thread.thread?.memberJoinedAt.keys() ?? [])].map((userId) => threadMember(thread, userId)),
    };
  });
}
