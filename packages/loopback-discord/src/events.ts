import type { LoopbackClock } from './clock.js';
import { type GatewaySession, gatewayIntents, type LoopbackGateway } from './gateway.js';
import { iso, type Json } from './json.js';
import type { ChannelRecord, MemberRecord, MessageRecord, RoleRecord } from './model.js';
import type { LoopbackStore } from './store.js';

/** What happened to a message, for observers such as the terminal sandbox. */
export type MessageChange = 'created' | 'updated' | 'deleted';

/**
 * The gateway dispatches of every state change, filtered by intent as Discord does, and the
 * message observers the harness offers (which also see ephemeral messages, never dispatched).
 */
export class LoopbackEvents {
  readonly messageObservers = new Set<(change: MessageChange, message: MessageRecord) => void>();

  constructor(
    readonly store: LoopbackStore,
    readonly gateway: LoopbackGateway,
    readonly clock: LoopbackClock,
  ) {}

  get botId(): string {
    return this.store.botUser.id;
  }

  protected observe(change: MessageChange, message: MessageRecord): void {
    for (const observer of [...this.messageObservers]) observer(change, message);
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

  #messageIntent(message: MessageRecord): number {
    return message.guildId === null ? gatewayIntents.directMessages : gatewayIntents.guildMessages;
  }

  dispatchMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: MessageRecord): void {
    this.observe(event === 'MESSAGE_CREATE' ? 'created' : 'updated', message);
    this.gateway.dispatch(event, (session: GatewaySession) => this.#messageFor(session, message), {
      intent: this.#messageIntent(message),
    });
  }

  dispatchMessageDelete(message: MessageRecord): void {
    this.gateway.dispatch(
      'MESSAGE_DELETE',
      {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId ? { guild_id: message.guildId } : {}),
      },
      { intent: this.#messageIntent(message) },
    );
  }

  dispatchPinsUpdate(channel: ChannelRecord, lastPin: number | null): void {
    this.gateway.dispatch(
      'CHANNEL_PINS_UPDATE',
      {
        guild_id: channel.guildId,
        channel_id: channel.id,
        last_pin_timestamp: lastPin === null ? null : iso(lastPin),
      },
      { intent: gatewayIntents.guilds },
    );
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

  dispatchThreadMembers(thread: ChannelRecord, added: string[], removed: string[]): void {
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
      { intent: gatewayIntents.guildMembers },
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
}
