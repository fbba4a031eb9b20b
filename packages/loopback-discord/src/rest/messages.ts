import { PermissionFlagsBits } from 'discord.js';
import { attachmentsAfterEdit } from '../attachments.js';
import {
  discordErrors,
  type ErrorAnswer,
  FormErrors,
  type RouteAnswer,
  singleFieldError,
} from '../errors.js';
import { isObject } from '../json.js';
import type { ChannelRecord, MessageRecord } from '../model.js';
import { textChannelTypes } from '../store.js';
import { validateEditedMessage, validateMessageBody } from '../validation/messages.js';
import type { RouteKit } from './kit.js';
import type { RouteContext, RouteTable } from './router.js';

const nonceWindowMs = 5 * 60_000;
const pinLimit = 50;

/**
 * Posting in an archived and locked thread, or a locked one without Manage Threads, is refused; a post
 * in an archived unlocked thread unarchives it, but edits there are refused.
 */
function threadWriteRefusal(kit: RouteKit, channel: ChannelRecord, editing = false): ErrorAnswer | null {
  const thread = channel.thread;
  if (!thread) return null;
  if (thread.archived && (thread.locked || editing)) return discordErrors.threadArchived();
  if (thread.locked && !kit.botHas(channel, PermissionFlagsBits.ManageThreads))
    return discordErrors.threadLocked();
  return null;
}

/** Direct messages need a shared guild and a recipient who accepts them. */
function canMessageDirectly(kit: RouteKit, userId: string | null): boolean {
  const store = kit.store;
  const user = userId ? store.users.get(userId) : undefined;
  if (!user?.acceptsDirectMessages) return false;
  return [...store.guilds.keys()].some(
    (guildId) => store.member(guildId, user.id) && store.member(guildId, kit.botId),
  );
}

function listMessages(kit: RouteKit, channel: ChannelRecord, query: URLSearchParams): RouteAnswer {
  const limitText = query.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    const errors = new FormErrors();
    errors.integerBetween(['limit'], Number.isNaN(limit) ? limitText : limit, 1, 100);
    if (errors.isEmpty)
      errors.add(['limit'], 'NUMBER_TYPE_COERCE', `Value "${String(limitText)}" is not int.`);
    return errors.toAnswer();
  }
  if (!kit.botHas(channel, PermissionFlagsBits.ReadMessageHistory)) return { status: 200, body: [] };
  const all = kit.store.visibleMessagesIn(channel.id);
  const before = query.get('before');
  const after = query.get('after');
  const around = query.get('around');
  let selected: MessageRecord[];
  if (after !== null) {
    selected = all.filter((message) => BigInt(message.id) > BigInt(after)).slice(0, limit);
  } else if (around !== null) {
    const index = all.findIndex((message) => BigInt(message.id) >= BigInt(around));
    const start = Math.max(0, (index === -1 ? all.length : index) - Math.floor(limit / 2));
    selected = all.slice(start, start + limit);
  } else {
    const older = before === null ? all : all.filter((message) => BigInt(message.id) < BigInt(before));
    selected = older.slice(Math.max(0, older.length - limit));
  }
  return { status: 200, body: [...selected].reverse().map((message) => kit.apiMessage(message)) };
}

function createMessage(kit: RouteKit, context: RouteContext): RouteAnswer {
  const store = kit.store;
  const channel = kit.channel(context.params.channel);
  if ('status' in channel) return channel;
  if (!textChannelTypes.has(channel.type))
    return { status: 400, body: { code: 50008, message: 'Cannot send messages in a non-text channel' } };
  const denied = kit.botNeeds(channel);
  if (denied) return denied;
  if (channel.type === 1 && !canMessageDirectly(kit, channel.recipientId)) {
    return { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } };
  }
  const check = validateMessageBody(context.body, 'create');
  const body = isObject(context.body) ? context.body : {};
  if (!check.ok) return check.answer;
  const sendBit = channel.thread
    ? PermissionFlagsBits.SendMessagesInThreads
    : PermissionFlagsBits.SendMessages;
  if (!kit.botHas(channel, sendBit)) return discordErrors.missingPermissions();
  if (
    Array.isArray(body.embeds) &&
    body.embeds.length > 0 &&
    !kit.botHas(channel, PermissionFlagsBits.EmbedLinks)
  ) {
    return discordErrors.missingPermissions();
  }
  if (context.files.length > 0 && !kit.botHas(channel, PermissionFlagsBits.AttachFiles))
    return discordErrors.missingPermissions();
  const threadRefusal = threadWriteRefusal(kit, channel);
  if (threadRefusal) return threadRefusal;
  const reference = isObject(body.message_reference) ? body.message_reference : null;
  if (reference) {
    if (!kit.botHas(channel, PermissionFlagsBits.ReadMessageHistory))
      return discordErrors.missingPermissions();
    const referenced =
      typeof reference.message_id === 'string' ? store.messages.get(reference.message_id) : undefined;
    if ((!referenced || referenced.deleted) && reference.fail_if_not_exists !== false) {
      return singleFieldError(['message_reference'], 'REPLIES_UNKNOWN_MESSAGE', 'Unknown message');
    }
  }
  const nonceKey =
    body.nonce !== undefined && body.nonce !== null ? `${kit.botId}:${String(body.nonce)}` : null;
  if (body.enforce_nonce === true && nonceKey !== null) {
    const previous = store.nonces.get(nonceKey);
    if (previous && kit.engine.clock.now() - previous.at < nonceWindowMs) {
      const existing = store.messages.get(previous.messageId);
      if (existing) return { status: 200, body: kit.apiMessage(existing) };
    }
  }
  const tts = body.tts === true && kit.botHas(channel, PermissionFlagsBits.SendTTSMessages);
  const message = kit.engine.createMessage({
    channel,
    authorId: kit.botId,
    body: { ...body, tts },
    source: 'channel',
    attachments: kit.uploads(context.files)(channel.id, false, body),
  });
  if (nonceKey !== null) store.nonces.set(nonceKey, { messageId: message.id, at: message.createdAt });
  return { status: 200, body: kit.apiMessage(message) };
}

function editMessage(kit: RouteKit, context: RouteContext): RouteAnswer {
  const found = kit.channelMessage(context.params);
  if ('status' in found) return found;
  const { channel, message } = found;
  if (message.authorId !== kit.botId) return discordErrors.cannotEditOthersMessage();
  const threadRefusal = threadWriteRefusal(kit, channel, true);
  if (threadRefusal) return threadRefusal;
  const check = validateMessageBody(context.body, 'edit');
  if (!check.ok) return check.answer;
  const changes = isObject(context.body) ? context.body : {};
  if (
    Array.isArray(changes.embeds) &&
    changes.embeds.length > 0 &&
    !kit.botHas(channel, PermissionFlagsBits.EmbedLinks)
  ) {
    return discordErrors.missingPermissions();
  }
  const content =
    'content' in changes ? (typeof changes.content === 'string' ? changes.content : '') : message.content;
  const embeds = 'embeds' in changes ? (Array.isArray(changes.embeds) ? changes.embeds : []) : message.embeds;
  const components =
    'components' in changes
      ? Array.isArray(changes.components)
        ? changes.components
        : []
      : message.components;
  if (context.files.length > 0 && !kit.botHas(channel, PermissionFlagsBits.AttachFiles))
    return discordErrors.missingPermissions();
  const uploaded = kit.uploads(context.files);
  const kept = attachmentsAfterEdit(message.attachments, changes, []) ?? message.attachments;
  const result = validateEditedMessage(content, embeds, components, [...kept, ...context.files]);
  if (!result.ok) return result.answer;
  kit.engine.editMessage(message, changes, 'channel', uploaded(channel.id, false, changes));
  return { status: 200, body: kit.apiMessage(message) };
}

function registerPins(routes: RouteTable, kit: RouteKit): void {
  const pin = (pinned: boolean) => (context: RouteContext) => {
    const channel = kit.channelForBot(context.params.channel);
    if ('status' in channel) return channel;
    if (
      !kit.botHas(channel, PermissionFlagsBits.ManageMessages) &&
      !kit.botHas(channel, PermissionFlagsBits.PinMessages)
    ) {
      return discordErrors.missingPermissions();
    }
    const message = kit.message(channel, context.params.message);
    if ('status' in message) return message;
    if (message.pinned === pinned) return { status: 204 };
    const pins = kit.store.visibleMessagesIn(channel.id).filter((entry) => entry.pinned).length;
    if (pinned && pins >= pinLimit) return discordErrors.maximumPins();
    kit.engine.setPinned(message, pinned, kit.botId);
    return { status: 204 };
  };
  for (const prefix of ['/channels/:channel/messages/pins', '/channels/:channel/pins']) {
    routes.add('PUT', `${prefix}/:message`, pin(true));
    routes.add('DELETE', `${prefix}/:message`, pin(false));
  }
  const pinnedIn = (channelId: string | undefined): MessageRecord[] | ErrorAnswer => {
    const channel = kit.channelForBot(channelId);
    if ('status' in channel) return channel;
    return kit.store
      .visibleMessagesIn(channel.id)
      .filter((message) => message.pinned)
      .sort((a, b) => (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0));
  };
  routes.add('GET', '/channels/:channel/pins', ({ params }) => {
    const pinned = pinnedIn(params.channel);
    return Array.isArray(pinned)
      ? { status: 200, body: pinned.map((message) => kit.apiMessage(message)) }
      : pinned;
  });
  routes.add('GET', '/channels/:channel/messages/pins', ({ params }) => {
    const pinned = pinnedIn(params.channel);
    if (!Array.isArray(pinned)) return pinned;
    return {
      status: 200,
      body: {
        items: pinned.map((message) => ({
          pinned_at: new Date(message.pinnedAt ?? message.createdAt).toISOString(),
          message: kit.apiMessage(message),
        })),
        has_more: false,
      },
    };
  });
}

/** Channel messages: list, get, create (with nonces), edit, delete, and pins (old and new routes). */
export function registerMessageRoutes(routes: RouteTable, kit: RouteKit): void {
  routes.add('GET', '/channels/:channel/messages', ({ params, query }) => {
    const channel = kit.channelForBot(params.channel);
    return 'status' in channel ? channel : listMessages(kit, channel, query);
  });
  routes.add('GET', '/channels/:channel/messages/:message', ({ params }) => {
    const found = kit.channelMessage(params, PermissionFlagsBits.ReadMessageHistory);
    return 'status' in found ? found : { status: 200, body: kit.apiMessage(found.message) };
  });
  routes.add('POST', '/channels/:channel/messages', (context) => createMessage(kit, context));
  routes.add('PATCH', '/channels/:channel/messages/:message', (context) => editMessage(kit, context));
  routes.add('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
    const found = kit.channelMessage(params);
    if ('status' in found) return found;
    const { channel, message } = found;
    if (message.authorId !== kit.botId && !kit.botHas(channel, PermissionFlagsBits.ManageMessages)) {
      return discordErrors.missingPermissions();
    }
    kit.engine.deleteMessage(message);
    return { status: 204 };
  });
  registerPins(routes, kit);
}
