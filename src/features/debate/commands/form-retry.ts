import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  type ModalBuilder,
  type ModalSubmitInteraction,
} from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { snowflakeSchema } from '../../../platform/ids/snowflake.js';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { debateFeature } from '../discord/components.js';
import type { DebateContext } from '../discord/context.js';
import { formMessages } from '../messages/replies.js';

/**
 * What a member typed or chose does not fit (a duration that does not parse, text too short). In a
 * form, the refusal offers the form again with what they typed; elsewhere it is answered as any refusal.
 */
export class InputError extends UserError {}

export const editFormAction = 'edit-form';

/** "Edit and try again" under a refused form; the id names only the refused submit. */
export function editFormButton(interactionId: string): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(buildCustomId(debateFeature, editFormAction, interactionId))
      .setLabel(formMessages.editAgain)
      .setStyle(ButtonStyle.Primary),
  );
}

/**
 * Runs a form's handler. When it refuses what was typed before answering, the member is told why
 * privately, with a button that opens the form again filled in with what they sent (`reopen`).
 */
export async function withFormRetry(
  interaction: ModalSubmitInteraction,
  context: DebateContext,
  reopen: () => ModalBuilder,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof InputError) || interaction.deferred || interaction.replied) throw error;
    context.formDrafts.keep(interaction.user.id, interaction.id, reopen().toJSON());
    await interaction.reply({
      content: error.message,
      components: [editFormButton(interaction.id)],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
}

/** The "Edit and try again" button: the member's refused form, as they sent it, while it is kept. */
export const editFormRoute = defineComponent({
  feature: debateFeature,
  action: editFormAction,
  args: z.tuple([snowflakeSchema]),
  async handle(interaction, [interactionId], context: DebateContext) {
    const form = context.formDrafts.find(interaction.user.id, interactionId);
    if (form === undefined) throw new UserError(formMessages.expired);
    await interaction.showModal(form);
  },
});
