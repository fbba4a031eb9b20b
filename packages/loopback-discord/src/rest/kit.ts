import { PermissionFlagsBits } from 'discord.js';
import { noUploads, type UploadAttachments, type UploadedFile } from '../attachments.js';
import type { LoopbackEngine } from '../engine.js';
import { discordErrors, type ErrorAnswer } from '../errors.js';
import type { InteractionHub } from '../interactions/hub.js';
import type { ChannelRecord, MessageRecord } from '../model.js';
import { hasPermission } from '../permissions.js';
import type { LoopbackStore } from '../store.js';

export interface RestOptions {
  gatewayUrl: () => string;
  cdnUrl: () => string;
}

/** What every route module shares: the engine, the interactions, and the lookups and permission checks of the bot. */
export class RouteKit {
  constructor(
    readonly engine: LoopbackEngine,
    readonly hub: InteractionHub,
    readonly options: RestOptions,
  ) {}

  get store(): LoopbackStore {
    return this.engine.store;
  }

  get botId(): string {
    return this.engine.botId;
  }

  channel(id: string | undefined): ChannelRecord | ErrorAnswer {
    const channel = id ? this.store.channels.get(id) : undefined;
    return channel ?? discordErrors.unknownChannel();
  }

  /** 50001 when the bot cannot view the channel, 50013 when it lacks any of `required`. */
  botNeeds(channel: ChannelRecord, ...required: bigint[]): ErrorAnswer | null {
    const permissions = this.store.channelPermissions(channel, this.botId);
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel)) return discordErrors.missingAccess();
    for (const permission of required) {
      if (!hasPermission(permissions, permission)) return discordErrors.missingPermissions();
    }
    return null;
  }

  botHas(channel: ChannelRecord, permission: bigint): boolean {
    return hasPermission(this.store.channelPermissions(channel, this.botId), permission);
  }

  /** The channel, if it exists and the bot can view it with `required`. */
  channelForBot(id: string | undefined, ...required: bigint[]): ChannelRecord | ErrorAnswer {
    const channel = this.channel(id);
    if ('status' in channel) return channel;
    return this.botNeeds(channel, ...required) ?? channel;
  }

  /** A message of the channel everyone can see (not deleted, not ephemeral). */
  message(channel: ChannelRecord, id: string | undefined): MessageRecord | ErrorAnswer {
    const message = id ? this.store.messages.get(id) : undefined;
    if (!message || message.deleted || message.channelId !== channel.id || message.visibleTo !== null) {
      return discordErrors.unknownMessage();
    }
    return message;
  }

  /** The channel and message of `/channels/:channel/messages/:message`, if the bot can view the channel with `required`. */
  channelMessage(
    params: Record<string, string>,
    ...required: bigint[]
  ): { channel: ChannelRecord; message: MessageRecord } | ErrorAnswer {
    const channel = this.channelForBot(params.channel, ...required);
    if ('status' in channel) return channel;
    const message = this.message(channel, params.message);
    return 'status' in message ? message : { channel, message };
  }

  /** Attachments for the files of a request, made (and their bytes kept) only when the request is accepted. */
  uploads(files: readonly UploadedFile[]): UploadAttachments {
    if (files.length === 0) return noUploads;
    return (channelId, ephemeral, body) =>
      this.store.attachmentFiles.create(files, body, {
        nextId: () => this.store.ids.next(),
        cdnUrl: this.options.cdnUrl(),
        channelId,
        ephemeral,
      });
  }

  apiMessage(message: MessageRecord): unknown {
    return this.store.toApiMessage(message, { withGuildFields: false });
  }
}
