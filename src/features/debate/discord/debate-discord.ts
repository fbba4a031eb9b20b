import {
  ChannelType,
  type Client,
  type Guild,
  type MessageCreateOptions,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
} from 'discord.js';
import { classifyDiscordFailure, hasDiscordCode } from '../../../platform/discord/failures.js';
import type {
  DebateDiscord,
  DebateGuild,
  DebatePost,
  DebateThread,
  DiscordFailed,
  DiscordResult,
} from '../use-cases/debate-discord.js';
import { stanceButtons } from './components.js';

function failed(error: unknown): DiscordFailed {
  return { kind: 'failed', failure: classifyDiscordFailure(error), error };
}

/** Runs one request; what it throws comes back classified. */
async function request<T>(work: () => Promise<T>): Promise<DiscordResult<T>> {
  try {
    return { kind: 'ok', value: await work() };
  } catch (error) {
    return failed(error);
  }
}

const done = () => undefined;

function discordPost(message: DebatePost): MessageCreateOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    ...(message.embeds === undefined ? {} : { embeds: message.embeds }),
    ...(message.nonce === undefined ? {} : { nonce: message.nonce, enforceNonce: true }),
    ...(message.mentionNobody ? { allowedMentions: { parse: [] } } : {}),
  };
}

function debateThread(thread: ThreadChannel): DebateThread {
  return {
    id: thread.id,
    get moderation() {
      return { slowmodeSeconds: thread.rateLimitPerUser ?? 0, locked: thread.locked ?? false };
    },
    get archived() {
      return thread.archived ?? false;
    },
    edit: (edit) =>
      request(() =>
        thread
          .edit({
            ...(edit.slowmodeSeconds === undefined ? {} : { rateLimitPerUser: edit.slowmodeSeconds }),
            ...(edit.locked === undefined ? {} : { locked: edit.locked }),
            ...(edit.archived === undefined ? {} : { archived: edit.archived }),
            reason: edit.reason,
          })
          .then(done),
      ),
    post: (message) => request(async () => (await thread.send(discordPost(message))).id),
    postCard: (card) =>
      request(
        async () =>
          (await thread.send({ embeds: [card.embed], components: [stanceButtons(card.debateId)] })).id,
      ),
    editCard: (messageId, card) =>
      request(() =>
        thread.messages
          .edit(messageId, {
            embeds: [card.embed],
            components: [stanceButtons(card.debateId, card.closed)],
          })
          .then(done),
      ),
    pin: (messageId, reason) => request(() => thread.messages.pin(messageId, reason).then(done)),
    async removeMember(userId) {
      try {
        await thread.members.remove(userId);
        return { kind: 'ok', value: 'removed' };
      } catch (error) {
        if (hasDiscordCode(error, RESTJSONErrorCodes.UnknownMember))
          return { kind: 'ok', value: 'not-in-thread' };
        return failed(error);
      }
    },
  };
}

function debateGuild(guild: Guild): DebateGuild {
  return {
    id: guild.id,
    name: guild.name,
    timeOut: (userId, until, reason) =>
      request(() =>
        guild.members.edit(userId, { communicationDisabledUntil: new Date(until), reason }).then(done),
      ),
  };
}

/** A member who cannot be sent a direct message: DMs closed, or the user gone or out of reach. */
function cannotMessage(error: unknown): boolean {
  const failure = classifyDiscordFailure(error);
  return (
    hasDiscordCode(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser) ||
    failure.kind === 'gone' ||
    failure.kind === 'forbidden'
  );
}

/** The debate feature's way to Discord over the bot's client. */
export function createDebateDiscord(client: Client): DebateDiscord {
  return {
    openTextChannel: (channelId) =>
      request(async () => {
        const parent = await client.channels.fetch(channelId);
        if (parent?.type !== ChannelType.GuildText) return undefined;
        return {
          id: parent.id,
          createThread: (thread) =>
            request(async () =>
              debateThread(
                await parent.threads.create({
                  name: thread.name,
                  type: ChannelType.PublicThread,
                  autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
                  reason: thread.reason,
                }),
              ),
            ),
        };
      }),
    openThread: (threadId) =>
      request(async () => {
        const channel = await client.channels.fetch(threadId, { force: true });
        return channel?.isThread() ? debateThread(channel) : undefined;
      }),
    postInChannel: (channelId, message) =>
      request(async () => {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isSendable()) return 'not-sendable' as const;
        await channel.send(discordPost(message));
        return 'posted' as const;
      }),
    postToModLog: (guildId, channelId, content) =>
      request(async () => {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isSendable() || channel.isDMBased() || channel.guildId !== guildId)
          return { kind: 'not-text-channel' } as const;
        const message = await channel.send({ content, allowedMentions: { parse: [] } });
        return { kind: 'sent', messageId: message.id } as const;
      }),
    async findThreadMessage(threadId, messageId) {
      const thread = await client.channels.fetch(threadId).catch(() => null);
      const message = thread?.isThread() ? await thread.messages.fetch(messageId).catch(() => null) : null;
      if (!message) return undefined;
      return {
        id: message.id,
        channelId: message.channelId,
        authorId: message.author.id,
        authorIsBot: message.author.bot,
      };
    },
    async findMessage(guildId, channelId, messageId) {
      const channel = await client.channels.fetch(channelId).catch(() => null);
      if (!channel || channel.isDMBased() || channel.guildId !== guildId || !channel.isTextBased())
        return { kind: 'channel-gone' };
      const message = await channel.messages.fetch(messageId).catch(() => null);
      if (!message) return { kind: 'message-gone' };
      return {
        kind: 'found',
        message: {
          id: message.id,
          channelId: channel.id,
          authorId: message.author.id,
          authorIsBot: message.author.bot,
        },
      };
    },
    openGuild: (guildId) => request(async () => debateGuild(await client.guilds.fetch(guildId))),
    async sendDirectMessage(userId, content) {
      try {
        await client.users.send(userId, { content, allowedMentions: { parse: [] } });
        return { kind: 'ok', value: undefined };
      } catch (error) {
        return cannotMessage(error) ? { kind: 'closed' } : failed(error);
      }
    },
  };
}
