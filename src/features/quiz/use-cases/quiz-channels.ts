import type { PostFailure } from '../messages/failure-reasons.js';
import type { QuizButtonRow, QuizEmbed, QuizMessage } from '../messages/parts.js';

/** A message the bot posted, as the quiz records it. */
export interface PostedMessage {
  id: string;
  createdAt: number;
}

/** What a request to the quiz channel gave, or why it failed (with the error, for the logs). */
export type ChannelResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'failed'; failure: PostFailure; error: unknown };

export interface QuizMessageEdit {
  embeds: QuizEmbed[];
  /** The buttons too, when they change; otherwise they stay as they are. */
  rows?: QuizButtonRow[];
}

/** The quiz channel of a server, as the round runner and the live answer count use it. */
export interface QuizChannel {
  readonly name: string;
  /** The permissions the bot lacks to post the question here, by the names Discord's settings show. */
  missingPostingPermissions(): string[];
  /** The bot's question or results message of the round among the channel's recent messages. */
  findRoundMessage(
    roundId: number,
    kind: 'question' | 'results',
  ): Promise<ChannelResult<PostedMessage | undefined>>;
  /** Posts with a nonce Discord enforces, so a repeated send cannot post twice. */
  send(message: QuizMessage, nonce: string): Promise<ChannelResult<PostedMessage>>;
  /** Edits a message; `deleted` when it no longer exists. */
  edit(
    messageId: string,
    edit: QuizMessageEdit,
  ): Promise<ChannelResult<void> | { kind: 'deleted'; error: unknown }>;
}

/** How the quiz reaches Discord: the discord/ adapter implements it over the client. */
export interface QuizChannels {
  /** The channel from the cache, else fetched. */
  open(channelId: string): Promise<ChannelResult<QuizChannel>>;
  /** The channel only if it is cached: live count edits never fetch. */
  cached(channelId: string): QuizChannel | undefined;
  /** Whether the bot is in the server. */
  hasGuild(guildId: string): boolean;
}
