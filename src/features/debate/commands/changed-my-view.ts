import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import type { MessageCommand } from '../../../platform/router/command.js';
import { defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import {
  checkCreditExplanation,
  creditExplanationMaximum,
  creditExplanationMinimum,
} from '../core/credits.js';
import type { DebateContext } from '../discord/context.js';
import { creditInputMessages, creditRefusalMessages, creditReply } from '../messages/replies.js';
import { InputError, withFormRetry } from './form-retry.js';
import { deferThenAnswer, findDebateHere, requireGuild, requireMemberCanRead } from './guards.js';
import { buildParagraphModal, readTextField } from './modal-fields.js';

/** The form that asks why a message changed the member's view; `explanation` fills it in again. */
function creditForm(messageId: string, explanation?: string) {
  return buildParagraphModal(
    {
      customId: buildCustomId('credit', 'explain', messageId),
      title: 'Changed my view',
      label: 'What changed your view?',
      description: 'Shown in the thread and counted in the debate summary.',
      fieldId: 'explanation',
      minLength: creditExplanationMinimum,
      maxLength: creditExplanationMaximum,
    },
    explanation,
  );
}

const creditModal = defineModal({
  feature: 'credit',
  action: 'explain',
  args: z.tuple([snowflakeSchema]),
  async handle(interaction, [messageId], context: DebateContext) {
    const guild = requireGuild(interaction);
    const debate = findDebateHere(interaction, context);
    if (!debate) throw new UserError(creditRefusalMessages['not-debate-thread']);
    requireMemberCanRead(interaction, 'credit its messages');
    const typed = readTextField(interaction, 'explanation');
    await withFormRetry(
      interaction,
      context,
      () => creditForm(messageId, typed),
      async () => {
        const explanation = checkCreditExplanation(typed);
        if (explanation.kind === 'too-short')
          throw new InputError(creditInputMessages.tooShort(explanation.minimum, explanation.length));
        if (explanation.kind === 'too-long')
          throw new InputError(creditInputMessages.tooLong(explanation.maximum, explanation.length));
        await deferThenAnswer(interaction, async () =>
          creditReply(
            await context.debate.credit({
              guildId: guild.id,
              threadId: debate.threadId,
              messageId,
              creditorId: interaction.user.id,
              explanation: explanation.explanation,
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
    .setName('Changed my view')
    .setType(ApplicationCommandType.Message)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  audience: 'everyone',
  help: 'Credit a message in a debate thread that changed your view, saying why (message menu → Apps).',
  modals: [creditModal],
  async execute(interaction, context) {
    const guild = requireGuild(interaction);
    const message = interaction.targetMessage;
    const check = context.debate.canCredit({
      guildId: guild.id,
      threadId: interaction.channelId,
      messageId: message.id,
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      creditorId: interaction.user.id,
    });
    if (check.kind === 'refused') throw new UserError(creditRefusalMessages[check.reason]);
    await interaction.showModal(creditForm(message.id));
  },
} satisfies MessageCommand<DebateContext>;
