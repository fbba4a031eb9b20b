import type { Client } from 'discord.js';

export type ModLogSend = { kind: 'sent'; messageId: string } | { kind: 'not-text-channel' };

/** Posts a line to a server's mod-log channel, mentioning nobody; Discord errors propagate. */
export async function sendToModLog(
  client: Client,
  target: { guildId: string; channelId: string },
  content: string,
): Promise<ModLogSend> {
  const channel = await client.channels.fetch(target.channelId);
  if (!channel?.isSendable() || channel.isDMBased() || channel.guildId !== target.guildId)
    return { kind: 'not-text-channel' };
  const message = await channel.send({ content, allowedMentions: { parse: [] } });
  return { kind: 'sent', messageId: message.id };
}
