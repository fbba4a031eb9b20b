import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import type { MessageCommand } from '../../../platform/router/command.js';
import { defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { escapeMarkdown } from '../../../platform/text.js';
import {
  checkCredit,
  checkCreditExplanation,
  creditExplanationMaximum,
  creditExplanationMinimum,
  creditRefusalMessages,
} from '../core/credits.js';
import type { DebateContext } from '../discord/context.js';
import { messageLink } from '../messages/render.js';
import { deferThenAnswer, findDebateHere, requireGuild, requireMemberCanRead } from './guards.js';
import { buildParagraphModal, readTextField } from './modal-fields.js';

const creditModal = defineModal({
  feature: 'credit',
  action: 'explain',
  args: z.tuple([snowflakeSchema]),
  async handle(interaction, [messageId], context: DebateContext) {
    const guild = requireGuild(interaction);
    const debate = findDebateHere(interaction, context);
    if (!debate) throw new UserError(creditRefusalMessages['not-debate-thread']);
    requireMemberCanRead(interaction, 'credit its messages');
    const explanation = checkCreditExplanation(readTextField(interaction, 'explanation'));
    if (explanation.kind === 'too-short')
      throw new UserError(
        `Say in at least ${creditExplanationMinimum} characters what changed your view (you wrote ${explanation.length}).`,
      );
    if (explanation.kind === 'too-long')
      throw new UserError(`Keep the explanation to ${creditExplanationMaximum} characters.`);
    await deferThenAnswer(interaction, async () => {
      const thread = await context.client.channels.fetch(debate.threadId).catch(() => null);
      const message = thread?.isThread() ? await thread.messages.fetch(messageId).catch(() => null) : null;
      if (!message || message.channelId !== debate.threadId)
        throw new UserError('That message no longer exists in this debate thread.');
      const check = checkCredit({
        creditorId: interaction.user.id,
        authorId: message.author.id,
        authorIsBot: message.author.bot,
        debate: context.debate.debates.get(debate.id),
        alreadyCredited: context.debate.moderation.hasCredited(message.id, interaction.user.id),
      });
      if (check.kind === 'refused') throw new UserError(creditRefusalMessages[check.reason]);
      const stored = context.debate.moderation.addCredit({
        debateId: debate.id,
        guildId: guild.id,
        messageId: message.id,
        authorId: message.author.id,
        creditorId: interaction.user.id,
        explanation: explanation.explanation,
        createdAt: context.clock.now(),
      });
      if (stored === 'duplicate') throw new UserError(creditRefusalMessages['already-credited']);
      const posted = await context.debate.postInThread(debate, {
        content: `💡 <@${interaction.user.id}> changed their view thanks to [this message by <@${message.author.id}>](${messageLink(guild.id, debate.threadId, message.id)}): “${escapeMarkdown(explanation.explanation)}”`,
        allowedMentions: { parse: [] },
      });
      return posted.kind === 'done'
        ? 'Thank you: your credit is recorded and shown in the thread. It counts in the debate summary.'
        : 'Thank you: your credit is recorded and counts in the debate summary.';
    });
  },
});

export default {
  kind: 'message',
  data: new ContextMenuCommandBuilder()
    .setName('Changed my view')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  audience: 'everyone',
  help: 'Credit a message in a debate thread that changed your view, saying why (message menu → Apps).',
  modals: [creditModal],
  async execute(interaction, context) {
    requireGuild(interaction);
    const message = interaction.targetMessage;
    const debate = findDebateHere(interaction, context);
    const check = checkCredit({
      creditorId: interaction.user.id,
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      debate,
      alreadyCredited: context.debate.moderation.hasCredited(message.id, interaction.user.id),
    });
    if (check.kind === 'refused') throw new UserError(creditRefusalMessages[check.reason]);
    await interaction.showModal(
      buildParagraphModal({
        customId: buildCustomId('credit', 'explain', message.id),
        title: 'Changed my view',
        label: 'What changed your view?',
        description: 'Shown in the thread and counted in the debate summary.',
        fieldId: 'explanation',
        minLength: creditExplanationMinimum,
        maxLength: creditExplanationMaximum,
      }),
    );
  },
} satisfies MessageCommand<DebateContext>;
