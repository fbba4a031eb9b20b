import { randomBytes } from 'node:crypto';
import type { LoopbackClock } from './clock.js';
import {
  buildSlashInvocation,
  LoopbackUsageError,
  type OptionLookup,
  type SlashOptionValue,
} from './commands.js';
import type { LoopbackEngine } from './engine.js';
import { discordErrors, type ErrorAnswer, FormErrors } from './errors.js';
import type { ChannelRecord, MessageRecord } from './model.js';
import type { LoopbackStore } from './store.js';
import type { AutocompleteChoice, LoopbackMessage, LoopbackModal } from './types.js';
import {
  validateAutocompleteData,
  validateEditedMessage,
  validateMessageBody,
  validateModalData,
} from './validation.js';
import { ephemeralFlag, loadingFlag, toLoopbackMessage, toLoopbackModal } from './views.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const interactionTypes = { command: 2, component: 3, autocomplete: 4, modalSubmit: 5 } as const;
export const acknowledgeWindowMs = 3_000;
export const tokenLifetimeMs = 15 * 60_000;

/** An interaction the server sent to the bot, and what the bot did with it. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  /** Human label for messages: `/summary`, `button "Next"`, `modal report`. */
  label: string;
  commandName: string | null;
  commandType: number | null;
  userId: string;
  guildId: string;
  channelId: string;
  createdAt: number;
  sourceMessageId: string | null;
  responseType: number | null;
  acknowledgedAt: number | null;
  originalMessageId: string | null;
  followUpIds: string[];
  choices: AutocompleteChoice[] | null;
  modal: { view: LoopbackModal; raw: Json } | null;
  /** Requests about this interaction the server refused (status and body). */
  refusals: { route: string; status: number; body: unknown }[];
  listeners: Set<() => void>;
}

/** What the bot's answer to an interaction amounts to, from the member's point of view. */
export type InteractionOutcome =
  | { kind: 'message'; message: LoopbackMessage }
  | { kind: 'modal'; modal: LoopbackModal }
  | { kind: 'choices'; choices: AutocompleteChoice[] };

export interface OutcomeTimeouts {
  /** Wall-clock ms to wait for an acknowledgement (default 3 500). */
  acknowledgeMs: number;
  /** Wall-clock ms to wait for the edit after a deferred reply (default 5 000). */
  replyMs: number;
  /** Wall-clock ms to wait for an edit after a deferred update before returning the message as is (default 300). */
  settleMs: number;
}

/** An HTTP answer from an interaction route. */
export type RouteAnswer = { status: number; body?: unknown } | ErrorAnswer;

export interface InteractionStart {
  type: number;
  userId: string;
  channel: ChannelRecord;
  label: string;
  data: Json;
  commandName?: string | null;
  commandType?: number | null;
  sourceMessage?: MessageRecord | null;
}

/** Creates interactions, answers their callbacks and webhook routes, and waits for outcomes. */
export class InteractionHub {
  readonly records = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly store: LoopbackStore,
    private readonly engine: LoopbackEngine,
    private readonly clock: LoopbackClock,
  ) {}

  #notify(record: InteractionRecord): void {
    for (const listener of [...record.listeners]) listener();
  }

  refuse(record: InteractionRecord | undefined, route: string, answer: ErrorAnswer): ErrorAnswer {
    if (record) {
      record.refusals.push({ route, status: answer.status, body: answer.body });
      this.#notify(record);
    }
    return answer;
  }

  optionLookup(guildId: string): OptionLookup {
    const store = this.store;
    const guild = store.guilds.get(guildId);
    return {
      guildId,
      user: (reference) => {
        const byId = store.users.get(reference);
        if (byId) return byId;
        const memberIds = guild?.memberIds ?? [];
        return memberIds
          .map((id) => store.users.get(id))
          .find(
            (user) => user !== undefined && (user.username === reference || user.globalName === reference),
          );
      },
      member: (userId) => store.member(guildId, userId),
      role: (reference) =>
        (store.roles.get(reference)?.guildId === guildId ? store.roles.get(reference) : undefined) ??
        (guild?.roleIds ?? []).map((id) => store.roles.get(id)).find((role) => role?.name === reference),
      channel: (reference) =>
        (store.channels.get(reference)?.guildId === guildId ? store.channels.get(reference) : undefined) ??
        (guild?.channelIds ?? [])
          .map((id) => store.channels.get(id))
          .find((channel) => channel?.name === reference),
      apiUser: (user) => store.toApiUser(user),
      apiMember: (member) => ({
        ...store.toApiPartialMember(member),
        permissions: store.basePermissions(guildId, member.userId).toString(),
      }),
      apiRole: (role) => store.toApiRole(role),
      apiChannel: (channel) => ({
        ...(store.toApiChannel(channel) as unknown as Json),
        permissions: store.channelPermissions(channel, store.botUser.id).toString(),
      }),
    };
  }

  buildChatInput(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    guildId: string,
    focused?: { option: string; text: string },
  ) {
    const commands = this.commandsFor(guildId);
    return buildSlashInvocation(commands, path, values, this.optionLookup(guildId), focused);
  }

  /** Guild commands first, then global ones, as the client shows them. */
  commandsFor(guildId: string) {
    const all = [...this.store.commands.values()];
    return [
      ...all.filter((command) => command.guildId === guildId),
      ...all.filter((command) => command.guildId === null),
    ];
  }

  /** Creates and dispatches an INTERACTION_CREATE. */
  start(input: InteractionStart): InteractionRecord {
    const store = this.store;
    const { channel, userId } = input;
    const member = store.member(channel.guildId, userId);
    const user = store.users.get(userId);
    if (!member || !user)
      throw new LoopbackUsageError(`user ${userId} is not a member of the channel's guild`);
    const record: InteractionRecord = {
      id: store.ids.next(),
      token: `${randomBytes(24).toString('base64url')}`,
      type: input.type,
      label: input.label,
      commandName: input.commandName ?? null,
      commandType: input.commandType ?? null,
      userId,
      guildId: channel.guildId,
      channelId: channel.id,
      createdAt: this.clock.now(),
      sourceMessageId: input.sourceMessage?.id ?? null,
      responseType: null,
      acknowledgedAt: null,
      originalMessageId: null,
      followUpIds: [],
      choices: null,
      modal: null,
      refusals: [],
      listeners: new Set(),
    };
    this.records.set(record.id, record);
    this.#byToken.set(record.token, record);
    const memberPermissions = store.channelPermissions(channel, userId);
    const payload: Json = {
      id: record.id,
      application_id: store.applicationId,
      type: input.type,
      data: input.data,
      guild_id: channel.guildId,
      guild: { id: channel.guildId, locale: 'en-US', features: [] },
      channel: {
        ...(store.toApiChannel(channel) as unknown as Json),
        permissions: memberPermissions.toString(),
      },
      channel_id: channel.id,
      member: { ...store.toApiMember(member), permissions: memberPermissions.toString() },
      token: record.token,
      version: 1,
      app_permissions: store.channelPermissions(channel, store.botUser.id).toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': channel.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (input.sourceMessage)
      payload.message = store.toApiMessage(input.sourceMessage, { withGuildFields: false });
    this.engine.gateway.dispatch('INTERACTION_CREATE', payload);
    return record;
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }

  #messageType(record: InteractionRecord): number {
    if (record.type === interactionTypes.command) return record.commandType === 1 ? 20 : 23;
    return record.sourceMessageId ? 19 : 0;
  }

  #origin(record: InteractionRecord) {
    return {
      id: record.id,
      type: record.type,
      name: record.commandName,
      userId: record.userId,
      commandType: record.commandType,
    };
  }

  #createResponseMessage(
    record: InteractionRecord,
    body: Json,
    extraFlags: number,
  ): MessageRecord | ErrorAnswer {
    const channel = this.store.channels.get(record.channelId);
    if (!channel) return discordErrors.unknownChannel();
    const flags = (typeof body.flags === 'number' ? body.flags : 0) | extraFlags;
    const ephemeral = (flags & ephemeralFlag) !== 0;
    return this.engine.createMessage({
      channel,
      authorId: this.store.botUser.id,
      body: { ...body, message_reference: undefined },
      source: 'interaction',
      type: this.#messageType(record),
      visibleTo: ephemeral ? record.userId : null,
      interaction: this.#origin(record),
      webhookId: this.store.applicationId,
      extraFlags,
    });
  }

  /** `POST /interactions/:id/:token/callback`. */
  callback(interactionId: string, token: string, body: unknown, withResponse: boolean): RouteAnswer {
    const route = 'POST /interactions/:interaction/:token/callback';
    const record = this.records.get(interactionId);
    if (!record || record.token !== token)
      return this.refuse(record, route, discordErrors.unknownInteraction());
    if (record.responseType !== null) return this.refuse(record, route, discordErrors.alreadyAcknowledged());
    if (this.clock.now() - record.createdAt > acknowledgeWindowMs) {
      return this.refuse(record, route, discordErrors.unknownInteraction());
    }
    if (!isObject(body) || typeof body.type !== 'number') {
      const errors = new FormErrors();
      errors.required(['type']);
      return this.refuse(record, route, errors.toAnswer());
    }
    const type = body.type;
    const data = isObject(body.data) ? body.data : {};
    const allowed = this.#allowedResponseTypes(record);
    if (!allowed.includes(type)) {
      const errors = new FormErrors();
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
      return this.refuse(record, route, errors.toAnswer());
    }
    let resourceMessage: MessageRecord | null = null;
    switch (type) {
      case 4: {
        const check = validateMessageBody(data, 'create', ['data']);
        if (!check.ok) return this.refuse(record, route, check.answer);
        const created = this.#createResponseMessage(record, data, 0);
        if ('status' in created) return this.refuse(record, route, created);
        record.originalMessageId = created.id;
        resourceMessage = created;
        break;
      }
      case 5: {
        const flags = typeof data.flags === 'number' ? data.flags & ephemeralFlag : 0;
        const created = this.#createResponseMessage(record, { content: '', flags }, loadingFlag);
        if ('status' in created) return this.refuse(record, route, created);
        record.originalMessageId = created.id;
        resourceMessage = created;
        break;
      }
      case 6:
        record.originalMessageId = record.sourceMessageId;
        break;
      case 7: {
        const check = validateMessageBody(data, 'edit', ['data']);
        if (!check.ok) return this.refuse(record, route, check.answer);
        const source = record.sourceMessageId ? this.store.messages.get(record.sourceMessageId) : undefined;
        if (!source || source.deleted) return this.refuse(record, route, discordErrors.unknownMessage());
        const result = this.#applyEdit(source, data);
        if (result) return this.refuse(record, route, result);
        record.originalMessageId = source.id;
        resourceMessage = source;
        break;
      }
      case 8: {
        const check = validateAutocompleteData(data);
        if (!check.ok) return this.refuse(record, route, check.answer);
        record.choices = (Array.isArray(data.choices) ? data.choices : []).filter(isObject).map((choice) => ({
          name: String(choice.name),
          value: typeof choice.value === 'number' ? choice.value : String(choice.value),
        }));
        break;
      }
      case 9: {
        const check = validateModalData(data);
        if (!check.ok) return this.refuse(record, route, check.answer);
        record.modal = {
          view: toLoopbackModal(data, {
            interactionId: record.id,
            sourceMessageId: record.sourceMessageId,
            channelId: record.channelId,
          }),
          raw: structuredClone(data),
        };
        break;
      }
      default:
        return this.refuse(record, route, discordErrors.unknownInteraction());
    }
    record.responseType = type;
    record.acknowledgedAt = this.clock.now();
    this.#notify(record);
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.type,
          ...(resourceMessage
            ? {
                response_message_id: resourceMessage.id,
                response_message_loading: (resourceMessage.flags & loadingFlag) !== 0,
                response_message_ephemeral: (resourceMessage.flags & ephemeralFlag) !== 0,
              }
            : {}),
        },
        resource: {
          type,
          ...(resourceMessage
            ? { message: this.store.toApiMessage(resourceMessage, { withGuildFields: false }) }
            : {}),
        },
      },
    };
  }

  #allowedResponseTypes(record: InteractionRecord): number[] {
    switch (record.type) {
      case interactionTypes.command:
        return [4, 5, 9];
      case interactionTypes.component:
        return [4, 5, 6, 7, 9];
      case interactionTypes.autocomplete:
        return [8];
      case interactionTypes.modalSubmit:
        return record.sourceMessageId ? [4, 5, 6, 7] : [4, 5];
      default:
        return [];
    }
  }

  /** Applies an edit body to a message, refusing if the result would be empty. */
  #applyEdit(message: MessageRecord, body: Json): ErrorAnswer | null {
    const content =
      'content' in body ? (typeof body.content === 'string' ? body.content : '') : message.content;
    const embeds = 'embeds' in body ? (Array.isArray(body.embeds) ? body.embeds : []) : message.embeds;
    const components =
      'components' in body ? (Array.isArray(body.components) ? body.components : []) : message.components;
    const attachments = Array.isArray(body.attachments) ? body.attachments : message.attachments;
    const check = validateEditedMessage(content, embeds, components, attachments);
    if (!check.ok) return check.answer;
    this.engine.editMessage(message, body, 'interaction');
    return null;
  }

  /** Resolves the interaction for a webhook route, or the answer Discord gives for a bad one. */
  #forWebhook(applicationId: string, token: string, route: string): InteractionRecord | ErrorAnswer {
    if (applicationId !== this.store.applicationId) return discordErrors.unknownWebhook();
    const record = this.#byToken.get(token);
    if (!record) return discordErrors.invalidWebhookToken();
    if (this.clock.now() - record.createdAt > tokenLifetimeMs)
      return this.refuse(record, route, discordErrors.invalidWebhookToken());
    return record;
  }

  #webhookMessage(record: InteractionRecord, messageId: string): MessageRecord | null {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    if (!id) return null;
    if (id !== record.originalMessageId && !record.followUpIds.includes(id)) return null;
    const message = this.store.messages.get(id);
    return message && !message.deleted ? message : null;
  }

  getWebhookMessage(applicationId: string, token: string, messageId: string): RouteAnswer {
    const route = 'GET /webhooks/:application/:token/messages/:message';
    const record = this.#forWebhook(applicationId, token, route);
    if ('status' in record) return record;
    const message = this.#webhookMessage(record, messageId);
    if (!message) return this.refuse(record, route, discordErrors.unknownMessage());
    return { status: 200, body: this.store.toApiMessage(message, { withGuildFields: false }) };
  }

  editWebhookMessage(applicationId: string, token: string, messageId: string, body: unknown): RouteAnswer {
    const route = 'PATCH /webhooks/:application/:token/messages/:message';
    const record = this.#forWebhook(applicationId, token, route);
    if ('status' in record) return record;
    const message = this.#webhookMessage(record, messageId);
    if (!message) return this.refuse(record, route, discordErrors.unknownMessage());
    const check = validateMessageBody(body, 'edit');
    if (!check.ok) return this.refuse(record, route, check.answer);
    const failure = this.#applyEdit(message, isObject(body) ? body : {});
    if (failure) return this.refuse(record, route, failure);
    this.#notify(record);
    return { status: 200, body: this.store.toApiMessage(message, { withGuildFields: false }) };
  }

  deleteWebhookMessage(applicationId: string, token: string, messageId: string): RouteAnswer {
    const route = 'DELETE /webhooks/:application/:token/messages/:message';
    const record = this.#forWebhook(applicationId, token, route);
    if ('status' in record) return record;
    const message = this.#webhookMessage(record, messageId);
    if (!message) return this.refuse(record, route, discordErrors.unknownMessage());
    this.engine.deleteMessage(message);
    this.#notify(record);
    return { status: 204 };
  }

  followUp(applicationId: string, token: string, body: unknown): RouteAnswer {
    const route = 'POST /webhooks/:application/:token';
    const record = this.#forWebhook(applicationId, token, route);
    if ('status' in record) return record;
    if (record.responseType === null) return this.refuse(record, route, discordErrors.unknownWebhook());
    const check = validateMessageBody(body, 'create');
    if (!check.ok) return this.refuse(record, route, check.answer);
    const data = isObject(body) ? body : {};
    const original = record.originalMessageId ? this.store.messages.get(record.originalMessageId) : undefined;
    if (record.responseType === 5 && original && (original.flags & loadingFlag) !== 0) {
      this.engine.editMessage(original, { ...data, flags: undefined }, 'interaction');
      this.#notify(record);
      return { status: 200, body: this.store.toApiMessage(original, { withGuildFields: false }) };
    }
    const created = this.#createResponseMessage(record, data, 0);
    if ('status' in created) return this.refuse(record, route, created);
    record.followUpIds.push(created.id);
    this.#notify(record);
    return { status: 200, body: this.store.toApiMessage(created, { withGuildFields: false }) };
  }

  /** The outcome so far, or `null` while the bot has not (fully) answered. */
  #currentOutcome(record: InteractionRecord, settled: boolean): InteractionOutcome | null {
    const messageView = (id: string | null | undefined): InteractionOutcome | null => {
      const message = id ? this.store.messages.get(id) : undefined;
      return message ? { kind: 'message', message: toLoopbackMessage(this.store, message) } : null;
    };
    switch (record.responseType) {
      case 4:
      case 7:
        return messageView(record.originalMessageId);
      case 5: {
        const original = record.originalMessageId
          ? this.store.messages.get(record.originalMessageId)
          : undefined;
        if (original && ((original.flags & loadingFlag) === 0 || original.deleted))
          return messageView(original.id);
        return record.followUpIds.length > 0 ? messageView(record.followUpIds[0]) : null;
      }
      case 6: {
        const source = record.sourceMessageId ? this.store.messages.get(record.sourceMessageId) : undefined;
        if (record.followUpIds.length > 0) return messageView(record.followUpIds[0]);
        if (
          source &&
          source.editedAt !== null &&
          record.acknowledgedAt !== null &&
          source.editedAt >= record.acknowledgedAt
        ) {
          return messageView(source.id);
        }
        return settled ? messageView(source?.id) : null;
      }
      case 8:
        return { kind: 'choices', choices: record.choices ?? [] };
      case 9:
        return record.modal ? { kind: 'modal', modal: structuredClone(record.modal.view) } : null;
      default:
        return null;
    }
  }

  /** Waits until the bot answered the interaction as a member would see it (following defer then edit). */
  awaitOutcome(record: InteractionRecord, timeouts: OutcomeTimeouts): Promise<InteractionOutcome> {
    return new Promise<InteractionOutcome>((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      let done = false;
      let settled = false;
      let replyTimersArmed = false;
      const finish = (): void => {
        done = true;
        record.listeners.delete(onChange);
        for (const timer of timers) clearTimeout(timer);
      };
      const fail = (problem: string): void => {
        if (done) return;
        finish();
        const refusals = record.refusals
          .map(
            (refusal) => `\n  ${refusal.route} answered ${refusal.status}: ${JSON.stringify(refusal.body)}`,
          )
          .join('');
        reject(new Error(`${record.label}: ${problem}${refusals}`));
      };
      const onChange = (): void => {
        if (done) return;
        if (record.responseType !== null && !replyTimersArmed) {
          replyTimersArmed = true;
          if (record.responseType === 6) {
            timers.push(
              setTimeout(() => {
                settled = true;
                onChange();
              }, timeouts.settleMs),
            );
          }
          timers.push(
            setTimeout(
              () =>
                fail(
                  `the bot acknowledged (type ${String(record.responseType)}) but did not answer within ${timeouts.replyMs} ms`,
                ),
              timeouts.replyMs,
            ),
          );
        }
        const outcome = this.#currentOutcome(record, settled);
        if (outcome) {
          finish();
          resolve(outcome);
          return;
        }
        const refusedWith = (code: number) =>
          record.refusals.some((refusal) => (refusal.body as { code?: number }).code === code);
        if (record.responseType === null && refusedWith(10062)) {
          fail('the interaction expired before the bot acknowledged it');
        } else if (refusedWith(50027)) {
          fail('the interaction token expired (15 minutes) before the bot answered');
        }
      };
      record.listeners.add(onChange);
      timers.push(
        setTimeout(() => {
          if (record.responseType === null)
            fail(`the bot did not acknowledge within ${timeouts.acknowledgeMs} ms`);
        }, timeouts.acknowledgeMs),
      );
      onChange();
    });
  }
}
