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

/** A form with one required paragraph field, such as a report's reason or a credit's explanation. */
export function buildParagraphModal(modal: ParagraphModal): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(modal.customId)
    .setTitle(modal.title)
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(modal.label)
        .setDescription(modal.description)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(modal.fieldId)
            .setStyle(TextInputStyle.Paragraph)
            .setMinLength(modal.minLength)
            .setMaxLength(modal.maxLength)
            .setRequired(true),
        ),
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
