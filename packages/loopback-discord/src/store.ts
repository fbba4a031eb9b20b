import type {
  APIChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APIThreadChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { AttachmentFiles } from './attachments.js';
import type { LoopbackClock } from './clock.js';
import { iso } from './json.js';
import type {
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from './model.js';
import { apiGuildCreate, apiMessage } from './payloads.js';
import { computeBasePermissions, computeChannelPermissions } from './permissions.js';
import { SnowflakeGenerator } from './snowflake.js';

const directMessagePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions;

export const threadChannelTypes: ReadonlySet<number> = new Set([10, 11, 12]);
export const textChannelTypes: ReadonlySet<number> = new Set([0, 1, 5, 10, 11, 12]);

/** All state of the loopback Discord: users, guilds, channels, messages and commands. */
export class LoopbackStore {
  readonly ids: SnowflakeGenerator;
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly members = new Map<string, MemberRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly channelMessageIds = new Map<string, string[]>();
  readonly commands = new Map<string, CommandRecord>();
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly directChannelByUser = new Map<string, string>();
  /** The bytes of uploaded attachments, by attachment id. */
  readonly attachmentFiles = new AttachmentFiles();
  readonly botUser: UserRecord;
  readonly applicationId: string;

  constructor(
    readonly clock: LoopbackClock,
    botName: string,
  ) {
    this.ids = new SnowflakeGenerator(() => clock.now());
    this.applicationId = this.ids.next();
    this.botUser = {
      id: this.applicationId,
      username: botName,
      globalName: null,
      bot: true,
      acceptsDirectMessages: false,
    };
    this.users.set(this.botUser.id, this.botUser);
  }

  memberKey(guildId: string, userId: string): string {
    return `${guildId}:${userId}`;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.members.get(this.memberKey(guildId, userId));
  }

  parentOf(channel: ChannelRecord): ChannelRecord | null {
    return channel.parentId ? (this.channels.get(channel.parentId) ?? null) : null;
  }

  basePermissions(guildId: string, userId: string): bigint {
    const guild = this.guilds.get(guildId);
    const member = this.member(guildId, userId);
    if (!guild || !member) return 0n;
    return computeBasePermissions({ guild, member, roles: this.roles, now: this.clock.now() });
  }

  channelPermissions(channel: ChannelRecord, userId: string): bigint {
    if (channel.type === 1)
      return channel.recipientId === userId || userId === this.botUser.id ? directMessagePermissions : 0n;
    const guild = this.guilds.get(channel.guildId);
    const member = this.member(channel.guildId, userId);
    if (!guild || !member) return 0n;
    return computeChannelPermissions(
      { guild, member, roles: this.roles, now: this.clock.now() },
      channel,
      this.parentOf(channel),
    );
  }

  visibleMessagesIn(channelId: string): MessageRecord[] {
    const ids = this.channelMessageIds.get(channelId) ?? [];
    const result: MessageRecord[] = [];
    for (const id of ids) {
      const message = this.messages.get(id);
      if (message && !message.deleted && message.visibleTo === null) result.push(message);
    }
    return result;
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    const ids = this.channelMessageIds.get(message.channelId) ?? [];
    ids.push(message.id);
    this.channelMessageIds.set(message.channelId, ids);
    if (message.visibleTo === null) {
      const channel = this.channels.get(message.channelId);
      if (channel) {
        channel.lastMessageId = message.id;
        if (channel.thread) {
          channel.thread.messageCount += 1;
          channel.thread.totalMessageSent += 1;
          channel.thread.lastActivityAt = message.createdAt;
          message.position = channel.thread.totalMessageSent - 1;
        }
      }
    }
  }

  toApiUser(user: UserRecord): APIUser {
    return {
      id: user.id,
      username: user.username,
      discriminator: '0',
      global_name: user.globalName,
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
      public_flags: 0 as UserFlags,
    };
  }

  toApiRole(role: RoleRecord): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: role.color,
      colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
      hoist: role.hoist,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: role.permissions.toString(),
      managed: role.managed,
      mentionable: role.mentionable,
      flags: 0 as RoleFlags,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  /** A member without its user, as embedded in messages and interactions. */
  toApiPartialMember(member: MemberRecord): Omit<APIGuildMember, 'user'> {
    return {
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...member.roleIds],
      joined_at: iso(member.joinedAt),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until:
        member.timeoutUntil !== null && member.timeoutUntil > this.clock.now()
          ? iso(member.timeoutUntil)
          : null,
    };
  }

  toApiMember(member: MemberRecord): APIGuildMember {
    const user = this.users.get(member.userId);
    if (!user) throw new Error(`member ${member.userId} has no user`);
    return { ...this.toApiPartialMember(member), user: this.toApiUser(user) };
  }

  toApiChannel(channel: ChannelRecord): APIChannel {
    if (channel.type === 1) {
      const recipient = channel.recipientId ? this.users.get(channel.recipientId) : undefined;
      return {
        id: channel.id,
        type: 1,
        last_message_id: channel.lastMessageId,
        flags: 0,
        recipients: recipient ? [this.toApiUser(recipient)] : [],
      } as unknown as APIChannel;
    }
    const common = {
      id: channel.id,
      guild_id: channel.guildId,
      name: channel.name,
      flags: 0,
      rate_limit_per_user: channel.rateLimitPerUser,
      last_message_id: channel.lastMessageId,
      nsfw: channel.nsfw,
    };
    if (channel.thread) {
      const thread = channel.thread;
      const bot = thread.memberJoinedAt.get(this.botUser.id);
      const data = {
        ...common,
        type: channel.type,
        parent_id: channel.parentId,
        owner_id: thread.ownerId,
        message_count: thread.messageCount,
        member_count: Math.min(thread.memberJoinedAt.size, 50),
        total_message_sent: thread.totalMessageSent,
        thread_metadata: {
          archived: thread.archived,
          auto_archive_duration: thread.autoArchiveDuration,
          archive_timestamp: iso(thread.archiveTimestamp),
          locked: thread.locked,
          create_timestamp: iso(thread.createdAt),
          ...(channel.type === 12 ? { invitable: thread.invitable } : {}),
        },
        ...(bot !== undefined
          ? { member: { id: channel.id, user_id: this.botUser.id, join_timestamp: iso(bot), flags: 0 } }
          : {}),
      };
      return data as unknown as APIThreadChannel;
    }
    return {
      ...common,
      type: channel.type,
      position: channel.position,
      parent_id: channel.parentId,
      topic: channel.topic,
      permission_overwrites: channel.overwrites.map((overwrite) => ({
        id: overwrite.id,
        type: overwrite.type,
        allow: overwrite.allow.toString(),
        deny: overwrite.deny.toString(),
      })),
    } as unknown as APIChannel;
  }

  toApiMessage(message: MessageRecord, options: { withGuildFields?: boolean } = {}): APIMessage {
    return apiMessage(this, message, options);
  }

  toApiGuildCreate(guild: GuildRecord, includeAllMembers: boolean): GatewayGuildCreateDispatchData {
    return apiGuildCreate(this, guild, includeAllMembers);
  }

  toApiCommand(command: CommandRecord): Record<string, unknown> {
    return {
      id: command.id,
      application_id: command.applicationId,
      version: command.version,
      default_member_permissions: command.defaultMemberPermissions,
      type: command.type,
      name: command.name,
      name_localizations: command.nameLocalizations,
      description: command.description,
      description_localizations: command.descriptionLocalizations,
      ...(command.guildId ? { guild_id: command.guildId } : {}),
      ...(command.options.length > 0 ? { options: command.options } : {}),
      dm_permission: true,
      nsfw: command.nsfw,
      integration_types: command.integrationTypes,
      contexts: command.contexts,
    };
  }
}
