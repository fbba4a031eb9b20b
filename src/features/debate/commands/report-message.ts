import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import type { MessageCommand } from '../../../platform/router/command.js';
import { defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import {
  checkReport,
  checkReportReason,
  reportReasonMaximum,
  reportReasonMinimum,
  reportRefusalMessages,
} from '../core/reports.js';
import type { DebateContext } from '../discord/context.js';
import { deferThenAnswer, findDebateHere, requireGuild, requireMemberCanRead } from './guards.js';
import { buildParagraphModal, readTextField } from './modal-fields.js';

const reportModal = defineModal({
  feature: 'report',
  action: 'reason',
  args: z.tuple([snowflakeSchema]),
  async handle(interaction, [messageId], context: DebateContext) {
    const guild = requireGuild(interaction);
    requireMemberCanRead(interaction, 'report its messages');
    const reason = checkReportReason(readTextField(interaction, 'reason'));
    if (reason.kind === 'too-short') throw new UserError('Say briefly what is wrong with the message.');
    if (reason.kind === 'too-long')
      throw new UserError(`Keep the reason to ${reportReasonMaximum} characters.`);
    await deferThenAnswer(interaction, async () => {
      const channel = interaction.channelId
        ? await context.client.channels.fetch(interaction.channelId).catch(() => null)
        : null;
      if (!channel || channel.isDMBased() || channel.guildId !== guild.id || !channel.isTextBased())
        throw new UserError(
          'I cannot see the channel of that message any more, so I cannot pass the report on.',
        );
      const message = await channel.messages.fetch(messageId).catch(() => null);
      if (!message)
        throw new UserError(
          'That message no longer exists, or I cannot read it. Tell a moderator directly if needed.',
        );
      const check = checkReport({
        reporterId: interaction.user.id,
        authorId: message.author.id,
        alreadyReported: context.debate.moderation.hasReported(message.id, interaction.user.id),
      });
      if (check.kind === 'refused') throw new UserError(reportRefusalMessages[check.reason]);
      const debate = context.debate.debates.findByThread(channel.id);
      const stored = context.debate.moderation.addReport({
        guildId: guild.id,
        channelId: channel.id,
        messageId: message.id,
        authorId: message.author.id,
        reporterId: interaction.user.id,
        debateId: debate && debate.guildId === guild.id ? debate.id : null,
        reason: reason.reason,
        createdAt: context.clock.now(),
      });
      if (stored === 'duplicate') throw new UserError(reportRefusalMessages['already-reported']);
      await context.debate.logModeration({
        guildId: guild.id,
        debateId: debate && debate.guildId === guild.id ? debate.id : null,
        action: 'report',
        actorId: interaction.user.id,
        targetId: message.author.id,
        channelId: channel.id,
        messageId: message.id,
        detail: reason.reason,
      });
      return 'Thank you. Your report is with the moderators; the author is not told who reported them.';
    });
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
    const check = checkReport({
      reporterId: interaction.user.id,
      authorId: message.author.id,
      alreadyReported: context.debate.moderation.hasReported(message.id, interaction.user.id),
    });
    if (check.kind === 'refused') throw new UserError(reportRefusalMessages[check.reason]);
    const inDebate = findDebateHere(interaction, context) !== undefined;
    await interaction.showModal(
      buildParagraphModal({
        customId: buildCustomId('report', 'reason', message.id),
        title: 'Report to moderators',
        label: 'What is wrong with this message?',
        description: inDebate
          ? 'Moderators of this debate see your report and a link to the message.'
          : 'Moderators see your report and a link to the message.',
        fieldId: 'reason',
        minLength: reportReasonMinimum,
        maxLength: reportReasonMaximum,
      }),
    );
  },
} satisfies MessageCommand<DebateContext>;
