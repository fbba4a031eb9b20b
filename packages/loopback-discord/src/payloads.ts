import type { APIMessage, GatewayGuildCreateDispatchData } from 'discord.js';
import { iso } from './json.js';
import type { GuildRecord, MessageRecord } from './model.js';
import type { LoopbackStore } from './store.js';

/** A message as the REST API and MESSAGE_* dispatches carry it (`withGuildFields` adds `guild_id` and `member`). */
export function apiMessage(
  store: LoopbackStore,
  message: MessageRecord,
  options: { withGuildFields?: boolean } = {},
): APIMessage {
  const author = store.users.get(message.authorId);
  if (!author) throw new Error(`message ${message.id} has no author`);
  const mentions = message.mentionUserIds.flatMap((id) => {
    const user = store.users.get(id);
    if (!user) return [];
    const member = message.guildId ? store.member(message.guildId, id) : undefined;
    return [
      {
        ...store.toApiUser(user),
        ...(options.withGuildFields && member ? { member: store.toApiPartialMember(member) } : {}),
      },
    ];
  });
  const authorMember = message.guildId ? store.member(message.guildId, message.authorId) : undefined;
  const referenced = message.reference ? store.messages.get(message.reference.messageId) : undefined;
  const thread = message.threadId ? store.channels.get(message.threadId) : undefined;
  const data: Record<string, unknown> = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: store.toApiUser(author),
    content: message.content,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : iso(message.editedAt),
    tts: message.tts,
    mention_everyone: message.mentionEveryone,
    mentions,
    mention_roles: [...message.mentionRoleIds],
    attachments: message.attachments,
    embeds: message.embeds,
    reactions: [],
    pinned: message.pinned,
    flags: message.flags,
    components: message.components,
  };
  if (message.nonce !== null) data.nonce = message.nonce;
  if (message.webhookId) data.webhook_id = message.webhookId;
  if (message.applicationId) data.application_id = message.applicationId;
  if (message.position !== null) data.position = message.position;
  if (message.reference) {
    data.message_reference = {
      type: 0,
      message_id: message.reference.messageId,
      channel_id: message.reference.channelId,
      ...(message.reference.guildId ? { guild_id: message.reference.guildId } : {}),
    };
    data.referenced_message = referenced && !referenced.deleted ? apiMessage(store, referenced) : null;
  }
  if (message.interaction) {
    const user = store.users.get(message.interaction.userId);
    const apiUser = user ? store.toApiUser(user) : undefined;
    data.interaction_metadata = {
      id: message.interaction.id,
      type: message.interaction.type,
      user: apiUser,
      authorizing_integration_owners: message.guildId
        ? { '0': message.guildId }
        : { '1': message.interaction.userId },
      ...(message.interaction.name ? { name: message.interaction.name } : {}),
      ...(message.interaction.commandType !== null ? { command_type: message.interaction.commandType } : {}),
    };
    if (message.interaction.name) {
      data.interaction = {
        id: message.interaction.id,
        type: message.interaction.type,
        name: message.interaction.name,
        user: apiUser,
      };
    }
  }
  if (thread) data.thread = store.toApiChannel(thread);
  if (options.withGuildFields && message.guildId) {
    data.guild_id = message.guildId;
    if (authorMember && !message.webhookId) data.member = store.toApiPartialMember(authorMember);
  }
  return data as unknown as APIMessage;
}

/** A GUILD_CREATE payload; only the bot's member unless `includeAllMembers` (Guild Members intent). */
export function apiGuildCreate(
  store: LoopbackStore,
  guild: GuildRecord,
  includeAllMembers: boolean,
): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => store.channels.get(id)).filter((c) => c !== undefined);
  const botMember = store.member(guild.id, store.botUser.id);
  const members = includeAllMembers
    ? guild.memberIds.flatMap((id) => {
        const member = store.member(guild.id, id);
        return member ? [store.toApiMember(member)] : [];
      })
    : botMember
      ? [store.toApiMember(botMember)]
      : [];
  const data = {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roleIds.flatMap((id) => {
      const role = store.roles.get(id);
      return role ? [store.toApiRole(role)] : [];
    }),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    joined_at: iso(botMember?.joinedAt ?? guild.createdAt),
    large: false,
    unavailable: false,
    member_count: guild.memberIds.length,
    voice_states: [],
    members,
    channels: channels.filter((channel) => !channel.thread).map((channel) => store.toApiChannel(channel)),
    threads: channels
      .filter((channel) => channel.thread && !channel.thread.archived)
      .map((channel) => store.toApiChannel(channel)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  return data as unknown as GatewayGuildCreateDispatchData;
}
