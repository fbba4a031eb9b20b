import { MessageFlags } from 'discord.js';
import { defineComponent, defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { storyGoneMessage } from '../../reading/discord/find-content.js';
import { checkReportLink, checkReportText, decideRate, reportRateLimit } from '../core/report-input.js';
import type { NewErrorReport } from '../core/types.js';
import type { ErrorReportContext } from '../discord/context.js';
import { postReportToModLog } from '../discord/mod-log.js';
import { buildReportForm, readFormField, reportFields } from '../discord/report-form.js';
import { type ReportTarget, reportRoutes, reportTargetArgs } from '../discord/report-target.js';
import { resolveReportTarget } from '../discord/resolve-target.js';
import {
  acknowledgement,
  linkRefusal,
  rateLimitedMessage,
  textRefusal,
} from '../messages/report-messages.js';

function requireTarget(target: ReportTarget, context: ErrorReportContext) {
  const resolved = resolveReportTarget(target, context);
  if (resolved === undefined) throw new UserError(storyGoneMessage());
  return resolved;
}

function refuseAtLimit(memberId: string, context: ErrorReportContext): void {
  const now = context.clock.now();
  const decision = decideRate(
    context.errorReports.recentTimes(memberId, now - reportRateLimit.windowMs),
    now,
  );
  if (decision.kind === 'limited') throw new UserError(rateLimitedMessage(decision.retryAt));
}

/** "Report an error": opens the form, unless the member has reached the limit or the story is gone. */
const openReportForm = defineComponent({
  feature: reportRoutes.feature,
  action: reportRoutes.open,
  args: reportTargetArgs,
  async handle(interaction, target, context: ErrorReportContext) {
    requireTarget(target, context);
    refuseAtLimit(interaction.user.id, context);
    await interaction.showModal(buildReportForm(target));
  },
});

/** The submitted form: checked, stored within the member's limit, acknowledged privately, posted to the mod log. */
const sendReport = defineModal({
  feature: reportRoutes.feature,
  action: reportRoutes.send,
  args: reportTargetArgs,
  async handle(interaction, target, context: ErrorReportContext) {
    const resolved = requireTarget(target, context);
    const text = checkReportText(readFormField(interaction, reportFields.what));
    if (text.kind !== 'ok') throw new UserError(textRefusal(text));
    const link = checkReportLink(readFormField(interaction, reportFields.link));
    if (link.kind === 'invalid') throw new UserError(linkRefusal(link));
    refuseAtLimit(interaction.user.id, context);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report: NewErrorReport = {
      ...resolved.subject,
      view: resolved.view,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      memberId: interaction.user.id,
      text: text.text,
      link: link.kind === 'ok' ? link.url : null,
      createdAt: context.clock.now(),
    };
    const stored = context.errorReports.addWithinLimit(report);
    if (stored.kind === 'limited') {
      await interaction.editReply({
        content: rateLimitedMessage(stored.retryAt),
        allowedMentions: { parse: [] },
      });
      return;
    }
    const posted = await postReportToModLog(
      { ...report, id: stored.id, modLogMessageId: null, modLogFailure: null },
      resolved.story,
      context,
    );
    await interaction.editReply({
      content: acknowledgement(resolved.story.title, posted.kind === 'posted'),
      allowedMentions: { parse: [] },
    });
  },
});

/** The routes of the report button and form; every reading command that shows the button lists them. */
export const errorReportRoutes = { components: [openReportForm], modals: [sendReport] } as const;
