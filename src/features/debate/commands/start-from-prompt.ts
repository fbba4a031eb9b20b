import {
  type APIButtonComponent,
  LabelBuilder,
  ModalBuilder,
  PermissionFlagsBits,
  type PermissionsBitField,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { defineComponent, defineModal } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { truncateAtWord } from '../../../platform/text.js';
import { contentReference } from '../../reading/discord/content-reference.js';
import { findPrompt } from '../../reading/discord/find-content.js';
import type { DebatePrompt } from '../../story-packs/core/index.js';
import type { DebateFormat } from '../core/types.js';
import {
  debateFeature,
  promptReference,
  startDebateButton,
  startFromPromptAction,
  startFromPromptModalAction,
} from '../discord/components.js';
import type { DebateContext } from '../discord/context.js';
import { debateStartPermissions } from '../discord/permissions.js';
import { startInputMessages } from '../messages/replies.js';
import { InputError, withFormRetry } from './form-retry.js';
import { requireBotPermissions, requireGuild, requireModerator } from './guards.js';
import { readSelectField, readTextField, refill } from './modal-fields.js';
import { startDebateHere } from './start.js';

function promptGone(): UserError {
  return new UserError('This debate prompt is no longer in the story packs. Run `/debate prompt` again.');
}

interface StartFormValues {
  duration?: string | undefined;
  slowmode?: string | undefined;
  format?: DebateFormat;
}

const durationMaxLength = 40;
const slowmodeMaxLength = 5;

/** The form a moderator fills in to start a debate on a prompt; `values` fill it in again after a refusal. */
function startForm(prompt: DebatePrompt, values: StartFormValues = {}): ModalBuilder {
  const format = values.format ?? 'open';
  return new ModalBuilder()
    .setCustomId(buildCustomId(debateFeature, startFromPromptModalAction, promptReference(prompt.id)))
    .setTitle('Start a debate thread')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('How long it runs')
        .setDescription(truncateAtWord(`Motion: ${prompt.motion}`, 100))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('duration')
            .setStyle(TextInputStyle.Short)
            .setValue(refill(values.duration, durationMaxLength) ?? '24h')
            .setPlaceholder('10 minutes to 7 days: 90m, 2h, 3d')
            .setMaxLength(durationMaxLength)
            .setRequired(true),
        ),
      new LabelBuilder().setLabel('Slowmode in seconds (0 for off)').setTextInputComponent(
        new TextInputBuilder()
          .setCustomId('slowmode')
          .setStyle(TextInputStyle.Short)
          .setValue(refill(values.slowmode, slowmodeMaxLength) ?? '0')
          .setMaxLength(slowmodeMaxLength)
          .setRequired(false),
      ),
      new LabelBuilder().setLabel('Format').setStringSelectMenuComponent(
        new StringSelectMenuBuilder()
          .setCustomId('format')
          .setRequired(false)
          .addOptions(
            { label: 'Open discussion', value: 'open', default: format === 'open' },
            { label: 'Rounds: openings, rebuttals, closings', value: 'rounds', default: format === 'rounds' },
          ),
      ),
    );
}

/** "Start a debate thread" under a `/debate prompt` card: moderators choose length, slowmode and format. */
export const startFromPromptRoute = defineComponent({
  feature: debateFeature,
  action: startFromPromptAction,
  args: z.tuple([contentReference]),
  async handle(interaction, [reference], context: DebateContext) {
    requireGuild(interaction);
    requireModerator(interaction, 'start a debate thread');
    const prompt = findPrompt(reference, context);
    if (!prompt) throw promptGone();
    requireBotPermissions(interaction, debateStartPermissions);
    await interaction.showModal(startForm(prompt));
  },
});

export const startFromPromptModal = defineModal({
  feature: debateFeature,
  action: startFromPromptModalAction,
  args: z.tuple([contentReference]),
  async handle(interaction, [reference], context: DebateContext) {
    const prompt = findPrompt(reference, context);
    if (!prompt) throw promptGone();
    const duration = readTextField(interaction, 'duration');
    const slowmode = readTextField(interaction, 'slowmode');
    const format: DebateFormat = readSelectField(interaction, 'format')[0] === 'rounds' ? 'rounds' : 'open';
    await withFormRetry(
      interaction,
      context,
      () => startForm(prompt, { duration, slowmode, format }),
      async () => {
        const slowmodeText = (slowmode ?? '').trim();
        if (!/^\d{0,5}$/.test(slowmodeText)) throw new InputError(startInputMessages.slowmodeRange);
        await startDebateHere(interaction, context, {
          motion: prompt.id,
          story: null,
          duration: duration ?? null,
          slowmodeSeconds: slowmodeText === '' ? 0 : Number(slowmodeText),
          format,
        });
      },
    );
  },
});

/** The "Start a debate thread" button, for readers who can start debates (Manage Threads). */
export function startDebateButtons(
  promptId: string,
  memberPermissions: Readonly<PermissionsBitField> | null,
): APIButtonComponent[] {
  if (!memberPermissions?.has(PermissionFlagsBits.ManageThreads)) return [];
  return [startDebateButton(promptId).toJSON()];
}
