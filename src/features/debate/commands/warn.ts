import { PermissionFlagsBits, SlashCommandSubcommandBuilder } from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { checkWarnTarget } from '../core/escalation.js';
import { cleanModeratorReason } from '../core/reports.js';
import type { DebateContext } from '../discord/context.js';
import { refusalMessage, warnedReply, warnTargetRefusalMessages } from '../messages/replies.js';
import {
  deferThenAnswer,
  modLogHint,
  requireBotPermissions,
  requireModeratorInDebate,
  withNotes,
} from './guards.js';

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
    const debate = requireModeratorInDebate(interaction, context, 'warn members');
    const target = interaction.options.getUser('member', true);
    const check = checkWarnTarget({
      moderatorId: interaction.user.id,
      targetId: target.id,
      targetIsBot: target.bot,
      botId: context.client.user?.id ?? '',
    });
    if (check.kind === 'refused') throw new UserError(warnTargetRefusalMessages[check.reason]);
    if (interaction.options.getMember('member') === null)
      throw new UserError('That user is not a member of this server.');
    const reason = cleanModeratorReason(interaction.options.getString('reason', true));
    if (reason === undefined) throw new UserError('Give a reason: the member is told what they did.');
    requireBotPermissions(interaction, ['ViewChannel', 'SendMessagesInThreads', 'ManageThreads']);
    await deferThenAnswer(interaction, async () => {
      const outcome = await context.debate.warn({
        debateId: debate.id,
        moderatorId: interaction.user.id,
        targetId: target.id,
        reason,
        botCanTimeOut: interaction.appPermissions.has(PermissionFlagsBits.ModerateMembers),
      });
      if (outcome.kind === 'refused') return refusalMessage(outcome);
      return withNotes(warnedReply(target.id, outcome), [
        modLogHint(context, debate.guildId, interaction.user.id),
      ]);
    });
  },
};
