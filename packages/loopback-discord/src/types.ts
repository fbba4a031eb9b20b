import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import type { MessagePings } from './model.js';

export type { MessagePings };

/** A seeded guild. */
export interface GuildRef {
  readonly kind: 'guild';
  readonly id: string;
  readonly name: string;
  /** The @everyone role shares the guild's id. */
  readonly everyoneRoleId: string;
  /** The bot's managed role. */
  readonly botRoleId: string;
  /** The owner, who has every permission. */
  readonly owner: MemberRef;
}

/** A guild member (a user and their membership in one guild). */
export interface MemberRef {
  readonly kind: 'member';
  readonly id: string;
  readonly username: string;
  readonly guildId: string;
}

export interface ChannelRef {
  readonly kind: 'channel';
  readonly id: string;
  readonly name: string;
  readonly guildId: string;
  readonly type: number;
}

export interface RoleRef {
  readonly kind: 'role';
  readonly id: string;
  readonly name: string;
  readonly guildId: string;
}

/** A button of a message, flattened out of its action rows (or sections). */
export interface LoopbackButton {
  label: string | null;
  customId: string | null;
  url: string | null;
  style: number;
  disabled: boolean;
  emoji: string | null;
}

export interface LoopbackSelectOption {
  label: string;
  value: string;
  description: string | null;
  isDefault: boolean;
}

/** A select menu of a message. `options` is empty for user/role/channel selects. */
export interface LoopbackSelect {
  type: number;
  customId: string;
  placeholder: string | null;
  minValues: number;
  maxValues: number;
  disabled: boolean;
  options: LoopbackSelectOption[];
}

/** A file attached to a message; its bytes are read with `discord.attachmentData(attachment)`. */
export interface LoopbackAttachment {
  id: string;
  filename: string;
  /** Bytes. */
  size: number;
  /** As Discord derives it, e.g. `text/csv; charset=utf-8`; `null` when unknown. */
  contentType: string | null;
  description: string | null;
  url: string;
}

/**
 * A message as a member sees it: channel messages, interaction replies and follow-ups alike.
 * Returned objects are snapshots; use `discord.message(id)` for the current version.
 */
export interface LoopbackMessage {
  readonly kind: 'message';
  id: string;
  type: number;
  channelId: string;
  guildId: string | null;
  author: { id: string; username: string; bot: boolean };
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  buttons: LoopbackButton[];
  selects: LoopbackSelect[];
  attachments: LoopbackAttachment[];
  flags: number;
  /** Only the invoking user can see it (interaction response or follow-up with the Ephemeral flag). */
  ephemeral: boolean;
  /** A deferred response that has not been edited yet ("Bot is thinking..."). */
  loading: boolean;
  pinned: boolean;
  deleted: boolean;
  createdAt: number;
  editedAt: number | null;
  /** The thread started from this message, if any. */
  threadId: string | null;
  /** The message this one replies to. */
  referenceId: string | null;
  /** The interaction this message answers, for interaction responses and follow-ups. */
  interaction: { id: string; name: string | null; userId: string } | null;
  /** Who this message really notifies, after `allowed_mentions`. */
  pings: MessagePings;
}

/** A text input of a modal. */
export interface LoopbackModalField {
  customId: string;
  label: string | null;
  style: number;
  required: boolean;
  value: string | null;
  placeholder: string | null;
  minLength: number | null;
  maxLength: number | null;
}

/** A modal the bot opened in answer to an interaction. */
export interface LoopbackModal {
  readonly kind: 'modal';
  interactionId: string;
  customId: string;
  title: string;
  fields: LoopbackModalField[];
  /** The message the modal was opened from (component interactions), if any. */
  sourceMessageId: string | null;
  channelId: string;
}

export interface AutocompleteChoice {
  name: string;
  value: string | number;
}

/** One request the server received and what it answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The matched route pattern, e.g. `POST /channels/:channel/messages`, or `null` for unknown routes. */
  route: string | null;
  query: Record<string, string>;
  body: unknown;
  status: number;
  response: unknown;
  /** Server clock when received. */
  at: number;
  durationMs: number;
  /** Whether the answer came from fault injection or rate limit enforcement. */
  injected: boolean;
}
