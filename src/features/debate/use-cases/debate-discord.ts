import type { DiscordFailure } from '../../../platform/discord/failures.js';
import type { ThreadModeration } from '../core/types.js';
import type { EmbedContent } from '../messages/render.js';

/** A Discord request that failed, classified; `error` is the original, for the logs and to rethrow. */
export interface DiscordFailed {
  kind: 'failed';
  failure: DiscordFailure;
  error: unknown;
}

/** What a request to Discord gave, or why it failed. */
export type DiscordResult<T = undefined> = { kind: 'ok'; value: T } | DiscordFailed;

/** A message posted in a thread or channel. */
export interface DebatePost {
  content?: string;
  embeds?: EmbedContent[];
  /** Sent with a nonce Discord enforces, so a repeated send cannot post twice. */
  nonce?: string;
  /** Mentions in the text ping nobody. */
  mentionNobody?: boolean;
}

/** The debate's opening card: its embed under which the stance buttons sit. */
export interface OpeningCardPost {
  debateId: number;
  embed: EmbedContent;
}

export interface ThreadEdit {
  slowmodeSeconds?: number;
  locked?: boolean;
  archived?: boolean;
  /** For the server's audit log. */
  reason: string;
}

/** A message found in a channel, as the credits and reports read it. */
export interface FoundMessage {
  id: string;
  channelId: string;
  authorId: string;
  authorIsBot: boolean;
}

/** A debate thread as just fetched (or made); its requests go to that thread. */
export interface DebateThread {
  readonly id: string;
  /** Its slowmode and lock, as Discord last said. */
  readonly moderation: ThreadModeration;
  readonly archived: boolean;
  edit(edit: ThreadEdit): Promise<DiscordResult>;
  /** Posts and gives the message's id. */
  post(message: DebatePost): Promise<DiscordResult<string>>;
  /** Posts the opening card with working stance buttons and gives the message's id. */
  postCard(card: OpeningCardPost): Promise<DiscordResult<string>>;
  /** Shows the card anew; `closed` disables its stance buttons. */
  editCard(messageId: string, card: OpeningCardPost & { closed: boolean }): Promise<DiscordResult>;
  pin(messageId: string, reason: string): Promise<DiscordResult>;
  removeMember(userId: string): Promise<DiscordResult<'removed' | 'not-in-thread'>>;
}

/** The server text channel a debate thread is made in. */
export interface DebateParent {
  readonly id: string;
  /** A public thread that archives after a week. */
  createThread(thread: { name: string; reason: string }): Promise<DiscordResult<DebateThread>>;
}

export interface DebateGuild {
  readonly id: string;
  readonly name: string;
  timeOut(userId: string, until: number, reason: string): Promise<DiscordResult>;
}

export type ModLogPost = { kind: 'sent'; messageId: string } | { kind: 'not-text-channel' };

export type MessageLookup =
  | { kind: 'found'; message: FoundMessage }
  | { kind: 'channel-gone' }
  | { kind: 'message-gone' };

/** How the debate use cases reach Discord: the discord/ adapter implements it over the client. */
export interface DebateDiscord {
  /** The channel (cached, else fetched); `undefined` when it is not a server text channel. */
  openTextChannel(channelId: string): Promise<DiscordResult<DebateParent | undefined>>;
  /** The thread, fetched afresh; `undefined` when the channel is not a thread. */
  openThread(threadId: string): Promise<DiscordResult<DebateThread | undefined>>;
  /** Posts in a channel; `not-sendable` when the bot cannot post there. */
  postInChannel(channelId: string, message: DebatePost): Promise<DiscordResult<'posted' | 'not-sendable'>>;
  /** Posts a line to a server's mod-log channel, mentioning nobody. */
  postToModLog(guildId: string, channelId: string, content: string): Promise<DiscordResult<ModLogPost>>;
  /** A message of a thread; `undefined` when the thread or the message cannot be read. */
  findThreadMessage(threadId: string, messageId: string): Promise<FoundMessage | undefined>;
  /** A message of a text channel of the server, or what could not be read. */
  findMessage(guildId: string, channelId: string, messageId: string): Promise<MessageLookup>;
  openGuild(guildId: string): Promise<DiscordResult<DebateGuild>>;
  /** `closed` when the member cannot be messaged (DMs closed, or gone). */
  sendDirectMessage(userId: string, content: string): Promise<DiscordResult | { kind: 'closed' }>;
}
