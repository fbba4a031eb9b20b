import type { APIEmbed } from 'discord.js';
import { classifyDiscordFailure } from '../../../platform/discord/failures.js';
import type { StoredErrorReport } from '../core/types.js';
import { buildModLogEntry } from '../messages/mod-log-entry.js';
import type { ErrorReportContext } from './context.js';

const reportColour = 0xdc2626;

export type ModLogPost = { kind: 'posted' } | { kind: 'not-posted'; reason: string };

/**
 * Posts a stored report to its server's mod-log channel when one is set, pinging nobody, and records the
 * outcome on the report. Never throws: a refusal or an outage is recorded and logged.
 */
export async function postReportToModLog(
  report: StoredErrorReport,
  story: { readonly id: string; readonly title: string },
  context: ErrorReportContext,
): Promise<ModLogPost> {
  const notPosted = (reason: string): ModLogPost => {
    context.errorReports.markPostFailed(report.id, reason);
    return { kind: 'not-posted', reason };
  };
  if (report.guildId === null) return notPosted('sent from a direct message');
  const channelId = context.settings.get(report.guildId).modLogChannelId;
  if (channelId === undefined) return notPosted('no mod-log channel set');
  const entry = buildModLogEntry(report, story);
  const embed: APIEmbed = { ...entry, footer: { text: entry.footer }, color: reportColour };
  try {
    const channel = await context.client.channels.fetch(channelId);
    if (!channel?.isSendable() || channel.isDMBased() || channel.guildId !== report.guildId)
      return notPosted('the mod-log channel is not a text channel of this server');
    const message = await channel.send({ embeds: [embed], allowedMentions: { parse: [] } });
    context.errorReports.markPosted(report.id, message.id);
    return { kind: 'posted' };
  } catch (error) {
    const failure = classifyDiscordFailure(error);
    context.logger.warn(
      { err: error, guildId: report.guildId, channelId, reportId: report.id },
      'could not post an error report to the mod log',
    );
    return notPosted(failure.detail);
  }
}
