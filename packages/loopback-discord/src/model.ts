import type {
  APIActionRowComponent,
  APIApplicationCommandOption,
  APIAttachment,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord.js';

export type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed };

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** Whether the user lets the bot message them directly (Discord answers 50007 otherwise). */
  acceptsDirectMessages: boolean;
}

export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  managed: boolean;
  botId: string | null;
}

export interface MemberRecord {
  userId: string;
  guildId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: number;
  timeoutUntil: number | null;
}

/** A channel permission overwrite; `type` 0 targets a role, 1 a member. */
export interface OverwriteRecord {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface ThreadState {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  invitable: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: number;
  createdAt: number;
  lastActivityAt: number;
  memberJoinedAt: Map<string, number>;
  messageCount: number;
  totalMessageSent: number;
  starterMessageId: string | null;
}

export interface ChannelRecord {
  id: string;
  /** Empty for direct message channels. */
  guildId: string;
  /** The other user of a direct message channel (type 1). */
  recipientId: string | null;
  type: number;
  name: string;
  position: number;
  parentId: string | null;
  topic: string | null;
  rateLimitPerUser: number;
  nsfw: boolean;
  overwrites: OverwriteRecord[];
  lastMessageId: string | null;
  thread: ThreadState | null;
  lastPostAtByUser: Map<string, number>;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  createdAt: number;
  roleIds: string[];
  channelIds: string[];
  memberIds: string[];
}

/**
 * Who a message really notified when it was created, after `allowed_mentions`, permissions and the
 * Suppress Notifications flag; edits (including the edit of a deferred reply) notify no one.
 */
export interface MessagePings {
  users: string[];
  roles: string[];
  everyone: boolean;
}

export interface MessageInteractionOrigin {
  id: string;
  type: number;
  name: string | null;
  userId: string;
  commandType: number | null;
}

export type MessageComponents = APIMessageTopLevelComponent[];

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: number;
  content: string;
  embeds: APIEmbed[];
  components: MessageComponents;
  attachments: APIAttachment[];
  flags: number;
  tts: boolean;
  pinned: boolean;
  pinnedAt: number | null;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  nonce: string | number | null;
  mentionUserIds: string[];
  mentionRoleIds: string[];
  mentionEveryone: boolean;
  pings: MessagePings;
  reference: { messageId: string; channelId: string; guildId: string | null } | null;
  webhookId: string | null;
  applicationId: string | null;
  interaction: MessageInteractionOrigin | null;
  /** The user who alone can see this message, for ephemeral interaction responses. */
  visibleTo: string | null;
  threadId: string | null;
  position: number | null;
}

export interface CommandRecord {
  id: string;
  applicationId: string;
  guildId: string | null;
  version: string;
  type: number;
  name: string;
  description: string;
  options: APIApplicationCommandOption[];
  defaultMemberPermissions: string | null;
  nsfw: boolean;
  contexts: number[] | null;
  integrationTypes: number[];
  nameLocalizations: Record<string, string> | null;
  descriptionLocalizations: Record<string, string> | null;
}
