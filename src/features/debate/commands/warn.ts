import { PermissionFlagsBits, SlashCommandSubcommandBuilder } from 'discord.js';
import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { checkWarnTarget } from '../core/escalation.js';
import { cleanModeratorReason } from '../core/reports.js';
import type { DebateContext } from '../discord/context.js';
import type { WarnOutcome } from '../discord/service.js';
import {
  deferThenAnswer,
  requireBotPermissions,
  requireDebateThread,
  requireGuild,
  requireModerator,
  withNotes,
} from './guards.js';

const refusals = {
  self: 'You cannot warn yourself.',
  'this-bot': 'You cannot warn Roundtable.',
  bot: 'Bots cannot be warned; remove or configure the bot instead.',
} as const;

function describeOutcome(targetId: string, outcome: WarnOutcome): string {
  const lines = [`Warned <@${targetId}>: warning ${outcome.count} of ${outcome.decision.limit}.`];
  lines.push(
    outcome.notified === 'direct-message'
      ? 'They were told by direct message.'
      : outcome.notified === 'thread-notice'
        ? 'Their direct messages are closed, so they were told with a short notice in the thread.'
        : 'I could not reach them privately or in the thread.',
  );
  if (outcome.decision.kind === 'escalate') {
    if (outcome.removal === 'removed') lines.push('They reached the limit and were removed from the thread.');
    else if (outcome.removal === 'not-in-thread')
      lines.push('They reached the limit; they were not in the thread.');
    else lines.push('They reached the limit, but I could not remove them from the thread.');
    if (outcome.timeout?.kind === 'applied')
      lines.push(`They are timed out until ${discordTimestamp(outcome.timeout.until, 'f')}.`);
    else if (outcome.timeout?.kind === 'refused')
      lines.push('Discord refused the timeout: their highest role is above mine, or they are an admin.');
    else if (outcome.timeout?.kind === 'skipped') lines.push(`No timeout: ${outcome.timeout.reason}.`);
  } else {
    lines.push(`At ${outcome.decision.limit} they are removed from the thread.`);
  }
  return lines.join('\n');
}

export const warnSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('warn')
    .setDescription('Warn a member in this debate; at the limit they are removed and timed out (moderators)')
    .addUserOption((option) => option.setName('member').setDescription('Who to warn').setRequired(true))
    .addStringOption((option) =>
      option
        .setName('reason')
        .setDescription('What they did; they see this privately')
        .setRequired(true)
        .setMaxLength(500),
    ),
  audience: 'moderator',
  help: 'Warn a member in a debate thread; at the server limit they are removed and, where allowed, timed out.',
  async execute(interaction, context) {
    const guild = requireGuild(interaction);
    requireModerator(interaction, 'warn members');
    const debate = requireDebateThread(interaction, context);
    const target = interaction.options.getUser('member', true);
    const check = checkWarnTarget({
      moderatorId: interaction.user.id,
      targetId: target.id,
      targetIsBot: target.bot,
      botId: context.client.user?.id ?? '',
    });
    if (check.kind === 'refused') throw new UserError(refusals[check.reason]);
    if (interaction.options.getMember('member') === null)
      throw new UserError('That user is not a member of this server.');
    const reason = cleanModeratorReason(interaction.options.getString('reason', true));
    if (reason === undefined) throw new UserError('Give a reason: the member is told what they did.');
    requireBotPermissions(interaction, ['ViewChannel', 'SendMessagesInThreads', 'ManageThreads']);
    await deferThenAnswer(interaction, async () => {
      const outcome = await context.debate.warn({
        debate,
        guild,
        moderatorId: interaction.user.id,
        targetId: target.id,
        reason,
        botCanTimeOut: interaction.appPermissions.has(PermissionFlagsBits.ModerateMembers),
      });
      return withNotes(describeOutcome(target.id, outcome), [
        context.debate.modLogHint(guild.id, interaction.user.id),
      ]);
    });
  },
};
