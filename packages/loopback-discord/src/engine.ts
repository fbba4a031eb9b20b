import type { APIAttachment, APIEmbed } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import type { LoopbackClock } from './clock.js';
import { type GatewaySession, gatewayIntents, type LoopbackGateway } from './gateway.js';
import { type MentionSource, resolveMentions } from './mentions.js';
import type {
  ChannelRecord,
  MemberRecord,
  MessageComponents,
  MessageInteractionOrigin,
  MessageRecord,
  RoleRecord,
} from './model.js';
import { hasPermission } from './permissions.js';
import type { LoopbackStore } from './store.js';
import { loadingFlag } from './views.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const suppressNotificationsFlag = 1 << 12;
const keptMessageFlags = (1 << 2) | (1 << 6) | (1 << 7) | (1 << 12) | (1 << 15);

export interface CreateMessageInput {
  channel: ChannelRecord;
  authorId: string;
  body: Json;
  source: MentionSource;
  type?: number;
  visibleTo?: string | null;
  interaction?: MessageInteractionOrigin | null;
  webhookId?: string | null;
  extraFlags?: number;
  attachments?: APIAttachment[];
}

export interface CreateThreadInput {
  parent: ChannelRecord;
  name: string;
  type: number;
  ownerId: string;
  autoArchiveDuration: number;
  rateLimitPerUser: number;
  invitable: boolean;
  starterMessage: MessageRecord | null;
}

/** Why a member could not post a message, as the Discord client would refuse it. */
export type PostRefusal =
  | 'cannot-view-channel'
  | 'missing-send-permission'
  | 'timed-out'
  | 'thread-locked'
  | 'slowmode'
  | 'empty-message'
  | 'too-long';

function normalizeEmbeds(embeds: unknown): APIEmbed[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.filter(isObject).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed);
}

/** What happened to a message, for observers such as the terminal sandbox. */
export type MessageChange = 'created' | 'updated' | 'deleted';

/** Domain operations shared by REST handlers and the test harness, with their gateway dispatches. */
export class LoopbackEngine {
  readonly messageObservers = new Set<(change: MessageChange, message: MessageRecord) => void>();

  constructor(
    readonly store: LoopbackStore,
    readonly gateway: LoopbackGateway,
    readonly clock: LoopbackClock,
  ) {
    clock.onAdvance((now) => this.archiveInactiveThreads(now));
  }

  get botId(): string {
    return this.store.botUser.id;
  }

  canMentionEveryone(channel: ChannelRecord, userId: string): boolean {
    return hasPermission(this.store.channelPermissions(channel, userId), PermissionFlagsBits.MentionEveryone);
  }

  #mentionsFor(
    channel: ChannelRecord,
    authorId: string,
    content: string,
    allowed: unknown,
    source: MentionSource,
    repliedUserId: string | null,
  ) {
    const store = this.store;
    return resolveMentions({
      content,
      allowedMentions: allowed,
      source,
      authorCanMentionEveryone: this.canMentionEveryone(channel, authorId),
      isRoleMentionable: (roleId) => {
        const role = store.roles.get(roleId);
        return role && role.guildId === channel.guildId ? role.mentionable : undefined;
      },
      isGuildMember: (userId) =>
        channel.type === 1
          ? userId === channel.recipientId || userId === this.botId
          : store.member(channel.guildId, userId) !== undefined,
      repliedUserId,
    });
  }

  createMessage(input: CreateMessageInput): MessageRecord {
    const { channel, body } = input;
    const content = typeof body.content === 'string' ? body.content : '';
    const reference = isObject(body.message_reference) ? body.message_reference : null;
    const referenced =
      reference && typeof reference.message_id === 'string'
        ? this.store.messages.get(reference.message_id)
        : undefined;
    const mentions = this.#mentionsFor(
      channel,
      input.authorId,
      content,
      body.allowed_mentions,
      input.source,
      referenced ? referenced.authorId : null,
    );
    const now = this.clock.now();
    const flags =
      ((typeof body.flags === 'number' ? body.flags : 0) | (input.extraFlags ?? 0)) & keptMessageFlags;
    const message: MessageRecord = {
      id: this.store.ids.next(),
      channelId: channel.id,
      guildId: channel.type === 1 ? null : channel.guildId,
      authorId: input.authorId,
      type: input.type ?? (referenced ? 19 : 0),
      content,
      embeds: normalizeEmbeds(body.embeds),
      components: (Array.isArray(body.components) ? body.components : []) as MessageComponents,
      attachments: input.attachments ?? [],
      flags,
      tts: body.tts === true,
      pinned: false,
      pinnedAt: null,
      createdAt: now,
      editedAt: null,
      deleted: false,
      nonce: typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : null,
      mentionUserIds: mentions.mentionUserIds,
      mentionRoleIds: mentions.mentionRoleIds,
      mentionEveryone: mentions.mentionEveryone,
      pings:
        (flags & suppressNotificationsFlag) !== 0
          ? { users: [], roles: [], everyone: false }
          : mentions.pings,
      reference: referenced
        ? { messageId: referenced.id, channelId: referenced.channelId, guildId: referenced.guildId }
        : null,
      webhookId: input.webhookId ?? null,
      applicationId: input.webhookId ? this.store.applicationId : null,
      interaction: input.interaction ?? null,
      visibleTo: input.visibleTo ?? null,
      threadId: null,
      position: null,
    };
    this.store.addMessage(message);
    if (channel.thread) {
      this.joinThread(channel, input.authorId);
      if (channel.thread.archived && !channel.thread.locked)
        this.updateThreadState(channel, { archived: false });
    }
    if (message.visibleTo === null) this.dispatchMessage('MESSAGE_CREATE', message);
    else this.#observe('created', message);
    return message;
  }

  /** Applies an edit body to a message. Mentions are recomputed, but an edit notifies no one, so `pings` stays as created. */
  editMessage(message: MessageRecord, body: Json, source: MentionSource): void {
    const channel = this.store.channels.get(message.channelId);
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = normalizeEmbeds(body.embeds);
    if ('components' in body) {
      message.components = (Array.isArray(body.components) ? body.components : []) as MessageComponents;
    }
    if (typeof body.flags === 'number') {
      const editable = (1 << 2) | (1 << 15);
      message.flags = (message.flags & ~editable) | (body.flags & editable);
    }
    if (Array.isArray(body.attachments) && body.attachments.length === 0) message.attachments = [];
    message.flags &= ~loadingFlag;
    message.editedAt = this.clock.now();
    if (channel) {
      const referenced = message.reference ? this.store.messages.get(message.reference.messageId) : undefined;
      const mentions = this.#mentionsFor(
        channel,
        message.authorId,
        message.content,
        'allowed_mentions' in body ? body.allowed_mentions : undefined,
        source,
        referenced ? referenced.authorId : null,
      );
      message.mentionUserIds = mentions.mentionUserIds;
      message.mentionRoleIds = mentions.mentionRoleIds;
      message.mentionEveryone = mentions.mentionEveryone;
    }
    if (message.visibleTo === null) this.dispatchMessage('MESSAGE_UPDATE', message);
    else this.#observe('updated', message);
  }

  deleteMessage(message: MessageRecord): void {
    message.deleted = true;
    this.#observe('deleted', message);
    const channel = this.store.channels.get(message.channelId);
    if (channel?.thread && message.visibleTo === null)
      channel.thread.messageCount = Math.max(0, channel.thread.messageCount - 1);
    if (message.visibleTo !== null) return;
    this.gateway.dispatch(
      'MESSAGE_DELETE',
      {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId ? { guild_id: message.guildId } : {}),
      },
      { intent: message.guildId === null ? gatewayIntents.directMessages : gatewayIntents.guildMessages },
    );
  }

  setPinned(message: MessageRecord, pinned: boolean, actorId: string): void {
    message.pinned = pinned;
    message.pinnedAt = pinned ? this.clock.now() : null;
    this.dispatchMessage('MESSAGE_UPDATE', message);
    const channel = this.store.channels.get(message.channelId);
    if (!channel) return;
    const lastPin = this.store
      .visibleMessagesIn(channel.id)
      .filter((entry) => entry.pinned && entry.pinnedAt !== null)
      .reduce<number | null>((latest, entry) => Math.max(latest ?? 0, entry.pinnedAt ?? 0), null);
    this.gateway.dispatch(
      'CHANNEL_PINS_UPDATE',
      {
        guild_id: channel.guildId,
        channel_id: channel.id,
        last_pin_timestamp: lastPin === null ? null : iso(lastPin),
      },
      { intent: gatewayIntents.guilds },
    );
    if (pinned) {
      this.createMessage({
        channel,
        authorId: actorId,
        body: {
          content: '',
          message_reference: { message_id: message.id },
          allowed_mentions: { parse: [], replied_user: false },
        },
        source: 'channel',
        type: 6,
      });
    }
  }

  /** Whether a session may see a message's content (Message Content intent, or the bot authored or is mentioned). */
  #messageFor(session: GatewaySession, message: MessageRecord): unknown {
    const data = this.store.toApiMessage(message, { withGuildFields: true }) as unknown as Json;
    const privileged =
      (session.intents & gatewayIntents.messageContent) !== 0 ||
      message.authorId === this.botId ||
      message.mentionUserIds.includes(this.botId) ||
      message.guildId === null;
    if (!privileged) {
      data.content = '';
      data.embeds = [];
      data.attachments = [];
      data.components = [];
    }
    return data;
  }

  #observe(change: MessageChange, message: MessageRecord): void {
    for (const observer of [...this.messageObservers]) observer(change, message);
  }

  dispatchMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: MessageRecord): void {
    this.#observe(event === 'MESSAGE_CREATE' ? 'created' : 'updated', message);
    this.gateway.dispatch(event, (session: GatewaySession) => this.#messageFor(session, message), {
      intent: message.guildId === null ? gatewayIntents.directMessages : gatewayIntents.guildMessages,
    });
  }

  dispatchChannel(
    event: 'CHANNEL_CREATE' | 'CHANNEL_UPDATE' | 'CHANNEL_DELETE',
    channel: ChannelRecord,
  ): void {
    this.gateway.dispatch(event, this.store.toApiChannel(channel), { intent: gatewayIntents.guilds });
  }

  dispatchThread(
    event: 'THREAD_CREATE' | 'THREAD_UPDATE' | 'THREAD_DELETE',
    thread: ChannelRecord,
    newlyCreated = false,
  ): void {
    const data =
      event === 'THREAD_DELETE'
        ? { id: thread.id, guild_id: thread.guildId, parent_id: thread.parentId, type: thread.type }
        : {
            ...(this.store.toApiChannel(thread) as unknown as Json),
            ...(newlyCreated ? { newly_created: true } : {}),
          };
    this.gateway.dispatch(event, data, { intent: gatewayIntents.guilds });
  }

  dispatchMemberUpdate(member: MemberRecord): void {
    const data = { ...this.store.toApiMember(member), guild_id: member.guildId };
    this.gateway.dispatch('GUILD_MEMBER_UPDATE', data, {
      filter: (session) =>
        (session.intents & gatewayIntents.guildMembers) !== 0 || member.userId === this.botId,
    });
  }

  dispatchMemberAdd(member: MemberRecord): void {
    this.gateway.dispatch(
      'GUILD_MEMBER_ADD',
      { ...this.store.toApiMember(member), guild_id: member.guildId },
      {
        intent: gatewayIntents.guildMembers,
      },
    );
  }

  dispatchRole(
    event: 'GUILD_ROLE_CREATE' | 'GUILD_ROLE_UPDATE' | 'GUILD_ROLE_DELETE',
    role: RoleRecord,
  ): void {
    const data =
      event === 'GUILD_ROLE_DELETE'
        ? { guild_id: role.guildId, role_id: role.id }
        : { guild_id: role.guildId, role: this.store.toApiRole(role) };
    this.gateway.dispatch(event, data, { intent: gatewayIntents.guilds });
  }

  createThread(input: CreateThreadInput): ChannelRecord {
    const now = this.clock.now();
    const id = input.starterMessage ? input.starterMessage.id : this.store.ids.next();
    const thread: ChannelRecord = {
      id,
      guildId: input.parent.guildId,
      recipientId: null,
      type: input.type,
      name: input.name,
      position: 0,
      parentId: input.parent.id,
      topic: null,
      rateLimitPerUser: input.rateLimitPerUser,
      nsfw: input.parent.nsfw,
      overwrites: [],
      lastMessageId: null,
      lastPostAtByUser: new Map(),
      thread: {
        ownerId: input.ownerId,
        archived: false,
        locked: false,
        invitable: input.invitable,
        autoArchiveDuration: input.autoArchiveDuration,
        archiveTimestamp: now,
        createdAt: now,
        lastActivityAt: now,
        memberJoinedAt: new Map([[input.ownerId, now]]),
        messageCount: 0,
        totalMessageSent: 0,
        starterMessageId: input.starterMessage?.id ?? null,
      },
    };
    this.store.channels.set(thread.id, thread);
    this.store.guilds.get(thread.guildId)?.channelIds.push(thread.id);
    this.dispatchThread('THREAD_CREATE', thread, true);
    this.#dispatchThreadMembers(thread, [input.ownerId], []);
    if (input.starterMessage) {
      input.starterMessage.threadId = thread.id;
      this.dispatchMessage('MESSAGE_UPDATE', input.starterMessage);
    } else if (input.type === 11) {
      this.createMessage({
        channel: input.parent,
        authorId: input.ownerId,
        body: { content: input.name },
        source: 'channel',
        type: 18,
      });
    }
    return thread;
  }

  #dispatchThreadMembers(thread: ChannelRecord, added: string[], removed: string[]): void {
    const state = thread.thread;
    if (!state) return;
    this.gateway.dispatch(
      'THREAD_MEMBERS_UPDATE',
      {
        id: thread.id,
        guild_id: thread.guildId,
        member_count: Math.min(state.memberJoinedAt.size, 50),
        added_members: added.map((userId) => {
          const member = this.store.member(thread.guildId, userId);
          return {
            id: thread.id,
            user_id: userId,
            join_timestamp: iso(state.memberJoinedAt.get(userId) ?? this.clock.now()),
            flags: 0,
            ...(member ? { member: this.store.toApiMember(member) } : {}),
          };
        }),
        removed_member_ids: removed,
      },
      { intent: gatewayIntents.guilds },
    );
  }

  /** Deletes a channel or thread (and the threads under a channel), dispatching CHANNEL_DELETE or THREAD_DELETE. */
  deleteChannel(channel: ChannelRecord): void {
    const store = this.store;
    for (const child of [...store.channels.values()]) {
      if (child.thread && child.parentId === channel.id) this.deleteChannel(child);
    }
    store.channels.delete(channel.id);
    const guild = store.guilds.get(channel.guildId);
    if (guild) guild.channelIds = guild.channelIds.filter((id) => id !== channel.id);
    if (channel.thread) {
      const starter = channel.thread.starterMessageId
        ? store.messages.get(channel.thread.starterMessageId)
        : undefined;
      if (starter) starter.threadId = null;
      this.dispatchThread('THREAD_DELETE', channel);
    } else {
      this.dispatchChannel('CHANNEL_DELETE', channel);
    }
  }

  joinThread(thread: ChannelRecord, userId: string): boolean {
    const state = thread.thread;
    if (!state || state.memberJoinedAt.has(userId)) return false;
    state.memberJoinedAt.set(userId, this.clock.now());
    this.#dispatchThreadMembers(thread, [userId], []);
    return true;
  }

  leaveThread(thread: ChannelRecord, userId: string): boolean {
    const state = thread.thread;
    if (!state?.memberJoinedAt.delete(userId)) return false;
    this.#dispatchThreadMembers(thread, [], [userId]);
    return true;
  }

  updateThreadState(
    thread: ChannelRecord,
    changes: { archived?: boolean; locked?: boolean; autoArchiveDuration?: number; invitable?: boolean },
  ): void {
    const state = thread.thread;
    if (!state) return;
    if (changes.archived !== undefined && changes.archived !== state.archived) {
      state.archived = changes.archived;
      state.archiveTimestamp = this.clock.now();
      if (!changes.archived) state.lastActivityAt = this.clock.now();
    }
    if (changes.locked !== undefined) state.locked = changes.locked;
    if (changes.autoArchiveDuration !== undefined) state.autoArchiveDuration = changes.autoArchiveDuration;
    if (changes.invitable !== undefined) state.invitable = changes.invitable;
    this.dispatchThread('THREAD_UPDATE', thread);
  }

  archiveInactiveThreads(now: number): void {
    for (const channel of this.store.channels.values()) {
      const state = channel.thread;
      if (!state || state.archived) continue;
      if (now - state.lastActivityAt >= state.autoArchiveDuration * 60_000) {
        this.updateThreadState(channel, { archived: true });
      }
    }
  }

  /** Why a member could not post `content` here, or `null` if they can. */
  refusalToPost(channel: ChannelRecord, userId: string, content: string): PostRefusal | null {
    const permissions = this.store.channelPermissions(channel, userId);
    const member = this.store.member(channel.guildId, userId);
    if (
      member?.timeoutUntil !== null &&
      member?.timeoutUntil !== undefined &&
      member.timeoutUntil > this.clock.now()
    ) {
      return 'timed-out';
    }
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) return 'cannot-view-channel';
    const sendBit = channel.thread
      ? PermissionFlagsBits.SendMessagesInThreads
      : PermissionFlagsBits.SendMessages;
    if (!hasPermission(permissions, sendBit)) return 'missing-send-permission';
    if (channel.thread?.locked && !hasPermission(permissions, PermissionFlagsBits.ManageThreads))
      return 'thread-locked';
    if (content.trim().length === 0) return 'empty-message';
    if (content.length > 2000) return 'too-long';
    const exempt =
      hasPermission(permissions, PermissionFlagsBits.ManageMessages) ||
      hasPermission(permissions, PermissionFlagsBits.ManageChannels) ||
      hasPermission(permissions, PermissionFlagsBits.BypassSlowmode);
    const lastPost = channel.lastPostAtByUser.get(userId);
    if (!exempt && channel.rateLimitPerUser > 0 && lastPost !== undefined) {
      if (this.clock.now() - lastPost < channel.rateLimitPerUser * 1000) return 'slowmode';
    }
    return null;
  }
}
