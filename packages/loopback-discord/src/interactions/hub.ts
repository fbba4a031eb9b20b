import { randomBytes } from 'node:crypto';
import { attachmentsAfterEdit, noUploads, type UploadAttachments } from '../attachments.js';
import type { LoopbackClock } from '../clock.js';
import {
  buildSlashInvocation,
  LoopbackUsageError,
  type OptionLookup,
  type SlashOptionValue,
} from '../commands.js';
import type { LoopbackEngine } from '../engine.js';
import { discordErrors, type ErrorAnswer } from '../errors.js';
import type { Json } from '../json.js';
import type { ChannelRecord, CommandRecord, MessageRecord } from '../model.js';
import type { LoopbackStore } from '../store.js';
import type { AutocompleteChoice, LoopbackModal } from '../types.js';
import { validateEditedMessage } from '../validation/messages.js';
import { ephemeralFlag } from '../views.js';

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

/**
 * Creates interactions and keeps their records. The bot's answers are handled in `callback.ts`
 * (interaction callbacks) and `webhooks.ts` (the original response and follow-ups); what a
 * member sees of them in `outcomes.ts`.
 */
export class InteractionHub {
  readonly records = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  constructor(
    readonly store: LoopbackStore,
    readonly engine: LoopbackEngine,
    readonly clock: LoopbackClock,
  ) {}

  /** Tells whoever waits on the interaction that something happened. */
  notify(record: InteractionRecord): void {
    for (const listener of [...record.listeners]) listener();
  }

  /** Records a refused request about the interaction and returns the refusal. */
  refuse(record: InteractionRecord | undefined, route: string, answer: ErrorAnswer): ErrorAnswer {
    if (record) {
      record.refusals.push({ route, status: answer.status, body: answer.body });
      this.notify(record);
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
  commandsFor(guildId: string): CommandRecord[] {
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

  /** Posts the bot's response or follow-up to an interaction, ephemeral if the flags say so. */
  createResponseMessage(
    record: InteractionRecord,
    body: Json,
    extraFlags: number,
    uploads: UploadAttachments = noUploads,
  ): MessageRecord | ErrorAnswer {
    const channel = this.store.channels.get(record.channelId);
    if (!channel) return discordErrors.unknownChannel();
    const flags = (typeof body.flags === 'number' ? body.flags : 0) | extraFlags;
    const ephemeral = (flags & ephemeralFlag) !== 0;
    return this.engine.createMessage({
      attachments: uploads(channel.id, ephemeral, body),
      channel,
      authorId: this.store.botUser.id,
      body: { ...body, message_reference: undefined },
      source: 'interaction',
      type: this.#messageType(record),
      visibleTo: ephemeral ? record.userId : null,
      interaction: {
        id: record.id,
        type: record.type,
        name: record.commandName,
        userId: record.userId,
        commandType: record.commandType,
      },
      webhookId: this.store.applicationId,
      extraFlags,
    });
  }

  /** Applies an edit body (and uploaded files) to a message, refusing if the result would be empty. */
  applyEdit(message: MessageRecord, body: Json, uploads: UploadAttachments = noUploads): ErrorAnswer | null {
    const content =
      'content' in body ? (typeof body.content === 'string' ? body.content : '') : message.content;
    const embeds = 'embeds' in body ? (Array.isArray(body.embeds) ? body.embeds : []) : message.embeds;
    const components =
      'components' in body ? (Array.isArray(body.components) ? body.components : []) : message.components;
    const uploaded = uploads(message.channelId, message.visibleTo !== null, body);
    const attachments = attachmentsAfterEdit(message.attachments, body, uploaded) ?? message.attachments;
    const check = validateEditedMessage(content, embeds, components, attachments);
    if (!check.ok) return check.answer;
    this.engine.editMessage(message, body, 'interaction', uploaded);
    return null;
  }
}
