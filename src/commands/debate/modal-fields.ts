import { ComponentType, type ModalSubmitInteraction } from 'discord.js';

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
