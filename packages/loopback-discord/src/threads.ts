import type { LoopbackClock } from './clock.js';
import type { CreateMessageInput } from './engine.js';
import { LoopbackEvents } from './events.js';
import type { LoopbackGateway } from './gateway.js';
import type { ChannelRecord, MessageRecord } from './model.js';
import type { LoopbackStore } from './store.js';

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

export interface ThreadStateChanges {
  archived?: boolean;
  locked?: boolean;
  autoArchiveDuration?: number;
  invitable?: boolean;
}

/** Threads: creation, membership, archiving (also on the clock's advance) and channel deletion. */
export abstract class ThreadOperations extends LoopbackEvents {
  constructor(store: LoopbackStore, gateway: LoopbackGateway, clock: LoopbackClock) {
    super(store, gateway, clock);
    clock.onAdvance((now) => this.archiveInactiveThreads(now));
  }

  /** A public thread started without a message posts a "thread created" system message in its parent. */
  abstract createMessage(input: CreateMessageInput): MessageRecord;

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
    this.dispatchThreadMembers(thread, [input.ownerId], []);
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
    this.dispatchThreadMembers(thread, [userId], []);
    return true;
  }

  leaveThread(thread: ChannelRecord, userId: string): boolean {
    const state = thread.thread;
    if (!state?.memberJoinedAt.delete(userId)) return false;
    this.dispatchThreadMembers(thread, [], [userId]);
    return true;
  }

  updateThreadState(thread: ChannelRecord, changes: ThreadStateChanges): void {
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
}
