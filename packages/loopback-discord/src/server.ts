import { PermissionFlagsBits } from 'discord.js';
import { LoopbackClock } from './clock.js';
import { LoopbackUsageError, type SlashOptionValue } from './commands.js';
import { LoopbackEngine, type MessageChange, type PostRefusal } from './engine.js';
import {
  FaultPlan,
  type FaultRule,
  type RandomFaults,
  type RateLimitEnforcement,
  routeMatches,
  splitRoute,
} from './faults.js';
import {
  type GatewayEvent,
  type GatewaySession,
  gatewayIntents,
  LoopbackGateway,
  type PrivilegedIntents,
} from './gateway.js';
import { LoopbackHttpServer } from './http.js';
import {
  InteractionHub,
  type InteractionOutcome,
  type InteractionRecord,
  interactionTypes,
  type OutcomeTimeouts,
} from './interactions.js';
import type {
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  OverwriteRecord,
  RoleRecord,
} from './model.js';
import { GatewayOutage } from './outage.js';
import {
  defaultEveryonePermissions,
  hasPermission,
  type PermissionName,
  permissionBits,
  permissionNames,
} from './permissions.js';
import { RestRoutes } from './rest.js';
import { LoopbackStore } from './store.js';
import type {
  AutocompleteChoice,
  ChannelRef,
  GuildRef,
  LoopbackMessage,
  LoopbackModal,
  MemberRef,
  RecordedRequest,
  RoleRef,
} from './types.js';
import { toLoopbackMessage } from './views.js';

export type { MessageChange, PermissionName, PostRefusal, SlashOptionValue };
export { LoopbackUsageError };

/** Options for {@link startLoopbackDiscord}. */
export interface LoopbackOptions {
  /** The bot token clients must present (default `loopback-token`). */
  token?: string;
  /** The bot user's name (default `Roundtable`). */
  botName?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** HELLO's heartbeat interval (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
  /** Privileged intents enabled for the application (default: all). Asking for a disabled one closes with 4014. */
  privilegedIntents?: Partial<PrivilegedIntents>;
  /** How long harness actions wait for the bot (wall clock). */
  timeouts?: Partial<OutcomeTimeouts>;
  /** Enforce per-route buckets and the global limit (default: off). */
  rateLimits?: RateLimitEnforcement;
  /** Keep at most this many recorded requests (default 10 000; oldest dropped). */
  recordLimit?: number;
}

export interface SeedGuildOptions {
  name: string;
  /** Permissions of the bot's managed role (default: what Roundtable needs; see README). */
  botPermissions?: PermissionName[];
  /** Permissions of @everyone (default: Discord's defaults for a new guild). */
  everyonePermissions?: PermissionName[];
  /** The owner's username (default `owner`). */
  ownerName?: string;
}

export interface AddMemberOptions {
  username: string;
  globalName?: string;
  /** Gives the member a personal role with these permissions. */
  permissions?: PermissionName[];
  roles?: RoleRef[];
  /** Gives the member a role with Administrator. */
  admin?: boolean;
  nick?: string;
  /** Whether the bot may message the member directly (default true; otherwise Discord answers 50007). */
  acceptsDirectMessages?: boolean;
}

export interface AddRoleOptions {
  name: string;
  permissions?: PermissionName[];
  mentionable?: boolean;
  color?: number;
  /** Where to place the role: right above @everyone (default) or above the bot's role. */
  placement?: 'bottom' | 'above-bot';
}

/** Who a channel permission overwrite targets. */
export type OverwriteTarget = 'bot' | 'everyone' | MemberRef | RoleRef;

export interface OverwriteSpec {
  target: OverwriteTarget;
  allow?: PermissionName[];
  deny?: PermissionName[];
}

export interface AddChannelOptions {
  name: string;
  type?: 'text' | 'announcement' | 'forum' | 'category' | 'voice';
  parent?: ChannelRef;
  topic?: string;
  rateLimitPerUser?: number;
  /** Shortcut overwrites for the bot and @everyone, e.g. `{ bot: ['SendMessages'] }`. */
  allow?: { bot?: PermissionName[]; everyone?: PermissionName[] };
  deny?: { bot?: PermissionName[]; everyone?: PermissionName[] };
  overwrites?: OverwriteSpec[];
}

/** Who performs a harness action. */
export interface ActorContext {
  as: MemberRef;
}

/** What a harness action waits for: a message (default) or a modal. */
export interface ExpectMessage {
  expect?: 'message';
}
export interface ExpectModal {
  expect: 'modal';
}
/** Accept either a message or a modal (the terminal sandbox does not know in advance). */
export interface ExpectAny {
  expect: 'any';
}

export interface SlashContext extends ActorContext {
  channel: ChannelRef;
}

export type PostOutcome = { ok: true; message: LoopbackMessage } | { ok: false; refusal: PostRefusal };

/** Thrown by {@link LoopbackDiscord.postMessage} when Discord would not let the member post. */
export class LoopbackRefusalError extends Error {
  override readonly name = 'LoopbackRefusalError';
  constructor(readonly refusal: PostRefusal) {
    super(`Discord refuses the message: ${refusal}`);
  }
}

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

const defaultBotPermissions: PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'AddReactions',
  'UseExternalEmojis',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'ManageThreads',
  'ManageMessages',
  'PinMessages',
  'ManageRoles',
  'ModerateMembers',
  'UseApplicationCommands',
];

const channelTypeNumbers = { text: 0, voice: 2, category: 4, announcement: 5, forum: 15 } as const;

function refId(ref: { id: string } | string): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/**
 * A Discord-compatible server on 127.0.0.1 for end-to-end tests, benchmarks and the sandbox:
 * discord.js connects to it with `new Client({ rest: { api: discord.apiUrl } })` and logs in with `discord.token`.
 * Seed guilds, act as members (`slash`, `click`, `postMessage`...), inspect what the bot did, inject faults.
 */
export class LoopbackDiscord {
  readonly token: string;
  readonly clock: LoopbackClock;
  /** Every REST request received, in order, with the answer given. */
  readonly requests: RecordedRequest[] = [];
  /** Gateway connection events: identifies, resumes, closes. */
  readonly gatewayEvents: GatewayEvent[] = [];
  readonly #store: LoopbackStore;
  readonly #engine: LoopbackEngine;
  readonly #gateway: LoopbackGateway;
  readonly #hub: InteractionHub;
  readonly #faults = new FaultPlan();
  readonly #http: LoopbackHttpServer;
  readonly #timeouts: OutcomeTimeouts;
  readonly #recordLimit: number;
  readonly #requestListeners = new Set<(request: RecordedRequest) => void>();

  /** Use {@link startLoopbackDiscord}. */
  constructor(options: LoopbackOptions = {}) {
    this.token = options.token ?? 'loopback-token';
    this.clock = new LoopbackClock();
    this.#store = new LoopbackStore(this.clock, options.botName ?? 'Roundtable');
    this.#timeouts = { acknowledgeMs: 3_500, replyMs: 5_000, settleMs: 300, ...options.timeouts };
    this.#recordLimit = options.recordLimit ?? 10_000;
    const store = this.#store;
    this.#gateway = new LoopbackGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: {
        guildMembers: true,
        guildPresences: true,
        messageContent: true,
        ...options.privilegedIntents,
      },
      hooks: {
        ready: () => ({
          user: { ...store.toApiUser(store.botUser), verified: true, mfa_enabled: false, flags: 0 },
          application: { id: store.applicationId, flags: (1 << 15) | (1 << 19) },
          guildIds: [...store.guilds.values()]
            .filter((guild) => store.member(guild.id, store.botUser.id))
            .map((guild) => guild.id),
        }),
        guildCreate: (guildId, session) => {
          const guild = store.guilds.get(guildId);
          return guild
            ? store.toApiGuildCreate(guild, (session.intents & gatewayIntents.guildMembers) !== 0)
            : { id: guildId, unavailable: true };
        },
        memberChunk: ({ guildId, userIds, query, limit }) => {
          const guild = store.guilds.get(guildId);
          const ids = userIds ?? guild?.memberIds ?? [];
          const members = ids.flatMap((id) => {
            const member = store.member(guildId, id);
            const user = store.users.get(id);
            if (!member || !user) return [];
            if (query && !user.username.toLowerCase().startsWith(query.toLowerCase())) return [];
            return [store.toApiMember(member)];
          });
          return limit > 0 ? members.slice(0, limit) : members;
        },
        onEvent: (event) => this.gatewayEvents.push(event),
      },
    });
    this.#engine = new LoopbackEngine(store, this.#gateway, this.clock);
    this.#hub = new InteractionHub(store, this.#engine, this.clock);
    const routes = new RestRoutes(this.#engine, this.#hub, {
      gatewayUrl: () => this.gatewayUrl,
      cdnUrl: () => `http://127.0.0.1:${this.#http.port}/cdn`,
    });
    if (options.rateLimits) this.#faults.enforceRateLimits(options.rateLimits);
    this.#http = new LoopbackHttpServer({
      token: this.token,
      clock: this.clock,
      routes,
      faults: this.#faults,
      gateway: this.#gateway,
      record: (request) => {
        this.requests.push(request);
        if (this.requests.length > this.#recordLimit) this.requests.shift();
        for (const listener of [...this.#requestListeners]) listener(request);
      },
    });
  }

  /** @internal */
  async listen(port: number): Promise<void> {
    await this.#http.listen(port);
    this.#gateway.setUrl(this.gatewayUrl);
  }

  /** Base URL for discord.js's `rest.api` option (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#http.port}/api`;
  }

  /** The gateway URL announced by `GET /gateway/bot`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#http.port}/gateway`;
  }

  get applicationId(): string {
    return this.#store.applicationId;
  }

  get botUser(): { id: string; username: string } {
    return { id: this.#store.botUser.id, username: this.#store.botUser.username };
  }

  /** Number of gateway sessions with an open connection. */
  get connectedSessions(): number {
    return this.#gateway.connectedSessions.length;
  }

  // ---------------------------------------------------------------- seeding

  #guild(ref: GuildRef | string): GuildRecord {
    const guild = this.#store.guilds.get(refId(ref));
    if (!guild) throw new LoopbackUsageError(`no guild ${refId(ref)}`);
    return guild;
  }

  #channelRecord(ref: ChannelRef | string): ChannelRecord {
    const channel = this.#store.channels.get(refId(ref));
    if (!channel) throw new LoopbackUsageError(`no channel ${refId(ref)}`);
    return channel;
  }

  #memberRecord(ref: MemberRef): MemberRecord {
    const member = this.#store.member(ref.guildId, ref.id);
    if (!member) throw new LoopbackUsageError(`${ref.username} is not a member of guild ${ref.guildId}`);
    return member;
  }

  #memberRef(guildId: string, userId: string): MemberRef {
    const user = this.#store.users.get(userId);
    return { kind: 'member', id: userId, username: user?.username ?? userId, guildId };
  }

  #createRole(
    guild: GuildRecord,
    options: {
      name: string;
      permissions: bigint;
      mentionable?: boolean;
      color?: number;
      managed?: boolean;
      botId?: string | null;
      placement?: 'bottom' | 'above-bot' | 'top';
    },
  ): RoleRecord {
    const store = this.#store;
    const roles = guild.roleIds
      .map((id) => store.roles.get(id))
      .filter((role): role is RoleRecord => role !== undefined);
    let position: number;
    if (options.placement === 'top') position = roles.length;
    else if (options.placement === 'above-bot') {
      const botRole = roles.find((role) => role.botId === store.botUser.id);
      position = (botRole?.position ?? 0) + 1;
    } else position = 1;
    const shifted: RoleRecord[] = [];
    for (const role of roles) {
      if (role.id !== guild.id && role.position >= position) {
        role.position += 1;
        shifted.push(role);
      }
    }
    const role: RoleRecord = {
      id: store.ids.next(),
      guildId: guild.id,
      name: options.name,
      permissions: options.permissions,
      position,
      color: options.color ?? 0,
      hoist: false,
      mentionable: options.mentionable ?? false,
      managed: options.managed ?? false,
      botId: options.botId ?? null,
    };
    store.roles.set(role.id, role);
    guild.roleIds.push(role.id);
    this.#engine.dispatchRole('GUILD_ROLE_CREATE', role);
    for (const moved of shifted) this.#engine.dispatchRole('GUILD_ROLE_UPDATE', moved);
    return role;
  }

  #createMember(guild: GuildRecord, userId: string, roleIds: string[], nick: string | null): MemberRecord {
    const member: MemberRecord = {
      userId,
      guildId: guild.id,
      roleIds,
      nick,
      joinedAt: this.clock.now(),
      timeoutUntil: null,
    };
    this.#store.members.set(this.#store.memberKey(guild.id, userId), member);
    guild.memberIds.push(userId);
    return member;
  }

  /** Creates a guild with @everyone, the bot (as a member with its managed role) and an owner; the bot joins it. */
  seedGuild(options: SeedGuildOptions): GuildRef {
    const store = this.#store;
    const id = store.ids.next();
    const owner = {
      id: store.ids.next(),
      username: options.ownerName ?? 'owner',
      globalName: null,
      bot: false,
      acceptsDirectMessages: true,
    };
    store.users.set(owner.id, owner);
    const guild: GuildRecord = {
      id,
      name: options.name,
      ownerId: owner.id,
      createdAt: this.clock.now(),
      roleIds: [],
      channelIds: [],
      memberIds: [],
    };
    store.guilds.set(id, guild);
    const everyone: RoleRecord = {
      id,
      guildId: id,
      name: '@everyone',
      permissions: options.everyonePermissions
        ? permissionBits(options.everyonePermissions)
        : defaultEveryonePermissions,
      position: 0,
      color: 0,
      hoist: false,
      mentionable: false,
      managed: false,
      botId: null,
    };
    store.roles.set(id, everyone);
    guild.roleIds.push(id);
    const botRole = this.#createRole(guild, {
      name: store.botUser.username,
      permissions: permissionBits(options.botPermissions ?? defaultBotPermissions),
      managed: true,
      botId: store.botUser.id,
    });
    this.#createMember(guild, owner.id, [], null);
    this.#createMember(guild, store.botUser.id, [botRole.id], null);
    this.#gateway.dispatch('GUILD_CREATE', (session: GatewaySession) =>
      store.toApiGuildCreate(guild, (session.intents & gatewayIntents.guildMembers) !== 0),
    );
    return {
      kind: 'guild',
      id,
      name: guild.name,
      everyoneRoleId: id,
      botRoleId: botRole.id,
      owner: { kind: 'member', id: owner.id, username: owner.username, guildId: id },
    };
  }

  /** Adds a role (placed right above @everyone unless `placement: 'above-bot'`). */
  addRole(guildRef: GuildRef, options: AddRoleOptions): RoleRef {
    const guild = this.#guild(guildRef);
    const role = this.#createRole(guild, {
      name: options.name,
      permissions: permissionBits(options.permissions),
      ...(options.mentionable !== undefined ? { mentionable: options.mentionable } : {}),
      ...(options.color !== undefined ? { color: options.color } : {}),
      placement: options.placement ?? 'bottom',
    });
    return { kind: 'role', id: role.id, name: role.name, guildId: guild.id };
  }

  /** Adds a user to the guild; `permissions` and `admin` give them a personal role. */
  addMember(guildRef: GuildRef, options: AddMemberOptions): MemberRef {
    const store = this.#store;
    const guild = this.#guild(guildRef);
    const user = {
      id: store.ids.next(),
      username: options.username,
      globalName: options.globalName ?? null,
      bot: false,
      acceptsDirectMessages: options.acceptsDirectMessages ?? true,
    };
    store.users.set(user.id, user);
    const roleIds = (options.roles ?? []).map((role) => role.id);
    if (options.permissions || options.admin) {
      const bits =
        permissionBits(options.permissions) | (options.admin ? PermissionFlagsBits.Administrator : 0n);
      roleIds.push(
        this.#createRole(guild, {
          name: options.admin ? `${options.username} (admin)` : options.username,
          permissions: bits,
        }).id,
      );
    }
    const member = this.#createMember(guild, user.id, roleIds, options.nick ?? null);
    this.#engine.dispatchMemberAdd(member);
    return { kind: 'member', id: user.id, username: user.username, guildId: guild.id };
  }

  #overwriteId(guild: GuildRecord, target: OverwriteTarget): { id: string; type: 0 | 1 } {
    if (target === 'bot') return { id: this.#store.botUser.id, type: 1 };
    if (target === 'everyone') return { id: guild.id, type: 0 };
    return { id: target.id, type: target.kind === 'member' ? 1 : 0 };
  }

  /** Adds a channel, optionally with permission overwrites. */
  addChannel(guildRef: GuildRef, options: AddChannelOptions): ChannelRef {
    const store = this.#store;
    const guild = this.#guild(guildRef);
    const specs: OverwriteSpec[] = [...(options.overwrites ?? [])];
    for (const target of ['bot', 'everyone'] as const) {
      const allow = options.allow?.[target];
      const deny = options.deny?.[target];
      if (allow || deny) specs.push({ target, ...(allow ? { allow } : {}), ...(deny ? { deny } : {}) });
    }
    const channel: ChannelRecord = {
      id: store.ids.next(),
      guildId: guild.id,
      type: channelTypeNumbers[options.type ?? 'text'],
      name: options.name,
      recipientId: null,
      position: guild.channelIds.length,
      parentId: options.parent?.id ?? null,
      topic: options.topic ?? null,
      rateLimitPerUser: options.rateLimitPerUser ?? 0,
      nsfw: false,
      overwrites: specs.map((spec) => ({
        ...this.#overwriteId(guild, spec.target),
        allow: permissionBits(spec.allow),
        deny: permissionBits(spec.deny),
      })),
      lastMessageId: null,
      thread: null,
      lastPostAtByUser: new Map(),
    };
    store.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    this.#engine.dispatchChannel('CHANNEL_CREATE', channel);
    return { kind: 'channel', id: channel.id, name: channel.name, guildId: guild.id, type: channel.type };
  }

  /** Replaces one permission overwrite of a channel (as an admin would); dispatches CHANNEL_UPDATE. */
  setChannelPermissions(
    channelRef: ChannelRef,
    target: OverwriteTarget,
    permissions: { allow?: PermissionName[]; deny?: PermissionName[] },
  ): void {
    const channel = this.#channelRecord(channelRef);
    const guild = this.#guild(channel.guildId);
    const { id, type } = this.#overwriteId(guild, target);
    const overwrite: OverwriteRecord = {
      id,
      type,
      allow: permissionBits(permissions.allow),
      deny: permissionBits(permissions.deny),
    };
    channel.overwrites = [...channel.overwrites.filter((entry) => entry.id !== id), overwrite];
    this.#engine.dispatchChannel('CHANNEL_UPDATE', channel);
  }

  /** Sets the permissions of the bot's managed role in a guild; dispatches GUILD_ROLE_UPDATE. */
  setBotPermissions(guildRef: GuildRef, permissions: PermissionName[]): void {
    const role = this.#store.roles.get(guildRef.botRoleId);
    if (!role) throw new LoopbackUsageError('the guild has no bot role');
    role.permissions = permissionBits(permissions);
    this.#engine.dispatchRole('GUILD_ROLE_UPDATE', role);
  }

  /** Gives a member a role, as a server admin would; dispatches GUILD_MEMBER_UPDATE. */
  assignRole(memberRef: MemberRef, role: RoleRef): void {
    const member = this.#memberRecord(memberRef);
    if (!member.roleIds.includes(role.id)) member.roleIds.push(role.id);
    this.#engine.dispatchMemberUpdate(member);
  }

  /** Takes a role from a member, as a server admin would; dispatches GUILD_MEMBER_UPDATE. */
  removeRole(memberRef: MemberRef, role: RoleRef): void {
    const member = this.#memberRecord(memberRef);
    member.roleIds = member.roleIds.filter((id) => id !== role.id);
    this.#engine.dispatchMemberUpdate(member);
  }

  /** Times a member out until `until` (server clock ms), or lifts the timeout with `null`, as a moderator would. */
  timeoutMember(memberRef: MemberRef, until: number | null): void {
    const member = this.#memberRecord(memberRef);
    member.timeoutUntil = until;
    this.#engine.dispatchMemberUpdate(member);
  }

  /** Channels of a guild by name (threads included). */
  channelNamed(guildRef: GuildRef, name: string): ChannelRef | null {
    const guild = this.#guild(guildRef);
    const channel = guild.channelIds
      .map((id) => this.#store.channels.get(id))
      .find((entry) => entry?.name === name.replace(/^#/, ''));
    return channel
      ? { kind: 'channel', id: channel.id, name: channel.name, guildId: channel.guildId, type: channel.type }
      : null;
  }

  memberNamed(guildRef: GuildRef, username: string): MemberRef | null {
    const guild = this.#guild(guildRef);
    const id = guild.memberIds.find(
      (memberId) => this.#store.users.get(memberId)?.username === username.replace(/^@/, ''),
    );
    return id ? this.#memberRef(guild.id, id) : null;
  }

  // ---------------------------------------------------------------- member actions

  async #outcome(
    record: InteractionRecord,
    expect: 'message' | 'modal' | 'choices',
  ): Promise<InteractionOutcome> {
    const outcome = await this.#hub.awaitOutcome(record, this.#timeouts);
    if (outcome.kind !== expect) {
      const what =
        outcome.kind === 'modal'
          ? `a modal "${outcome.modal.title}"`
          : outcome.kind === 'message'
            ? 'a message'
            : 'autocomplete choices';
      throw new Error(
        `${record.label}: the bot answered with ${what}${expect === 'modal' ? '' : "; pass { expect: 'modal' } to receive modals"}`,
      );
    }
    return outcome;
  }

  async #finish(
    record: InteractionRecord,
    expect: 'message' | 'modal' | 'any' | undefined,
  ): Promise<LoopbackMessage | LoopbackModal> {
    const outcome =
      expect === 'any'
        ? await this.#hub.awaitOutcome(record, this.#timeouts)
        : await this.#outcome(record, expect ?? 'message');
    if (outcome.kind === 'message') return outcome.message;
    if (outcome.kind === 'modal') return outcome.modal;
    throw new Error(`${record.label}: unexpected autocomplete answer`);
  }

  #checkCommandAccess(
    channel: ChannelRecord,
    userId: string,
    defaultMemberPermissions: string | null,
    label: string,
  ): void {
    const permissions = this.#store.channelPermissions(channel, userId);
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel))
      throw new LoopbackUsageError(`${label}: the member cannot see #${channel.name}`);
    if (!hasPermission(permissions, PermissionFlagsBits.UseApplicationCommands)) {
      throw new LoopbackUsageError(
        `${label}: the member may not use application commands in #${channel.name}`,
      );
    }
    if (defaultMemberPermissions !== null) {
      const required = BigInt(defaultMemberPermissions);
      if (!hasPermission(permissions, required)) {
        throw new LoopbackUsageError(
          `${label}: the member lacks ${permissionNames(required).join(', ')} needed for this command`,
        );
      }
    }
  }

  /**
   * Runs a slash command as a member: `slash('summary', { story: 'us-japan-alliance' }, { as, channel })`.
   * Subcommands are part of the name (`'quiz setup'`). Values are converted by the registered option type;
   * users, roles and channels may be refs, ids or names. Resolves with the reply once the bot answered
   * (after a deferred reply: once it edited it), or with the modal when `expect: 'modal'`.
   */
  slash(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    context: SlashContext & ExpectMessage,
  ): Promise<LoopbackMessage>;
  slash(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    context: SlashContext & ExpectModal,
  ): Promise<LoopbackModal>;
  slash(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    context: SlashContext & ExpectAny,
  ): Promise<LoopbackMessage | LoopbackModal>;
  async slash(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    context: SlashContext & { expect?: 'message' | 'modal' | 'any' },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const channel = this.#channelRecord(context.channel);
    const invocation = this.#hub.buildChatInput(path, values, channel.guildId);
    const label = `/${path}`;
    this.#checkCommandAccess(channel, context.as.id, invocation.command.defaultMemberPermissions, label);
    const record = this.#hub.start({
      type: interactionTypes.command,
      userId: context.as.id,
      channel,
      label,
      commandName: invocation.command.name,
      commandType: 1,
      data: {
        id: invocation.command.id,
        name: invocation.command.name,
        type: 1,
        ...(invocation.command.guildId ? { guild_id: invocation.command.guildId } : {}),
        ...(invocation.options.length > 0 ? { options: invocation.options } : {}),
        ...(Object.keys(invocation.resolved).length > 0 ? { resolved: invocation.resolved } : {}),
      },
    });
    return this.#finish(record, context.expect);
  }

  /** Types `text` into `option` of a slash command and returns the suggestions the bot sent. */
  async autocomplete(
    path: string,
    option: string,
    text: string,
    context: SlashContext & { values?: Readonly<Record<string, SlashOptionValue>> },
  ): Promise<AutocompleteChoice[]> {
    const channel = this.#channelRecord(context.channel);
    const invocation = this.#hub.buildChatInput(path, context.values ?? {}, channel.guildId, {
      option,
      text,
    });
    const label = `/${path} ${option}:${text} (autocomplete)`;
    this.#checkCommandAccess(channel, context.as.id, invocation.command.defaultMemberPermissions, label);
    const record = this.#hub.start({
      type: interactionTypes.autocomplete,
      userId: context.as.id,
      channel,
      label,
      commandName: invocation.command.name,
      commandType: 1,
      data: {
        id: invocation.command.id,
        name: invocation.command.name,
        type: 1,
        ...(invocation.command.guildId ? { guild_id: invocation.command.guildId } : {}),
        options: invocation.options,
      },
    });
    const outcome = await this.#outcome(record, 'choices');
    return outcome.kind === 'choices' ? outcome.choices : [];
  }

  #visibleMessage(message: LoopbackMessage | string, actor: MemberRef, label: string): MessageRecord {
    const record = this.#store.messages.get(refId(message));
    if (!record || record.deleted) throw new LoopbackUsageError(`${label}: the message no longer exists`);
    if (record.visibleTo !== null && record.visibleTo !== actor.id) {
      throw new LoopbackUsageError(`${label}: the message is ephemeral and only visible to its invoker`);
    }
    return record;
  }

  /**
   * Clicks a button of a message (by label, custom_id or 1-based position) as a member. Resolves with the
   * message the member sees next: the updated message, a new reply, or the same message after a deferred update.
   */
  click(
    message: LoopbackMessage | string,
    button: string | number,
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage>;
  click(
    message: LoopbackMessage | string,
    button: string | number,
    context: ActorContext & ExpectModal,
  ): Promise<LoopbackModal>;
  click(
    message: LoopbackMessage | string,
    button: string | number,
    context: ActorContext & ExpectAny,
  ): Promise<LoopbackMessage | LoopbackModal>;
  async click(
    message: LoopbackMessage | string,
    button: string | number,
    context: ActorContext & { expect?: 'message' | 'modal' | 'any' },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.#visibleMessage(message, context.as, `click ${String(button)}`);
    const current = toLoopbackMessage(this.#store, record);
    const target =
      typeof button === 'number'
        ? current.buttons[button - 1]
        : (current.buttons.find((entry) => entry.label === button) ??
          current.buttons.find((entry) => entry.customId === button));
    const available = current.buttons
      .map((entry, index) => `${index + 1}. ${entry.label ?? entry.emoji ?? entry.customId ?? '?'}`)
      .join(', ');
    if (!target)
      throw new LoopbackUsageError(
        `no button ${String(button)} on message ${record.id} (buttons: ${available || 'none'})`,
      );
    if (target.disabled)
      throw new LoopbackUsageError(`button ${target.label ?? target.customId ?? ''} is disabled`);
    if (target.url || !target.customId)
      throw new LoopbackUsageError(
        `button ${target.label ?? ''} is a link to ${target.url ?? '?'}, not an interaction`,
      );
    const channel = this.#channelRecord(record.channelId);
    const interaction = this.#hub.start({
      type: interactionTypes.component,
      userId: context.as.id,
      channel,
      label: `button "${target.label ?? target.customId}"`,
      data: { custom_id: target.customId, component_type: 2 },
      sourceMessage: record,
    });
    return this.#finish(interaction, context.expect);
  }

  /** Picks values in a select menu (found by custom_id or placeholder) as a member. */
  select(
    message: LoopbackMessage | string,
    menu: string,
    values: readonly string[],
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage>;
  select(
    message: LoopbackMessage | string,
    menu: string,
    values: readonly string[],
    context: ActorContext & ExpectModal,
  ): Promise<LoopbackModal>;
  select(
    message: LoopbackMessage | string,
    menu: string,
    values: readonly string[],
    context: ActorContext & ExpectAny,
  ): Promise<LoopbackMessage | LoopbackModal>;
  async select(
    message: LoopbackMessage | string,
    menu: string,
    values: readonly string[],
    context: ActorContext & { expect?: 'message' | 'modal' | 'any' },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.#visibleMessage(message, context.as, `select ${menu}`);
    const current = toLoopbackMessage(this.#store, record);
    const target =
      current.selects.find((entry) => entry.customId === menu) ??
      current.selects.find((entry) => entry.placeholder === menu);
    if (!target) throw new LoopbackUsageError(`no select menu ${menu} on message ${record.id}`);
    if (target.disabled) throw new LoopbackUsageError(`select menu ${menu} is disabled`);
    if (values.length < target.minValues || values.length > target.maxValues) {
      throw new LoopbackUsageError(
        `select menu ${menu} takes ${target.minValues} to ${target.maxValues} values`,
      );
    }
    if (target.type === 3) {
      for (const value of values) {
        if (!target.options.some((option) => option.value === value)) {
          throw new LoopbackUsageError(
            `select menu ${menu} has no option ${value} (options: ${target.options.map((option) => option.value).join(', ')})`,
          );
        }
      }
    }
    const channel = this.#channelRecord(record.channelId);
    const interaction = this.#hub.start({
      type: interactionTypes.component,
      userId: context.as.id,
      channel,
      label: `select "${target.placeholder ?? target.customId}"`,
      data: { custom_id: target.customId, component_type: target.type, values: [...values] },
      sourceMessage: record,
    });
    return this.#finish(interaction, context.expect);
  }

  /** Fills and submits a modal the bot opened; `values` are keyed by text input custom_id or label. */
  async submitModal(
    modal: LoopbackModal,
    values: Readonly<Record<string, string>>,
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage> {
    const opened = this.#hub.records.get(modal.interactionId);
    if (!opened?.modal) throw new LoopbackUsageError('this modal was not opened by the bot');
    const raw = opened.modal.raw;
    const view = opened.modal.view;
    for (const key of Object.keys(values)) {
      if (!view.fields.some((field) => field.customId === key || field.label === key)) {
        throw new LoopbackUsageError(
          `modal ${view.title} has no field ${key} (fields: ${view.fields.map((field) => field.customId).join(', ')})`,
        );
      }
    }
    const submittedValue = (customId: string): string => {
      const field = view.fields.find((entry) => entry.customId === customId);
      const value =
        values[customId] ?? (field?.label ? values[field.label] : undefined) ?? field?.value ?? '';
      if (field?.required && value.length === 0)
        throw new LoopbackUsageError(`modal field ${field.label ?? customId} is required`);
      if (field?.maxLength !== null && field?.maxLength !== undefined && value.length > field.maxLength) {
        throw new LoopbackUsageError(
          `modal field ${field.label ?? customId} takes at most ${field.maxLength} characters`,
        );
      }
      if (
        field?.minLength !== null &&
        field?.minLength !== undefined &&
        value.length > 0 &&
        value.length < field.minLength
      ) {
        throw new LoopbackUsageError(
          `modal field ${field.label ?? customId} needs at least ${field.minLength} characters`,
        );
      }
      return value;
    };
    const components = (Array.isArray(raw.components) ? raw.components : []).flatMap(
      (component: unknown): Record<string, unknown>[] => {
        const entry = component as Record<string, unknown>;
        if (entry.type === 1 && Array.isArray(entry.components)) {
          return [
            {
              type: 1,
              components: (entry.components as Record<string, unknown>[]).map((input) => ({
                type: 4,
                custom_id: String(input.custom_id),
                value: submittedValue(String(input.custom_id)),
              })),
            },
          ];
        }
        if (entry.type === 18 && typeof entry.component === 'object' && entry.component !== null) {
          const input = entry.component as Record<string, unknown>;
          if (input.type !== 4) return [];
          return [
            {
              type: 18,
              ...(entry.id !== undefined ? { id: entry.id } : {}),
              component: {
                type: 4,
                custom_id: String(input.custom_id),
                value: submittedValue(String(input.custom_id)),
              },
            },
          ];
        }
        return [];
      },
    );
    const channel = this.#channelRecord(opened.channelId);
    const source = opened.sourceMessageId ? this.#store.messages.get(opened.sourceMessageId) : undefined;
    const interaction = this.#hub.start({
      type: interactionTypes.modalSubmit,
      userId: context.as.id,
      channel,
      label: `modal "${view.title}"`,
      data: { custom_id: view.customId, components },
      sourceMessage: source ?? null,
    });
    const outcome = await this.#outcome(interaction, 'message');
    if (outcome.kind !== 'message') throw new Error('unexpected modal outcome');
    return outcome.message;
  }

  /**
   * Sends a component interaction with any `custom_id` (and select values) from a message, as a modified
   * client could: nothing checks that the message has such a component. For tests of tampered ids.
   */
  forgeComponent(
    message: LoopbackMessage | string,
    forged: { customId: string; componentType?: number; values?: readonly string[] },
    context: ActorContext & { expect?: 'message' | 'modal' | 'any' },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.#visibleMessage(message, context.as, `forged component ${forged.customId}`);
    const interaction = this.#hub.start({
      type: interactionTypes.component,
      userId: context.as.id,
      channel: this.#channelRecord(record.channelId),
      label: `forged component "${forged.customId}"`,
      data: {
        custom_id: forged.customId,
        component_type: forged.componentType ?? 2,
        ...(forged.values ? { values: [...forged.values] } : {}),
      },
      sourceMessage: record,
    });
    return this.#finish(interaction, context.expect ?? 'any');
  }

  /**
   * Submits a modal the bot never opened, with any `custom_id` and any text fields (missing ones
   * included), as a modified client could. For tests of tampered and incomplete modal submits.
   */
  async forgeModalSubmit(
    channelRef: ChannelRef,
    forged: { customId: string; fields: Readonly<Record<string, string>>; sourceMessage?: LoopbackMessage },
    context: ActorContext,
  ): Promise<LoopbackMessage> {
    const source = forged.sourceMessage
      ? this.#visibleMessage(forged.sourceMessage, context.as, `forged modal ${forged.customId}`)
      : null;
    const interaction = this.#hub.start({
      type: interactionTypes.modalSubmit,
      userId: context.as.id,
      channel: this.#channelRecord(channelRef),
      label: `forged modal "${forged.customId}"`,
      data: {
        custom_id: forged.customId,
        components: Object.entries(forged.fields).map(([customId, value]) => ({
          type: 18,
          component: { type: 4, custom_id: customId, value },
        })),
      },
      sourceMessage: source,
    });
    const outcome = await this.#outcome(interaction, 'message');
    if (outcome.kind !== 'message') throw new Error('unexpected modal outcome');
    return outcome.message;
  }

  /** Runs a message context menu command on a message (or a user command on a member) as a member. */
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectMessage & { channel?: ChannelRef },
  ): Promise<LoopbackMessage>;
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectModal & { channel?: ChannelRef },
  ): Promise<LoopbackModal>;
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectAny & { channel?: ChannelRef },
  ): Promise<LoopbackMessage | LoopbackModal>;
  async contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & { expect?: 'message' | 'modal' | 'any'; channel?: ChannelRef },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const store = this.#store;
    const isMessage = target.kind === 'message';
    const commandType = isMessage ? 3 : 2;
    const guildId = isMessage ? (target.guildId ?? '') : target.guildId;
    const command = this.#hub
      .commandsFor(guildId)
      .find((entry) => entry.type === commandType && entry.name === name);
    if (!command)
      throw new LoopbackUsageError(`no ${isMessage ? 'message' : 'user'} command "${name}" is registered`);
    let channel: ChannelRecord;
    let data: Record<string, unknown>;
    if (isMessage) {
      const message = this.#visibleMessage(target, context.as, name);
      channel = this.#channelRecord(message.channelId);
      data = {
        id: command.id,
        name: command.name,
        type: 3,
        target_id: message.id,
        resolved: { messages: { [message.id]: store.toApiMessage(message, { withGuildFields: false }) } },
        ...(command.guildId ? { guild_id: command.guildId } : {}),
      };
    } else {
      if (!context.channel) throw new LoopbackUsageError('user commands need a channel');
      channel = this.#channelRecord(context.channel);
      const member = this.#memberRecord(target);
      const user = store.users.get(target.id);
      data = {
        id: command.id,
        name: command.name,
        type: 2,
        target_id: target.id,
        resolved: {
          users: user ? { [target.id]: store.toApiUser(user) } : {},
          members: { [target.id]: store.toApiPartialMember(member) },
        },
        ...(command.guildId ? { guild_id: command.guildId } : {}),
      };
    }
    this.#checkCommandAccess(channel, context.as.id, command.defaultMemberPermissions, name);
    const record = this.#hub.start({
      type: interactionTypes.command,
      userId: context.as.id,
      channel,
      label: `"${name}"`,
      commandName: command.name,
      commandType,
      data,
    });
    return this.#finish(record, context.expect);
  }

  /** Posts a message as a member, if Discord would let them; returns the refusal otherwise. */
  attemptPostMessage(
    channelRef: ChannelRef,
    member: MemberRef,
    content: string,
    options: { replyTo?: LoopbackMessage } = {},
  ): PostOutcome {
    const channel = this.#channelRecord(channelRef);
    this.#memberRecord(member);
    const refusal = this.#engine.refusalToPost(channel, member.id, content);
    if (refusal) return { ok: false, refusal };
    channel.lastPostAtByUser.set(member.id, this.clock.now());
    const record = this.#engine.createMessage({
      channel,
      authorId: member.id,
      body: {
        content,
        ...(options.replyTo ? { message_reference: { message_id: options.replyTo.id } } : {}),
      },
      source: 'channel',
    });
    return { ok: true, message: toLoopbackMessage(this.#store, record) };
  }

  /** Posts a message as a member (dispatching MESSAGE_CREATE); throws {@link LoopbackRefusalError} if Discord would refuse it. */
  postMessage(
    channel: ChannelRef,
    member: MemberRef,
    content: string,
    options: { replyTo?: LoopbackMessage } = {},
  ): LoopbackMessage {
    const outcome = this.attemptPostMessage(channel, member, content, options);
    if (!outcome.ok) throw new LoopbackRefusalError(outcome.refusal);
    return outcome.message;
  }

  // ---------------------------------------------------------------- inspection

  /** Calls `listener` whenever a message is created, edited or deleted (ephemeral ones included); returns an unsubscribe function. */
  onMessage(listener: (change: MessageChange, message: LoopbackMessage) => void): () => void {
    const observer = (change: MessageChange, record: MessageRecord): void =>
      listener(change, toLoopbackMessage(this.#store, record));
    this.#engine.messageObservers.add(observer);
    return () => this.#engine.messageObservers.delete(observer);
  }

  /** Who can see a message: `null` for everyone in the channel, or the member an ephemeral message is for. */
  visibleTo(message: LoopbackMessage | string): string | null {
    return this.#store.messages.get(refId(message))?.visibleTo ?? null;
  }

  /** Display names for ids, for rendering mentions: users, roles and channels. */
  nameOf(id: string): { kind: 'user' | 'role' | 'channel'; name: string } | null {
    const user = this.#store.users.get(id);
    if (user) return { kind: 'user', name: user.globalName ?? user.username };
    const role = this.#store.roles.get(id);
    if (role) return { kind: 'role', name: role.name };
    const channel = this.#store.channels.get(id);
    if (channel) return { kind: 'channel', name: channel.name };
    return null;
  }

  /** Direct messages the bot sent to a member, oldest first. */
  directMessagesTo(member: MemberRef): LoopbackMessage[] {
    const channelId = this.#store.directChannelByUser.get(member.id);
    return channelId ? this.messagesIn(channelId) : [];
  }

  /** The messages of a channel, oldest first; ephemeral messages only with `visibleTo`. */
  messagesIn(channelRef: ChannelRef | string, options: { visibleTo?: MemberRef } = {}): LoopbackMessage[] {
    const ids = this.#store.channelMessageIds.get(refId(channelRef)) ?? [];
    return ids.flatMap((id) => {
      const message = this.#store.messages.get(id);
      if (!message || message.deleted) return [];
      if (message.visibleTo !== null && message.visibleTo !== options.visibleTo?.id) return [];
      return [toLoopbackMessage(this.#store, message)];
    });
  }

  /** The current version of a message (also deleted ones), or `null`. */
  message(id: LoopbackMessage | string): LoopbackMessage | null {
    const record = this.#store.messages.get(refId(id));
    return record ? toLoopbackMessage(this.#store, record) : null;
  }

  /** Follow-up messages the bot sent for the interaction that produced `reply`. */
  followUps(reply: LoopbackMessage | LoopbackModal): LoopbackMessage[] {
    const interactionId = reply.kind === 'modal' ? reply.interactionId : reply.interaction?.id;
    const record = interactionId ? this.#hub.records.get(interactionId) : undefined;
    return (record?.followUpIds ?? []).flatMap((id) => {
      const message = this.#store.messages.get(id);
      return message ? [toLoopbackMessage(this.#store, message)] : [];
    });
  }

  #threadView(channel: ChannelRecord): ThreadView | null {
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

  /** A channel's current settings (and thread state for threads). */
  channel(ref: ChannelRef | string): ChannelView {
    const channel = this.#channelRecord(ref);
    return {
      id: channel.id,
      name: channel.name,
      type: channel.type,
      topic: channel.topic,
      rateLimitPerUser: channel.rateLimitPerUser,
      parentId: channel.parentId,
      thread: this.#threadView(channel),
    };
  }

  /** Threads whose parent is `channel`, as refs usable with `postMessage` and `messagesIn`. */
  threadsIn(channelRef: ChannelRef): ChannelRef[] {
    return [...this.#store.channels.values()]
      .filter((channel) => channel.thread && channel.parentId === channelRef.id)
      .map((channel) => ({
        kind: 'channel',
        id: channel.id,
        name: channel.name,
        guildId: channel.guildId,
        type: channel.type,
      }));
  }

  /** A member's roles and timeout as they are now. */
  member(ref: MemberRef): MemberView {
    const member = this.#memberRecord(ref);
    const user = this.#store.users.get(ref.id);
    return {
      id: ref.id,
      username: user?.username ?? ref.username,
      nick: member.nick,
      roleIds: [...member.roleIds],
      roleNames: member.roleIds.map((id) => this.#store.roles.get(id)?.name ?? id),
      timeoutUntil: member.timeoutUntil,
      timedOut: member.timeoutUntil !== null && member.timeoutUntil > this.clock.now(),
    };
  }

  /** The bot's effective permissions in a channel, by name. */
  botPermissionsIn(channelRef: ChannelRef): PermissionName[] {
    return permissionNames(
      this.#store.channelPermissions(this.#channelRecord(channelRef), this.#store.botUser.id),
    );
  }

  /** Application commands the bot registered (global, or for one guild), as Discord returns them. */
  registeredCommands(guild?: GuildRef): Record<string, unknown>[] {
    return [...this.#store.commands.values()]
      .filter((command) => command.guildId === (guild?.id ?? null))
      .map((command) => this.#store.toApiCommand(command));
  }

  /** Recorded requests whose route matches a pattern like `POST /channels/:id/messages`. */
  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((request) =>
      routeMatches(
        route,
        request.method,
        splitRoute(`${request.method} ${request.path.replace(/^\/api(\/v\d+)?/, '')}`).segments,
      ),
    );
  }

  /** 429 answers per route (injected and enforced). */
  rateLimitCounts(): Record<string, number> {
    return Object.fromEntries(this.#faults.rateLimitedByRoute);
  }

  /** Resolves with the first request (already recorded or future) to `route` that satisfies `predicate`. */
  waitForRequest(
    route: string,
    predicate: (request: RecordedRequest) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest> {
    const existing = this.requestsTo(route).find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const listener = (request: RecordedRequest): void => {
        if (this.requestsTo(route).includes(request) && predicate(request)) {
          clearTimeout(timer);
          this.#requestListeners.delete(listener);
          resolve(request);
        }
      };
      const timer = setTimeout(() => {
        this.#requestListeners.delete(listener);
        reject(new Error(`no request to ${route} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#requestListeners.add(listener);
    });
  }

  /** Resolves with the first message in the channel (existing or future) that satisfies `predicate`. */
  async waitForMessage(
    channelRef: ChannelRef,
    predicate: (message: LoopbackMessage) => boolean,
    timeoutMs = 5_000,
  ): Promise<LoopbackMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messagesIn(channelRef).find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching message in #${channelRef.name} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves once a bot session has identified and has an open gateway connection. */
  async waitForBot(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#gateway.connectedSessions.length === 0) {
      if (Date.now() > deadline) throw new Error(`no bot connected within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves once the bot registered at least one application command. */
  async waitForCommands(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#store.commands.size === 0) {
      if (Date.now() > deadline) throw new Error(`the bot registered no commands within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---------------------------------------------------------------- faults

  /** Injects a fault on matching requests, e.g. `{ route: 'POST /channels/:id/messages', status: 429, times: 2 }`. */
  inject(rule: FaultRule): void {
    this.#faults.inject(rule);
  }

  /** Fails a seeded share of requests at random (`null` stops it). */
  injectRandom(options: RandomFaults | null): void {
    this.#faults.injectRandom(options);
  }

  /** Enforces per-route buckets and the global limit (`null` stops it). */
  enforceRateLimits(options: RateLimitEnforcement | null): void {
    this.#faults.enforceRateLimits(options);
  }

  /** Removes injected faults (not rate limit enforcement). */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** Drops the gateway connections with a resumable close code (default 4000); the client resumes. */
  dropConnection(options: { code?: number } = {}): number {
    return this.#gateway.dropConnections(options.code ?? 4000);
  }

  /** Refuses new gateway connections (HTTP 503) until the outage's `end()`; see {@link GatewayOutage}. */
  startGatewayOutage(): GatewayOutage {
    return new GatewayOutage(this.#gateway);
  }

  /** Sends opcode 7 RECONNECT to every connected client. */
  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  /** Stops the server. Destroy discord.js clients first, or they will try to reconnect. */
  async close(): Promise<void> {
    this.#gateway.close();
    await this.#http.close();
  }
}

/** Starts a loopback Discord on 127.0.0.1 (port 0 by default) and resolves once it listens. */
export async function startLoopbackDiscord(options: LoopbackOptions = {}): Promise<LoopbackDiscord> {
  const discord = new LoopbackDiscord(options);
  await discord.listen(options.port ?? 0);
  return discord;
}
