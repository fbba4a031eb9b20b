import { type Client, type GuildTextBasedChannel, type Message, RESTJSONErrorCodes } from 'discord.js';
import { classifyDiscordFailure, hasDiscordCode } from '../../../platform/discord/failures.js';
import { notATextChannel, postFailureOf } from '../messages/failure-reasons.js';
import { answerCustomIdPrefix, roundMarker } from '../messages/quiz-ids.js';
import type { QuizChannel, QuizChannels } from '../use-cases/quiz-channels.js';
import { discordEdit, discordMessage } from './payloads.js';
import {
  missingChannelPermissions,
  quizPostingPermissions,
  quizRecoveryPermissions,
} from './quiz-permissions.js';

/** How far back a round's message is looked for. */
const searchDepth = 50;

function failed(error: unknown) {
  return { kind: 'failed', failure: postFailureOf(classifyDiscordFailure(error)), error } as const;
}

/** The bot's question (with answer buttons) or results message of the round. */
function isRoundMessage(
  client: Client,
  message: Message,
  roundId: number,
  kind: 'question' | 'results',
): boolean {
  if (message.author.id !== client.user?.id) return false;
  const footer = message.embeds[0]?.footer?.text ?? '';
  if (!footer.endsWith(roundMarker(roundId))) return false;
  const answerPrefix = answerCustomIdPrefix(roundId);
  const hasButtons = message.components.some((row) =>
    'components' in row
      ? row.components.some((part) => 'customId' in part && part.customId?.startsWith(answerPrefix))
      : false,
  );
  return kind === 'question' ? hasButtons : !hasButtons;
}

function quizChannel(client: Client, channel: GuildTextBasedChannel): QuizChannel {
  return {
    name: channel.name,
    missingPostingPermissions: () => missingChannelPermissions(channel, quizPostingPermissions),
    async findRoundMessage(roundId, kind) {
      if (missingChannelPermissions(channel, quizRecoveryPermissions).length > 0)
        return { kind: 'ok', value: undefined };
      try {
        const recent = await channel.messages.fetch({ limit: searchDepth, cache: false });
        const found = recent.find((message) => isRoundMessage(client, message, roundId, kind));
        return { kind: 'ok', value: found && { id: found.id, createdAt: found.createdTimestamp } };
      } catch (error) {
        return failed(error);
      }
    },
    async send(message, nonce) {
      try {
        const sent = await channel.send({ ...discordMessage(message), nonce, enforceNonce: true });
        return { kind: 'ok', value: { id: sent.id, createdAt: sent.createdTimestamp } };
      } catch (error) {
        return failed(error);
      }
    },
    async edit(messageId, edit) {
      try {
        await channel.messages.edit(messageId, discordEdit(edit));
        return { kind: 'ok', value: undefined };
      } catch (error) {
        if (hasDiscordCode(error, RESTJSONErrorCodes.UnknownMessage)) return { kind: 'deleted', error };
        return failed(error);
      }
    },
  };
}

/** The quiz's way to Discord over the bot's client. */
export function createQuizChannels(client: Client): QuizChannels {
  return {
    async open(channelId) {
      let channel = client.channels.cache.get(channelId) ?? null;
      if (!channel) {
        try {
          channel = await client.channels.fetch(channelId);
        } catch (error) {
          return failed(error);
        }
      }
      if (!channel || channel.isDMBased() || !channel.isTextBased())
        return { kind: 'failed', failure: notATextChannel, error: null };
      return { kind: 'ok', value: quizChannel(client, channel) };
    },
    cached(channelId) {
      const channel = client.channels.cache.get(channelId);
      if (!channel || channel.isDMBased() || !channel.isTextBased()) return undefined;
      return quizChannel(client, channel);
    },
    hasGuild: (guildId) => client.guilds.cache.has(guildId),
  };
}
