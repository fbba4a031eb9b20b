import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { referenceFor } from '../../reading/discord/content-reference.js';
import { type Stance, stanceLabels } from '../core/types.js';

export const debateFeature = 'debate';
export const stanceAction = 'stance';
export const startFromPromptAction = 'start';
export const startFromPromptModalAction = 'start-form';

const stanceStyles: Record<Stance, ButtonStyle> = {
  for: ButtonStyle.Success,
  against: ButtonStyle.Danger,
  undecided: ButtonStyle.Secondary,
};

/** For / Against / Undecided under the opening card; disabled once the debate has closed. */
export function stanceButtons(debateId: number, disabled = false): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    (['for', 'against', 'undecided'] as const).map((stance) =>
      new ButtonBuilder()
        .setCustomId(buildCustomId(debateFeature, stanceAction, debateId, stance))
        .setLabel(stanceLabels[stance])
        .setStyle(stanceStyles[stance])
        .setDisabled(disabled),
    ),
  );
}

/** The moderators' "Start a debate thread" button under a `/debate prompt` card. */
export function startDebateButton(promptId: string): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(buildCustomId(debateFeature, startFromPromptAction, promptReference(promptId)))
    .setLabel('Start a debate thread')
    .setStyle(ButtonStyle.Primary);
}

/** A prompt named in a custom id: its id, or a hashed reference when the id is too long for an argument. */
export function promptReference(promptId: string): string {
  return referenceFor(promptId, promptId.length > 60);
}
