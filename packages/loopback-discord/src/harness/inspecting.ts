import type { MessageChange } from '../events.js';
import { routeMatches, splitRoute } from '../faults.js';
import type { ChannelRecord, MessageRecord } from '../model.js';
import { type PermissionName, permissionNames } from '../permissions.js';
import type {
  ChannelRef,
  LoopbackAttachment,
  LoopbackMessage,
  LoopbackModal,
  MemberRef,
  RecordedRequest,
} from '../types.js';
import { toLoopbackMessage } from '../views.js';
import { channelRefOf, type HarnessState, refId } from './state.js';

export interface ThreadView {
  id: string;
  name: string;
  parentId: string | null;
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  rateLimitPerUser: number;
  memberIds: string[];
  starterMessageId: string | null;
}

export interface ChannelView {
  id: string;
  name: string;
  type: number;
  topic: string | null;
  rateLimitPerUser: number;
  parentId: string | null;
  thread: ThreadView | null;
}

export interface MemberView {
  id: string;
  username: string;
  nick: string | null;
  roleIds: string[];
  roleNames: string[];
  timeoutUntil: number | null;
  timedOut: boolean;
}

function threadView(channel: ChannelRecord): ThreadView | null {
  const state = channel.thread;
  if (!state) return null;
  return {
    id: channel.id,
    name: channel.name,
    parentId: channel.parentId,
    ownerId: state.ownerId,
    archived: state.archived,
    locked: state.locked,
    autoArchiveDuration: state.autoArchiveDuration,
    rateLimitPerUser: channel.rateLimitPerUser,
    memberIds: [...state.memberJoinedAt.keys()],
    starterMessageId: state.starterMessageId,
  };
}

/** Calls `check` every 10 ms (wall clock) until it finds something, or fails with `problem` after `timeoutMs`. */
async function poll<T>(check: () => T | undefined, timeoutMs: number, problem: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(problem);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Inspecting what the bot did: messages, channels, members, registered commands, requests; and waiting for it. */
export class Inspection {
  constructor(private readonly state: HarnessState) {}

  #view(record: MessageRecord): LoopbackMessage {
    return toLoopbackMessage(this.state.store, record);
  }

  onMessage(listener: (change: MessageChange, message: LoopbackMessage) => void): () => void {
    const observers = this.state.engine.messageObservers;
    const observer = (change: MessageChange, record: MessageRecord): void =>
      listener(change, this.#view(record));
    observers.add(observer);
    return () => observers.delete(observer);
  }

  visibleTo(message: LoopbackMessage | string): string | null {
    return this.state.store.messages.get(refId(message))?.visibleTo ?? null;
  }

  nameOf(id: string): { kind: 'user' | 'role' | 'channel'; name: string } | null {
    const store = this.state.store;
    const user = store.users.get(id);
    if (user) return { kind: 'user', name: user.globalName ?? user.username };
    const role = store.roles.get(id);
    if (role) return { kind: 'role', name: role.name };
    const channel = store.channels.get(id);
    if (channel) return { kind: 'channel', name: channel.name };
    return null;
  }

  directMessagesTo(member: MemberRef): LoopbackMessage[] {
    const channelId = this.state.store.directChannelByUser.get(member.id);
    return channelId ? this.messagesIn(channelId) : [];
  }

  messagesIn(channelRef: ChannelRef | string, options: { visibleTo?: MemberRef } = {}): LoopbackMessage[] {
    const store = this.state.store;
    const ids = store.channelMessageIds.get(refId(channelRef)) ?? [];
    return ids.flatMap((id) => {
      const message = store.messages.get(id);
      if (!message || message.deleted) return [];
      if (message.visibleTo !== null && message.visibleTo !== options.visibleTo?.id) return [];
      return [this.#view(message)];
    });
  }

  message(id: LoopbackMessage | string): LoopbackMessage | null {
    const record = this.state.store.messages.get(refId(id));
    return record ? this.#view(record) : null;
  }

  attachmentData(attachment: LoopbackAttachment | string): Buffer | null {
    return this.state.store.attachmentFiles.data(typeof attachment === 'string' ? attachment : attachment.id);
  }

  followUps(reply: LoopbackMessage | LoopbackModal): LoopbackMessage[] {
    const interactionId = reply.kind === 'modal' ? reply.interactionId : reply.interaction?.id;
    const record = interactionId ? this.state.hub.records.get(interactionId) : undefined;
    return (record?.followUpIds ?? []).flatMap((id) => {
      const message = this.state.store.messages.get(id);
      return message ? [this.#view(message)] : [];
    });
  }

  channel(ref: ChannelRef | string): ChannelView {
    const channel = this.state.channel(ref);
    return {
      id: channel.id,
      name: channel.name,
      type: channel.type,
      topic: channel.topic,
      rateLimitPerUser: channel.rateLimitPerUser,
      parentId: channel.parentId,
      thread: threadView(channel),
    };
  }

  threadsIn(channelRef: ChannelRef): ChannelRef[] {
    return [...this.state.store.channels.values()]
      .filter((channel) => channel.thread && channel.parentId === channelRef.id)
      .map(channelRefOf);
  }

  member(ref: MemberRef): MemberView {
    const { store, clock } = this.state;
    const member = this.state.member(ref);
    const user = store.users.get(ref.id);
    return {
      id: ref.id,
      username: user?.username ?? ref.username,
      nick: member.nick,
      roleIds: [...member.roleIds],
      roleNames: member.roleIds.map((id) => store.roles.get(id)?.name ?? id),
      timeoutUntil: member.timeoutUntil,
      timedOut: member.timeoutUntil !== null && member.timeoutUntil > clock.now(),
    };
  }

  botPermissionsIn(channelRef: ChannelRef): PermissionName[] {
    const store = this.state.store;
    return permissionNames(store.channelPermissions(this.state.channel(channelRef), store.botUser.id));
  }

  /** Global commands for `null`. */
  registeredCommands(guildId: string | null): Record<string, unknown>[] {
    const store = this.state.store;
    return [...store.commands.values()]
      .filter((command) => command.guildId === guildId)
      .map((command) => store.toApiCommand(command));
  }

  #isTo(route: string, request: RecordedRequest): boolean {
    const path = request.path.replace(/^\/api(\/v\d+)?/, '');
    return routeMatches(route, request.method, splitRoute(`${request.method} ${path}`).segments);
  }

  requestsTo(route: string): RecordedRequest[] {
    return this.state.requests.filter((request) => this.#isTo(route, request));
  }

  rateLimitCounts(): Record<string, number> {
    return Object.fromEntries(this.state.faults.rateLimitedByRoute);
  }

  waitForRequest(
    route: string,
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs: number,
  ): Promise<RecordedRequest> {
    const existing = this.requestsTo(route).find(predicate);
    if (existing) return Promise.resolve(existing);
    const listeners = this.state.requestListeners;
    return new Promise((resolve, reject) => {
      const listener = (request: RecordedRequest): void => {
        if (this.#isTo(route, request) && predicate(request)) {
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(request);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no request to ${route} within ${timeoutMs} ms`));
      }, timeoutMs);
      listeners.add(listener);
    });
  }

  waitForMessage(
    channelRef: ChannelRef,
    predicate: (message: LoopbackMessage) => boolean,
    timeoutMs: number,
  ): Promise<LoopbackMessage> {
    return poll(
      () => this.messagesIn(channelRef).find(predicate),
      timeoutMs,
      `no matching message in #${channelRef.name} within ${timeoutMs} ms`,
    );
  }

  async waitForBot(timeoutMs: number): Promise<void> {
    await poll(
      () => (this.state.gateway.connectedSessions.length > 0 ? true : undefined),
      timeoutMs,
      `no bot connected within ${timeoutMs} ms`,
    );
  }

  async waitForCommands(timeoutMs: number): Promise<void> {
    await poll(
      () => (this.state.store.commands.size > 0 ? true : undefined),
      timeoutMs,
      `the bot registered no commands within ${timeoutMs} ms`,
    );
  }
}
