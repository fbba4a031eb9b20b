import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import type { MessageCommand } from '../../../platform/router/command.js';
import { defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { checkReportReason, reportReasonMaximum, reportReasonMinimum } from '../core/reports.js';
import type { DebateContext } from '../discord/context.js';
import { reportInputMessages, reportRefusalMessages, reportReply } from '../messages/replies.js';
import { InputError, withFormRetry } from './form-retry.js';
import { deferThenAnswer, findDebateHere, requireGuild, requireMemberCanRead } from './guards.js';
import { buildParagraphModal, readTextField } from './modal-fields.js';

/** The form that asks what is wrong with a message; `reason` fills it in again after a refusal. */
function reportForm(messageId: string, inDebate: boolean, reason?: string) {
  return buildParagraphModal(
    {
      customId: buildCustomId('report', 'reason', messageId),
      title: 'Report to moderators',
      label: 'What is wrong with this message?',
      description: inDebate
        ? 'Moderators of this debate see your report and a link to the message.'
        : 'Moderators see your report and a link to the message.',
      fieldId: 'reason',
      minLength: reportReasonMinimum,
      maxLength: reportReasonMaximum,
    },
    reason,
  );
}

const reportModal = defineModal({
  feature: 'report',
  action: 'reason',
  args: z.tuple([snowflakeSchema]),
  async handle(interaction, [messageId], context: DebateContext) {
    const guild = requireGuild(interaction);
    requireMemberCanRead(interaction, 'report its messages');
    const typed = readTextField(interaction, 'reason');
    const inDebate = findDebateHere(interaction, context) !== undefined;
    await withFormRetry(
      interaction,
      context,
      () => reportForm(messageId, inDebate, typed),
      async () => {
        const reason = checkReportReason(typed);
        if (reason.kind === 'too-short') throw new InputError(reportInputMessages.tooShort);
        if (reason.kind === 'too-long') throw new InputError(reportInputMessages.tooLong(reason.maximum));
        await deferThenAnswer(interaction, async () =>
          reportReply(
            await context.debate.report({
              guildId: guild.id,
              channelId: interaction.channelId,
              messageId,
              reporterId: interaction.user.id,
              reason: reason.reason,
            }),
          ),
        );
      },
    );
  },
});

export default {
  kind: 'message',
  data: new ContextMenuCommandBuilder()
    .setName('Report to moderators')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  audience: 'everyone',
  help: 'Report a message to the moderators privately, with a reason (message menu → Apps).',
  modals: [reportModal],
  async execute(interaction, context) {
    requireGuild(interaction);
    const message = interaction.targetMessage;
    const check = context.debate.canReport({
      messageId: message.id,
      authorId: message.author.id,
      reporterId: interaction.user.id,
    });
    if (check.kind === 'refused') throw new UserError(reportRefusalMessages[check.reason]);
    const inDebate = findDebateHere(interaction, context) !== undefined;
    await interaction.showModal(reportForm(message.id, inDebate));
  },
} satisfies MessageCommand<DebateContext>;
