import {
  ComponentType,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';

export interface ParagraphModal {
  customId: string;
  title: string;
  /** The question above the text field. */
  label: string;
  description: string;
  fieldId: string;
  minLength: number;
  maxLength: number;
}

/**
 * A form with one required paragraph field, such as a report's reason or a credit's explanation;
 * `value` fills the field in again after a refusal.
 */
export function buildParagraphModal(modal: ParagraphModal, value?: string): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(modal.fieldId)
    .setStyle(TextInputStyle.Paragraph)
    .setMinLength(modal.minLength)
    .setMaxLength(modal.maxLength)
    .setRequired(true);
  const refilled = refill(value, modal.maxLength);
  if (refilled !== undefined) input.setValue(refilled);
  return new ModalBuilder()
    .setCustomId(modal.customId)
    .setTitle(modal.title)
    .addLabelComponents(
      new LabelBuilder().setLabel(modal.label).setDescription(modal.description).setTextInputComponent(input),
    );
}

/** A text field of a submitted modal, or undefined when it is missing (a tampered or stale submit). */
export function readTextField(interaction: ModalSubmitInteraction, customId: string): string | undefined {
  const field = interaction.fields.fields.get(customId);
  return field?.type === ComponentType.TextInput ? field.value : undefined;
}

/** The chosen values of a select field of a submitted modal; empty when missing. */
export function readSelectField(interaction: ModalSubmitInteraction, customId: string): readonly string[] {
  const field = interaction.fields.fields.get(customId);
  return field?.type === ComponentType.StringSelect ? field.values : [];
}

/** A submitted text, cut to what the form's field accepts, to put back in the field. */
export function refill(value: string | undefined, maxLength: number): string | undefined {
  if (value === undefined || value.length === 0) return undefined;
  let kept = '';
  for (const character of value) {
    if (kept.length + character.length > maxLength) break;
    kept += character;
  }
  return kept;
}
