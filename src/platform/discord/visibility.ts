import {
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  MessageFlags,
  type SlashCommandBooleanOption,
} from 'discord.js';

export const ephemeralOptionName = 'ephemeral';

/** The option that turns a public answer into a private look. */
export function ephemeralOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option
    .setName(ephemeralOptionName)
    .setDescription('Only you see the answer (by default it is posted for the channel to discuss)');
}

/** Reply flags for a reading command: public unless the member asked for `ephemeral: true`. */
export function visibilityFlags(interaction: ChatInputCommandInteraction): {
  flags?: MessageFlags.Ephemeral;
} {
  return interaction.options.getBoolean(ephemeralOptionName) === true
    ? { flags: MessageFlags.Ephemeral }
    : {};
}

/**
 * Whether the message a component sits on answers the member who clicked, so the click may change it in
 * place. Ids can be crafted, so ownership comes from Discord's interaction metadata, never from the id.
 */
export function answersClicker(interaction: MessageComponentInteraction): boolean {
  return interaction.message.interactionMetadata?.user.id === interaction.user.id;
}
