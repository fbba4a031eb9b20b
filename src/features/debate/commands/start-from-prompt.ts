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
import {
  debateFeature,
  promptReference,
  startDebateButton,
  startFromPromptAction,
  startFromPromptModalAction,
} from '../discord/components.js';
import type { DebateContext } from '../discord/context.js';
import { debateStartPermissions } from '../discord/permissions.js';
import { requireBotPermissions, requireGuild, requireModerator } from './guards.js';
import { readSelectField, readTextField } from './modal-fields.js';
import { startDebateHere } from './start.js';

function promptGone(): UserError {
  return new UserError('This debate prompt is no longer in the story packs. Run `/debate prompt` again.');
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
    const modal = new ModalBuilder()
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
              .setValue('24h')
              .setPlaceholder('10 minutes to 7 days: 90m, 2h, 3d')
              .setMaxLength(40)
              .setRequired(true),
          ),
        new LabelBuilder()
          .setLabel('Slowmode in seconds (0 for off)')
          .setTextInputComponent(
            new TextInputBuilder()
              .setCustomId('slowmode')
              .setStyle(TextInputStyle.Short)
              .setValue('0')
              .setMaxLength(5)
              .setRequired(false),
          ),
        new LabelBuilder()
          .setLabel('Format')
          .setStringSelectMenuComponent(
            new StringSelectMenuBuilder()
              .setCustomId('format')
              .setRequired(false)
              .addOptions(
                { label: 'Open discussion', value: 'open', default: true },
                { label: 'Rounds: openings, rebuttals, closings', value: 'rounds' },
              ),
          ),
      );
    await interaction.showModal(modal);
  },
});

export const startFromPromptModal = defineModal({
  feature: debateFeature,
  action: startFromPromptModalAction,
  args: z.tuple([contentReference]),
  async handle(interaction, [reference], context: DebateContext) {
    const prompt = findPrompt(reference, context);
    if (!prompt) throw promptGone();
    const slowmodeText = (readTextField(interaction, 'slowmode') ?? '').trim();
    if (!/^\d{0,5}$/.test(slowmodeText))
      throw new UserError('Slowmode is a whole number of seconds from 0 to 21600 (6 hours).');
    const format = readSelectField(interaction, 'format')[0] === 'rounds' ? 'rounds' : 'open';
    await startDebateHere(interaction, context, {
      motion: prompt.id,
      story: null,
      duration: readTextField(interaction, 'duration') ?? null,
      slowmodeSeconds: slowmodeText === '' ? 0 : Number(slowmodeText),
      format,
    });
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
