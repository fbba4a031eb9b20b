import type { APIAttachment, APIEmbed } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { attachmentsAfterEdit } from './attachments.js';
import type { MessageChange } from './events.js';
import { isObject, type Json } from './json.js';
import { type MentionSource, resolveMentions } from './mentions.js';
import type { ChannelRecord, MessageComponents, MessageInteractionOrigin, MessageRecord } from './model.js';
import { hasPermission } from './permissions.js';
import { ThreadOperations } from './threads.js';
import { loadingFlag } from './views.js';

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

export type { MessageChange };

/**
 * Domain operations shared by REST handlers and the test harness, with their gateway dispatches:
 * messages here, threads in {@link ThreadOperations}, dispatches in {@link LoopbackEvents}.
 */
export class LoopbackEngine extends ThreadOperations {
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

  override createMessage(input: CreateMessageInput): MessageRecord {
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
    else this.observe('created', message);
    return message;
  }

  /**
   * Applies an edit body to a message, with the attachments of files uploaded with it. Mentions are
   * recomputed, but an edit notifies no one, so `pings` stays as created.
   */
  editMessage(
    message: MessageRecord,
    body: Json,
    source: MentionSource,
    uploaded: readonly APIAttachment[] = [],
  ): void {
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
    message.attachments = attachmentsAfterEdit(message.attachments, body, uploaded) ?? message.attachments;
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
    else this.observe('updated', message);
  }

  deleteMessage(message: MessageRecord): void {
    message.deleted = true;
    this.observe('deleted', message);
    const channel = this.store.channels.get(message.channelId);
    if (channel?.thread && message.visibleTo === null)
      channel.thread.messageCount = Math.max(0, channel.thread.messageCount - 1);
    if (message.visibleTo === null) this.dispatchMessageDelete(message);
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
    this.dispatchPinsUpdate(channel, lastPin);
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
