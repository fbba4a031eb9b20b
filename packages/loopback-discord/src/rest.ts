import type { APIAttachment } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import type { LoopbackEngine } from './engine.js';
import { discordErrors, type ErrorAnswer, FormErrors, singleFieldError } from './errors.js';
import type { InteractionHub, RouteAnswer } from './interactions.js';
import type { ChannelRecord, CommandRecord, MessageRecord, OverwriteRecord } from './model.js';
import { hasPermission, highestRolePosition } from './permissions.js';
import { textChannelTypes } from './store.js';
import {
  validateChannelPatch,
  validateCommand,
  validateCommandList,
  validateEditedMessage,
  validateMemberPatch,
  validateMessageBody,
  validateThreadBody,
} from './validation.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isError(value: unknown): value is ErrorAnswer {
  return isObject(value) && typeof value.status === 'number' && isObject(value.body) && 'code' in value.body;
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: { name: string; filename: string; size: number; contentType: string }[];
}

export interface RouteDefinition {
  method: string;
  pattern: string;
  segments: string[];
  /** Whether the route needs the bot token (interaction callbacks and webhooks do not). */
  authenticated: boolean;
  /** Interaction callbacks are exempt from the global rate limit, as on Discord. */
  exemptFromGlobalLimit: boolean;
  handle: (context: RouteContext) => RouteAnswer | Promise<RouteAnswer>;
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

const nonceWindowMs = 5 * 60_000;
const pinLimit = 50;

export interface RestOptions {
  gatewayUrl: () => string;
  cdnUrl: () => string;
}

/** Discord's REST API, as far as Roundtable uses it: routes, permissions, validation. */
export class RestRoutes {
  readonly routes: RouteDefinition[] = [];

  constructor(
    private readonly engine: LoopbackEngine,
    private readonly hub: InteractionHub,
    private readonly options: RestOptions,
  ) {
    this.#register();
  }

  get #store() {
    return this.engine.store;
  }

  get #botId(): string {
    return this.engine.botId;
  }

  #add(
    method: string,
    pattern: string,
    handle: RouteDefinition['handle'],
    flags: { authenticated?: boolean; exemptFromGlobalLimit?: boolean } = {},
  ): void {
    this.routes.push({
      method,
      pattern,
      segments: pattern.split('/').filter((segment) => segment.length > 0),
      authenticated: flags.authenticated ?? true,
      exemptFromGlobalLimit: flags.exemptFromGlobalLimit ?? false,
      handle,
    });
  }

  /** The most specific route matching the path, preferring literal segments over parameters. */
  match(method: string, segments: readonly string[]): { found: RouteMatch | null; pathKnown: boolean } {
    let best: RouteMatch | null = null;
    let bestScore = -1;
    let pathKnown = false;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let score = 0;
      let matches = true;
      for (let index = 0; index < segments.length; index += 1) {
        const expected = route.segments[index] ?? '';
        const actual = segments[index] ?? '';
        if (expected.startsWith(':')) params[expected.slice(1)] = actual;
        else if (expected === actual) score += 1;
        else {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
      pathKnown = true;
      if (route.method === method && score > bestScore) {
        best = { route, params };
        bestScore = score;
      }
    }
    return { found: best, pathKnown };
  }

  #channel(id: string | undefined): ChannelRecord | ErrorAnswer {
    const channel = id ? this.#store.channels.get(id) : undefined;
    return channel ?? discordErrors.unknownChannel();
  }

  /** 50001 when the bot cannot view the channel, 50013 when it lacks any of `required`. */
  #botNeeds(channel: ChannelRecord, ...required: bigint[]): ErrorAnswer | null {
    const permissions = this.#store.channelPermissions(channel, this.#botId);
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) return discordErrors.missingAccess();
    for (const permission of required) {
      if (!hasPermission(permissions, permission)) return discordErrors.missingPermissions();
    }
    return null;
  }

  #botHas(channel: ChannelRecord, permission: bigint): boolean {
    return hasPermission(this.#store.channelPermissions(channel, this.#botId), permission);
  }

  #message(channel: ChannelRecord, id: string | undefined): MessageRecord | ErrorAnswer {
    const message = id ? this.#store.messages.get(id) : undefined;
    if (!message || message.deleted || message.channelId !== channel.id || message.visibleTo !== null) {
      return discordErrors.unknownMessage();
    }
    return message;
  }

  #apiMessage(message: MessageRecord): unknown {
    return this.#store.toApiMessage(message, { withGuildFields: false });
  }

  #register(): void {
    const store = this.#store;
    this.#add('GET', '/gateway', () => ({ status: 200, body: { url: this.options.gatewayUrl() } }));
    this.#add('GET', '/gateway/bot', () => ({
      status: 200,
      body: {
        url: this.options.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      },
    }));
    this.#add('GET', '/users/@me', () => ({
      status: 200,
      body: {
        ...store.toApiUser(store.botUser),
        verified: true,
        mfa_enabled: false,
        flags: 0,
        locale: 'en-US',
      },
    }));
    this.#add('POST', '/users/@me/channels', ({ body }) => {
      const recipientId = isObject(body) && typeof body.recipient_id === 'string' ? body.recipient_id : '';
      const recipient = store.users.get(recipientId);
      if (!recipient)
        return singleFieldError(
          ['recipient_id'],
          'NUMBER_TYPE_COERCE',
          `Value "${recipientId}" is not snowflake.`,
        );
      const existing = store.directChannelByUser.get(recipient.id);
      const channel =
        (existing ? store.channels.get(existing) : undefined) ??
        ((): ChannelRecord => {
          const created: ChannelRecord = {
            id: store.ids.next(),
            guildId: '',
            recipientId: recipient.id,
            type: 1,
            name: recipient.username,
            position: 0,
            parentId: null,
            topic: null,
            rateLimitPerUser: 0,
            nsfw: false,
            overwrites: [],
            lastMessageId: null,
            thread: null,
            lastPostAtByUser: new Map(),
          };
          store.channels.set(created.id, created);
          store.directChannelByUser.set(recipient.id, created.id);
          return created;
        })();
      return { status: 200, body: store.toApiChannel(channel) };
    });
    this.#add('GET', '/users/:user', ({ params }) => {
      const user = store.users.get(params.user ?? '');
      return user ? { status: 200, body: store.toApiUser(user) } : discordErrors.unknownUser();
    });
    const application = () => ({
      status: 200,
      body: {
        id: store.applicationId,
        name: store.botUser.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: (1 << 15) | (1 << 19),
        owner: store.toApiUser(store.botUser),
        team: null,
        bot: store.toApiUser(store.botUser),
        approximate_guild_count: store.guilds.size,
        integration_types_config: { '0': {} },
      },
    });
    this.#add('GET', '/applications/@me', application);
    this.#add('GET', '/oauth2/applications/@me', application);
    this.#registerCommands();
    this.#add(
      'POST',
      '/interactions/:interaction/:token/callback',
      ({ params, body, query }) =>
        this.hub.callback(
          params.interaction ?? '',
          params.token ?? '',
          body,
          query.get('with_response') === 'true',
        ),
      { authenticated: false, exemptFromGlobalLimit: true },
    );
    this.#add(
      'POST',
      '/webhooks/:application/:token',
      ({ params, body }) => this.hub.followUp(params.application ?? '', params.token ?? '', body),
      {
        authenticated: false,
      },
    );
    this.#add(
      'GET',
      '/webhooks/:application/:token/messages/:message',
      ({ params }) =>
        this.hub.getWebhookMessage(params.application ?? '', params.token ?? '', params.message ?? ''),
      { authenticated: false },
    );
    this.#add(
      'PATCH',
      '/webhooks/:application/:token/messages/:message',
      ({ params, body }) =>
        this.hub.editWebhookMessage(params.application ?? '', params.token ?? '', params.message ?? '', body),
      { authenticated: false },
    );
    this.#add(
      'DELETE',
      '/webhooks/:application/:token/messages/:message',
      ({ params }) =>
        this.hub.deleteWebhookMessage(params.application ?? '', params.token ?? '', params.message ?? ''),
      { authenticated: false },
    );
    this.#registerChannels();
    this.#registerMessages();
    this.#registerThreads();
    this.#registerGuilds();
  }

  #commandScope(params: Record<string, string>): { guildId: string | null } | ErrorAnswer {
    if (params.application !== this.#store.applicationId) return discordErrors.missingAccess();
    if (params.guild === undefined) return { guildId: null };
    if (!this.#store.guilds.has(params.guild) || !this.#store.member(params.guild, this.#botId))
      return discordErrors.missingAccess();
    return { guildId: params.guild };
  }

  #commandFrom(body: Json, guildId: string | null, existing: CommandRecord | undefined): CommandRecord {
    const store = this.#store;
    const permissions = body.default_member_permissions;
    return {
      id: existing?.id ?? store.ids.next(),
      applicationId: store.applicationId,
      guildId,
      version: store.ids.next(),
      type: typeof body.type === 'number' ? body.type : 1,
      name: String(body.name),
      description: typeof body.description === 'string' ? body.description : '',
      options: (Array.isArray(body.options) ? body.options : []) as CommandRecord['options'],
      defaultMemberPermissions:
        permissions === undefined || permissions === null ? null : String(permissions as string | number),
      nsfw: body.nsfw === true,
      contexts: Array.isArray(body.contexts) ? (body.contexts as number[]) : null,
      integrationTypes: Array.isArray(body.integration_types) ? (body.integration_types as number[]) : [0],
      nameLocalizations: isObject(body.name_localizations)
        ? (body.name_localizations as Record<string, string>)
        : null,
      descriptionLocalizations: isObject(body.description_localizations)
        ? (body.description_localizations as Record<string, string>)
        : null,
    };
  }

  #commandsIn(guildId: string | null): CommandRecord[] {
    return [...this.#store.commands.values()].filter((command) => command.guildId === guildId);
  }

  #registerCommands(): void {
    const store = this.#store;
    for (const prefix of [
      '/applications/:application/commands',
      '/applications/:application/guilds/:guild/commands',
    ]) {
      this.#add('GET', prefix, ({ params }) => {
        const scope = this.#commandScope(params);
        if ('status' in scope) return scope;
        return {
          status: 200,
          body: this.#commandsIn(scope.guildId).map((command) => store.toApiCommand(command)),
        };
      });
      this.#add('PUT', prefix, ({ params, body }) => {
        const scope = this.#commandScope(params);
        if ('status' in scope) return scope;
        const check = validateCommandList(body);
        if (!check.ok) return check.answer;
        const previous = this.#commandsIn(scope.guildId);
        for (const command of previous) store.commands.delete(command.id);
        const saved = (body as Json[]).map((entry) => {
          const existing = previous.find(
            (command) => command.name === entry.name && command.type === (entry.type ?? 1),
          );
          const command = this.#commandFrom(entry, scope.guildId, existing);
          store.commands.set(command.id, command);
          return store.toApiCommand(command);
        });
        return { status: 200, body: saved };
      });
      this.#add('POST', prefix, ({ params, body }) => {
        const scope = this.#commandScope(params);
        if ('status' in scope) return scope;
        const check = validateCommand(body);
        if (!check.ok) return check.answer;
        const entry = body as Json;
        const existing = this.#commandsIn(scope.guildId).find(
          (command) => command.name === entry.name && command.type === (entry.type ?? 1),
        );
        const command = this.#commandFrom(entry, scope.guildId, existing);
        store.commands.set(command.id, command);
        return { status: existing ? 200 : 201, body: store.toApiCommand(command) };
      });
      const one = (params: Record<string, string>): CommandRecord | ErrorAnswer => {
        const scope = this.#commandScope(params);
        if ('status' in scope) return scope;
        const command = store.commands.get(params.command ?? '');
        return command && command.guildId === scope.guildId ? command : discordErrors.unknownCommand();
      };
      this.#add('GET', `${prefix}/:command`, ({ params }) => {
        const command = one(params);
        return 'status' in command ? command : { status: 200, body: store.toApiCommand(command) };
      });
      this.#add('PATCH', `${prefix}/:command`, ({ params, body }) => {
        const command = one(params);
        if ('status' in command) return command;
        const merged = { ...(store.toApiCommand(command) as Json), ...(isObject(body) ? body : {}) };
        const check = validateCommand(merged);
        if (!check.ok) return check.answer;
        const updated = this.#commandFrom(merged, command.guildId, command);
        store.commands.set(updated.id, updated);
        return { status: 200, body: store.toApiCommand(updated) };
      });
      this.#add('DELETE', `${prefix}/:command`, ({ params }) => {
        const command = one(params);
        if ('status' in command) return command;
        store.commands.delete(command.id);
        return { status: 204 };
      });
    }
  }

  #registerChannels(): void {
    const store = this.#store;
    this.#add('GET', '/channels/:channel', ({ params }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      return denied ?? { status: 200, body: store.toApiChannel(channel) };
    });
    this.#add('PATCH', '/channels/:channel', ({ params, body }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      return channel.thread ? this.#patchThread(channel, body) : this.#patchChannel(channel, body);
    });
    this.#add('DELETE', '/channels/:channel', ({ params }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      if (channel.type === 1) return discordErrors.wrongChannelType();
      const denied = this.#botNeeds(
        channel,
        channel.thread ? PermissionFlagsBits.ManageThreads : PermissionFlagsBits.ManageChannels,
      );
      if (denied) return denied;
      const body = store.toApiChannel(channel);
      this.engine.deleteChannel(channel);
      return { status: 200, body };
    });
    this.#add('POST', '/channels/:channel/typing', ({ params }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(
        channel,
        channel.thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
      );
      return denied ?? { status: 204 };
    });
  }

  #patchChannel(channel: ChannelRecord, body: unknown): RouteAnswer {
    const denied = this.#botNeeds(channel, PermissionFlagsBits.ManageChannels);
    if (denied) return denied;
    const check = validateChannelPatch(body, false);
    if (!check.ok) return check.answer;
    const changes = isObject(body) ? body : {};
    if (Array.isArray(changes.permission_overwrites)) {
      if (!this.#botHas(channel, PermissionFlagsBits.ManageRoles)) return discordErrors.missingPermissions();
      channel.overwrites = changes.permission_overwrites.filter(isObject).map(
        (overwrite): OverwriteRecord => ({
          id: String(overwrite.id),
          type: overwrite.type === 1 || overwrite.type === '1' ? 1 : 0,
          allow: BigInt(String(overwrite.allow ?? '0')),
          deny: BigInt(String(overwrite.deny ?? '0')),
        }),
      );
    }
    if (typeof changes.name === 'string') channel.name = changes.name;
    if ('topic' in changes) channel.topic = typeof changes.topic === 'string' ? changes.topic : null;
    if (typeof changes.rate_limit_per_user === 'number')
      channel.rateLimitPerUser = changes.rate_limit_per_user;
    if (typeof changes.nsfw === 'boolean') channel.nsfw = changes.nsfw;
    this.engine.dispatchChannel('CHANNEL_UPDATE', channel);
    return { status: 200, body: this.#store.toApiChannel(channel) };
  }

  #patchThread(thread: ChannelRecord, body: unknown): RouteAnswer {
    const state = thread.thread;
    if (!state) return discordErrors.wrongChannelType();
    const denied = this.#botNeeds(thread);
    if (denied) return denied;
    const check = validateChannelPatch(body, true);
    if (!check.ok) return check.answer;
    const changes = isObject(body) ? body : {};
    const canManage = this.#botHas(thread, PermissionFlagsBits.ManageThreads);
    const isOwner = state.ownerId === this.#botId;
    const needsManage =
      changes.locked !== undefined ||
      changes.rate_limit_per_user !== undefined ||
      (!isOwner &&
        (changes.name !== undefined ||
          changes.archived !== undefined ||
          changes.auto_archive_duration !== undefined ||
          changes.invitable !== undefined)) ||
      (state.locked && changes.archived === false);
    if (needsManage && !canManage) return discordErrors.missingPermissions();
    if (state.archived && changes.archived !== false) return discordErrors.threadArchived();
    if (state.locked && !canManage) return discordErrors.threadLocked();
    if (typeof changes.name === 'string') thread.name = changes.name;
    if (typeof changes.rate_limit_per_user === 'number')
      thread.rateLimitPerUser = changes.rate_limit_per_user;
    const threadChanges: {
      archived?: boolean;
      locked?: boolean;
      autoArchiveDuration?: number;
      invitable?: boolean;
    } = {};
    if (typeof changes.archived === 'boolean') threadChanges.archived = changes.archived;
    if (typeof changes.locked === 'boolean') threadChanges.locked = changes.locked;
    if (typeof changes.auto_archive_duration === 'number')
      threadChanges.autoArchiveDuration = changes.auto_archive_duration;
    if (typeof changes.invitable === 'boolean') threadChanges.invitable = changes.invitable;
    this.engine.updateThreadState(thread, threadChanges);
    return { status: 200, body: this.#store.toApiChannel(thread) };
  }

  #attachmentsFrom(context: RouteContext, channelId: string): APIAttachment[] {
    const described =
      isObject(context.body) && Array.isArray(context.body.attachments)
        ? context.body.attachments.filter(isObject)
        : [];
    return context.files.map((file, index) => {
      const id = this.#store.ids.next();
      const description = described.find((entry) => String(entry.id) === String(index));
      return {
        id,
        filename: typeof description?.filename === 'string' ? description.filename : file.filename,
        size: file.size,
        url: `${this.options.cdnUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
        proxy_url: `${this.options.cdnUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
        content_type: file.contentType,
        ...(typeof description?.description === 'string' ? { description: description.description } : {}),
      } as APIAttachment;
    });
  }

  #registerMessages(): void {
    const store = this.#store;
    this.#add('GET', '/channels/:channel/messages', ({ params, query }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      if (denied) return denied;
      const limitText = query.get('limit');
      const limit = limitText === null ? 50 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        const errors = new FormErrors();
        errors.integerBetween(['limit'], Number.isNaN(limit) ? limitText : limit, 1, 100);
        if (errors.isEmpty)
          errors.add(['limit'], 'NUMBER_TYPE_COERCE', `Value "${String(limitText)}" is not int.`);
        return errors.toAnswer();
      }
      if (!this.#botHas(channel, PermissionFlagsBits.ReadMessageHistory)) return { status: 200, body: [] };
      const all = store.visibleMessagesIn(channel.id);
      const before = query.get('before');
      const after = query.get('after');
      const around = query.get('around');
      let selected: MessageRecord[];
      if (after !== null) {
        selected = all.filter((message) => BigInt(message.id) > BigInt(after)).slice(0, limit);
      } else if (around !== null) {
        const index = all.findIndex((message) => BigInt(message.id) >= BigInt(around));
        const start = Math.max(0, (index === -1 ? all.length : index) - Math.floor(limit / 2));
        selected = all.slice(start, start + limit);
      } else {
        const older = before === null ? all : all.filter((message) => BigInt(message.id) < BigInt(before));
        selected = older.slice(Math.max(0, older.length - limit));
      }
      return { status: 200, body: [...selected].reverse().map((message) => this.#apiMessage(message)) };
    });
    this.#add('GET', '/channels/:channel/messages/:message', ({ params }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel, PermissionFlagsBits.ReadMessageHistory);
      if (denied) return denied;
      const message = this.#message(channel, params.message);
      return 'status' in message ? message : { status: 200, body: this.#apiMessage(message) };
    });
    this.#add('POST', '/channels/:channel/messages', (context) => this.#createChannelMessage(context));
    this.#add('PATCH', '/channels/:channel/messages/:message', ({ params, body }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      if (denied) return denied;
      const message = this.#message(channel, params.message);
      if ('status' in message) return message;
      if (message.authorId !== this.#botId) return discordErrors.cannotEditOthersMessage();
      const threadRefusal = this.#threadWriteRefusal(channel, true);
      if (threadRefusal) return threadRefusal;
      const check = validateMessageBody(body, 'edit');
      if (!check.ok) return check.answer;
      const changes = isObject(body) ? body : {};
      if (
        Array.isArray(changes.embeds) &&
        changes.embeds.length > 0 &&
        !this.#botHas(channel, PermissionFlagsBits.EmbedLinks)
      ) {
        return discordErrors.missingPermissions();
      }
      const content =
        'content' in changes ? (typeof changes.content === 'string' ? changes.content : '') : message.content;
      const embeds =
        'embeds' in changes ? (Array.isArray(changes.embeds) ? changes.embeds : []) : message.embeds;
      const components =
        'components' in changes
          ? Array.isArray(changes.components)
            ? changes.components
            : []
          : message.components;
      const result = validateEditedMessage(content, embeds, components, message.attachments);
      if (!result.ok) return result.answer;
      this.engine.editMessage(message, changes, 'channel');
      return { status: 200, body: this.#apiMessage(message) };
    });
    this.#add('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      if (denied) return denied;
      const message = this.#message(channel, params.message);
      if ('status' in message) return message;
      if (message.authorId !== this.#botId && !this.#botHas(channel, PermissionFlagsBits.ManageMessages)) {
        return discordErrors.missingPermissions();
      }
      this.engine.deleteMessage(message);
      return { status: 204 };
    });
    const pin = (pinned: boolean) => (context: RouteContext) => {
      const channel = this.#channel(context.params.channel);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      if (denied) return denied;
      if (
        !this.#botHas(channel, PermissionFlagsBits.ManageMessages) &&
        !this.#botHas(channel, PermissionFlagsBits.PinMessages)
      ) {
        return discordErrors.missingPermissions();
      }
      const message = this.#message(channel, context.params.message);
      if ('status' in message) return message;
      if (message.pinned === pinned) return { status: 204 };
      if (pinned && store.visibleMessagesIn(channel.id).filter((entry) => entry.pinned).length >= pinLimit) {
        return discordErrors.maximumPins();
      }
      this.engine.setPinned(message, pinned, this.#botId);
      return { status: 204 };
    };
    for (const prefix of ['/channels/:channel/messages/pins', '/channels/:channel/pins']) {
      this.#add('PUT', `${prefix}/:message`, pin(true));
      this.#add('DELETE', `${prefix}/:message`, pin(false));
    }
    const pinnedIn = (channelId: string | undefined): MessageRecord[] | ErrorAnswer => {
      const channel = this.#channel(channelId);
      if ('status' in channel) return channel;
      const denied = this.#botNeeds(channel);
      if (denied) return denied;
      return store
        .visibleMessagesIn(channel.id)
        .filter((message) => message.pinned)
        .sort((a, b) => (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0));
    };
    this.#add('GET', '/channels/:channel/pins', ({ params }) => {
      const pinned = pinnedIn(params.channel);
      return isError(pinned)
        ? pinned
        : { status: 200, body: pinned.map((message) => this.#apiMessage(message)) };
    });
    this.#add('GET', '/channels/:channel/messages/pins', ({ params }) => {
      const pinned = pinnedIn(params.channel);
      if (isError(pinned)) return pinned;
      return {
        status: 200,
        body: {
          items: pinned.map((message) => ({
            pinned_at: new Date(message.pinnedAt ?? message.createdAt).toISOString(),
            message: this.#apiMessage(message),
          })),
          has_more: false,
        },
      };
    });
  }

  /**
   * Posting in an archived and locked thread, or a locked one without Manage Threads, is refused; a post
   * in an archived unlocked thread unarchives it, but edits there are refused.
   */
  #threadWriteRefusal(channel: ChannelRecord, editing = false): ErrorAnswer | null {
    const thread = channel.thread;
    if (!thread) return null;
    if (thread.archived && (thread.locked || editing)) return discordErrors.threadArchived();
    if (thread.locked && !this.#botHas(channel, PermissionFlagsBits.ManageThreads))
      return discordErrors.threadLocked();
    return null;
  }

  #createChannelMessage(context: RouteContext): RouteAnswer {
    const store = this.#store;
    const channel = this.#channel(context.params.channel);
    if ('status' in channel) return channel;
    if (!textChannelTypes.has(channel.type))
      return { status: 400, body: { code: 50008, message: 'Cannot send messages in a non-text channel' } };
    const denied = this.#botNeeds(channel);
    if (denied) return denied;
    if (channel.type === 1 && !this.#canMessageDirectly(channel.recipientId)) {
      return { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } };
    }
    const check = validateMessageBody(context.body, 'create');
    const body = isObject(context.body) ? context.body : {};
    if (!check.ok) return check.answer;
    const sendBit = channel.thread
      ? PermissionFlagsBits.SendMessagesInThreads
      : PermissionFlagsBits.SendMessages;
    if (!this.#botHas(channel, sendBit)) return discordErrors.missingPermissions();
    if (
      Array.isArray(body.embeds) &&
      body.embeds.length > 0 &&
      !this.#botHas(channel, PermissionFlagsBits.EmbedLinks)
    ) {
      return discordErrors.missingPermissions();
    }
    if (context.files.length > 0 && !this.#botHas(channel, PermissionFlagsBits.AttachFiles))
      return discordErrors.missingPermissions();
    const threadRefusal = this.#threadWriteRefusal(channel);
    if (threadRefusal) return threadRefusal;
    const reference = isObject(body.message_reference) ? body.message_reference : null;
    if (reference) {
      if (!this.#botHas(channel, PermissionFlagsBits.ReadMessageHistory))
        return discordErrors.missingPermissions();
      const referenced =
        typeof reference.message_id === 'string' ? store.messages.get(reference.message_id) : undefined;
      if ((!referenced || referenced.deleted) && reference.fail_if_not_exists !== false) {
        return singleFieldError(['message_reference'], 'REPLIES_UNKNOWN_MESSAGE', 'Unknown message');
      }
    }
    if (body.enforce_nonce === true && body.nonce !== undefined && body.nonce !== null) {
      const key = `${this.#botId}:${String(body.nonce)}`;
      const previous = store.nonces.get(key);
      const now = this.engine.clock.now();
      if (previous && now - previous.at < nonceWindowMs) {
        const existing = store.messages.get(previous.messageId);
        if (existing) return { status: 200, body: this.#apiMessage(existing) };
      }
    }
    const tts = body.tts === true && this.#botHas(channel, PermissionFlagsBits.SendTTSMessages);
    const message = this.engine.createMessage({
      channel,
      authorId: this.#botId,
      body: { ...body, tts },
      source: 'channel',
      attachments: this.#attachmentsFrom(context, channel.id),
    });
    if (body.nonce !== undefined && body.nonce !== null) {
      store.nonces.set(`${this.#botId}:${String(body.nonce)}`, {
        messageId: message.id,
        at: message.createdAt,
      });
    }
    return { status: 200, body: this.#apiMessage(message) };
  }

  /** Direct messages need a shared guild and a recipient who accepts them. */
  #canMessageDirectly(userId: string | null): boolean {
    const store = this.#store;
    const user = userId ? store.users.get(userId) : undefined;
    if (!user?.acceptsDirectMessages) return false;
    return [...store.guilds.keys()].some(
      (guildId) => store.member(guildId, user.id) && store.member(guildId, this.#botId),
    );
  }

  #registerThreads(): void {
    const store = this.#store;
    this.#add('POST', '/channels/:channel/messages/:message/threads', ({ params, body }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      if (channel.thread || (channel.type !== 0 && channel.type !== 5))
        return discordErrors.wrongChannelType();
      const denied = this.#botNeeds(
        channel,
        PermissionFlagsBits.CreatePublicThreads,
        PermissionFlagsBits.ReadMessageHistory,
      );
      if (denied) return denied;
      const message = this.#message(channel, params.message);
      if ('status' in message) return message;
      const check = validateThreadBody(body);
      if (!check.ok) return check.answer;
      if (message.threadId) return discordErrors.threadAlreadyCreated();
      const data = body as Json;
      const thread = this.engine.createThread({
        parent: channel,
        name: String(data.name),
        type: channel.type === 5 ? 10 : 11,
        ownerId: this.#botId,
        autoArchiveDuration:
          typeof data.auto_archive_duration === 'number' ? data.auto_archive_duration : 1440,
        rateLimitPerUser: typeof data.rate_limit_per_user === 'number' ? data.rate_limit_per_user : 0,
        invitable: true,
        starterMessage: message,
      });
      return { status: 201, body: store.toApiChannel(thread) };
    });
    this.#add('POST', '/channels/:channel/threads', ({ params, body }) => {
      const channel = this.#channel(params.channel);
      if ('status' in channel) return channel;
      if (channel.thread || ![0, 5, 15].includes(channel.type)) return discordErrors.wrongChannelType();
      const check = validateThreadBody(body);
      if (!check.ok) return check.answer;
      const data = body as Json;
      const forum = channel.type === 15;
      const type = forum ? 11 : typeof data.type === 'number' ? data.type : 12;
      const needed =
        type === 12
          ? PermissionFlagsBits.CreatePrivateThreads
          : forum
            ? PermissionFlagsBits.SendMessages
            : PermissionFlagsBits.CreatePublicThreads;
      const denied = this.#botNeeds(channel, needed);
      if (denied) return denied;
      if (forum) {
        const starter = validateMessageBody(data.message, 'create', ['message']);
        if (!starter.ok) return starter.answer;
      }
      const thread = this.engine.createThread({
        parent: channel,
        name: String(data.name),
        type,
        ownerId: this.#botId,
        autoArchiveDuration:
          typeof data.auto_archive_duration === 'number' ? data.auto_archive_duration : 1440,
        rateLimitPerUser: typeof data.rate_limit_per_user === 'number' ? data.rate_limit_per_user : 0,
        invitable: data.invitable !== false,
        starterMessage: null,
      });
      if (forum && isObject(data.message)) {
        const message = this.engine.createMessage({
          channel: thread,
          authorId: this.#botId,
          body: data.message,
          source: 'channel',
        });
        return {
          status: 201,
          body: { ...(store.toApiChannel(thread) as unknown as Json), message: this.#apiMessage(message) },
        };
      }
      return { status: 201, body: store.toApiChannel(thread) };
    });
    const threadOf = (id: string | undefined): ChannelRecord | ErrorAnswer => {
      const channel = this.#channel(id);
      if ('status' in channel) return channel;
      return channel.thread ? channel : discordErrors.wrongChannelType();
    };
    this.#add('PUT', '/channels/:channel/thread-members/@me', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      const denied = this.#botNeeds(thread);
      if (denied) return denied;
      if (thread.thread?.archived) return discordErrors.threadArchived();
      this.engine.joinThread(thread, this.#botId);
      return { status: 204 };
    });
    this.#add('DELETE', '/channels/:channel/thread-members/@me', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      this.engine.leaveThread(thread, this.#botId);
      return { status: 204 };
    });
    this.#add('PUT', '/channels/:channel/thread-members/:user', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      const denied = this.#botNeeds(thread, PermissionFlagsBits.SendMessagesInThreads);
      if (denied) return denied;
      if (thread.thread?.archived) return discordErrors.threadArchived();
      if (!store.member(thread.guildId, params.user ?? '')) return discordErrors.unknownMember();
      this.engine.joinThread(thread, params.user ?? '');
      return { status: 204 };
    });
    this.#add('DELETE', '/channels/:channel/thread-members/:user', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      const state = thread.thread;
      const ownsPrivate = thread.type === 12 && state?.ownerId === this.#botId;
      const denied = this.#botNeeds(thread, ...(ownsPrivate ? [] : [PermissionFlagsBits.ManageThreads]));
      if (denied) return denied;
      if (state?.archived) return discordErrors.threadArchived();
      if (!state?.memberJoinedAt.has(params.user ?? '')) return discordErrors.unknownMember();
      this.engine.leaveThread(thread, params.user ?? '');
      return { status: 204 };
    });
    const threadMember = (thread: ChannelRecord, userId: string): Json => ({
      id: thread.id,
      user_id: userId,
      join_timestamp: new Date(thread.thread?.memberJoinedAt.get(userId) ?? 0).toISOString(),
      flags: 0,
    });
    this.#add('GET', '/channels/:channel/thread-members/:user', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      const denied = this.#botNeeds(thread);
      if (denied) return denied;
      if (!thread.thread?.memberJoinedAt.has(params.user ?? '')) return discordErrors.unknownMember();
      return { status: 200, body: threadMember(thread, params.user ?? '') };
    });
    this.#add('GET', '/channels/:channel/thread-members', ({ params }) => {
      const thread = threadOf(params.channel);
      if ('status' in thread) return thread;
      const denied = this.#botNeeds(thread);
      if (denied) return denied;
      return {
        status: 200,
        body: [...(thread.thread?.memberJoinedAt.keys() ?? [])].map((userId) => threadMember(thread, userId)),
      };
    });
  }

  #registerGuilds(): void {
    const store = this.#store;
    const guildOf = (id: string | undefined) => {
      const guild = id ? store.guilds.get(id) : undefined;
      if (!guild) return discordErrors.unknownGuild();
      if (!store.member(guild.id, this.#botId)) return discordErrors.missingAccess();
      return guild;
    };
    this.#add('GET', '/guilds/:guild', ({ params }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      const full = store.toApiGuildCreate(guild, false) as unknown as Json;
      const { members: _members, channels: _channels, threads: _threads, ...rest } = full;
      return { status: 200, body: rest };
    });
    this.#add('GET', '/guilds/:guild/channels', ({ params }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      const channels = guild.channelIds
        .map((id) => store.channels.get(id))
        .filter((channel): channel is ChannelRecord => channel !== undefined && channel.thread === null);
      return { status: 200, body: channels.map((channel) => store.toApiChannel(channel)) };
    });
    this.#add('GET', '/guilds/:guild/threads/active', ({ params }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      const threads = guild.channelIds
        .map((id) => store.channels.get(id))
        .filter(
          (channel): channel is ChannelRecord =>
            channel?.thread !== null && channel?.thread !== undefined && !channel.thread.archived,
        );
      return {
        status: 200,
        body: { threads: threads.map((thread) => store.toApiChannel(thread)), members: [] },
      };
    });
    this.#add('GET', '/guilds/:guild/roles', ({ params }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      return {
        status: 200,
        body: guild.roleIds.flatMap((id) => {
          const role = store.roles.get(id);
          return role ? [store.toApiRole(role)] : [];
        }),
      };
    });
    this.#add('GET', '/guilds/:guild/members', ({ params, query }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? '1')));
      const after = query.get('after') ?? '0';
      const members = guild.memberIds
        .filter((id) => BigInt(id) > BigInt(after))
        .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
        .slice(0, limit)
        .flatMap((id) => {
          const member = store.member(guild.id, id);
          return member ? [store.toApiMember(member)] : [];
        });
      return { status: 200, body: members };
    });
    this.#add('GET', '/guilds/:guild/members/:user', ({ params }) => {
      const guild = guildOf(params.guild);
      if ('status' in guild) return guild;
      const member = store.member(guild.id, params.user ?? '');
      return member ? { status: 200, body: store.toApiMember(member) } : discordErrors.unknownMember();
    });
    this.#add('PATCH', '/guilds/:guild/members/:user', ({ params, body }) =>
      this.#patchMember(params.guild, params.user, body),
    );
    const roleChange = (add: boolean) => (context: RouteContext) => {
      const guild = guildOf(context.params.guild);
      if ('status' in guild) return guild;
      const member = store.member(guild.id, context.params.user ?? '');
      if (!member) return discordErrors.unknownMember();
      const role = store.roles.get(context.params.role ?? '');
      if (!role || role.guildId !== guild.id) return discordErrors.unknownRole();
      const refusal = this.#roleRefusal(guild.id, role.id);
      if (refusal) return refusal;
      const has = member.roleIds.includes(role.id);
      if (add && !has) member.roleIds.push(role.id);
      if (!add && has) member.roleIds = member.roleIds.filter((id) => id !== role.id);
      if (add !== has) this.engine.dispatchMemberUpdate(member);
      return { status: 204 };
    };
    this.#add('PUT', '/guilds/:guild/members/:user/roles/:role', roleChange(true));
    this.#add('DELETE', '/guilds/:guild/members/:user/roles/:role', roleChange(false));
  }

  /** Manage Roles plus Discord's hierarchy: the bot's highest role must be above the role. */
  #roleRefusal(guildId: string, roleId: string): ErrorAnswer | null {
    const store = this.#store;
    const bot = store.member(guildId, this.#botId);
    const role = store.roles.get(roleId);
    if (!bot || !role) return discordErrors.unknownRole();
    const base = store.basePermissions(guildId, this.#botId);
    if (!hasPermission(base, PermissionFlagsBits.ManageRoles)) return discordErrors.missingPermissions();
    if (role.managed || role.id === guildId) return discordErrors.missingPermissions();
    if (
      store.guilds.get(guildId)?.ownerId !== this.#botId &&
      role.position >= highestRolePosition(bot, store.roles)
    ) {
      return discordErrors.missingPermissions();
    }
    return null;
  }

  #patchMember(guildId: string | undefined, userId: string | undefined, body: unknown): RouteAnswer {
    const store = this.#store;
    const guild = guildId ? store.guilds.get(guildId) : undefined;
    if (!guild) return discordErrors.unknownGuild();
    const member = store.member(guild.id, userId ?? '');
    if (!member) return discordErrors.unknownMember();
    const bot = store.member(guild.id, this.#botId);
    if (!bot) return discordErrors.missingAccess();
    const check = validateMemberPatch(body, this.engine.clock.now());
    if (!check.ok) return check.answer;
    const changes = isObject(body) ? body : {};
    const base = store.basePermissions(guild.id, this.#botId);
    const outranks = highestRolePosition(bot, store.roles) > highestRolePosition(member, store.roles);
    if ('communication_disabled_until' in changes) {
      if (!hasPermission(base, PermissionFlagsBits.ModerateMembers))
        return discordErrors.missingPermissions();
      const targetIsAdmin = hasPermission(
        store.basePermissions(guild.id, member.userId),
        PermissionFlagsBits.Administrator,
      );
      if (member.userId === guild.ownerId || targetIsAdmin || !outranks)
        return discordErrors.missingPermissions();
      const until = changes.communication_disabled_until;
      const at = typeof until === 'string' ? Date.parse(until) : null;
      member.timeoutUntil = at !== null && at > this.engine.clock.now() ? at : null;
    }
    if ('nick' in changes) {
      if (
        !hasPermission(base, PermissionFlagsBits.ManageNicknames) ||
        (member.userId === guild.ownerId && member.userId !== this.#botId)
      ) {
        return discordErrors.missingPermissions();
      }
      member.nick = typeof changes.nick === 'string' && changes.nick.length > 0 ? changes.nick : null;
    }
    if (Array.isArray(changes.roles)) {
      const wanted = changes.roles.map(String);
      const changed = [
        ...wanted.filter((id) => !member.roleIds.includes(id)),
        ...member.roleIds.filter((id) => !wanted.includes(id)),
      ];
      for (const roleId of changed) {
        const role = store.roles.get(roleId);
        if (!role || role.guildId !== guild.id)
          return singleFieldError(['roles', wanted.indexOf(roleId)], 'UNKNOWN_ROLE', 'Unknown role');
        const refusal = this.#roleRefusal(guild.id, roleId);
        if (refusal) return refusal;
      }
      member.roleIds = wanted;
    }
    this.engine.dispatchMemberUpdate(member);
    return { status: 200, body: store.toApiMember(member) };
  }
}
