import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import { formatDuration, parseDuration } from '../core/duration.js';

const presets = ['10m', '30m', '1h', '2h', '6h', '12h', '24h', '2d', '3d', '7d'] as const;

export function durationOption(
  option: SlashCommandStringOption,
  name: string,
  description: string,
  required: boolean,
): SlashCommandStringOption {
  return option
    .setName(name)
    .setDescription(description)
    .setRequired(required)
    .setMaxLength(40)
    .setAutocomplete(true);
}

/** Suggests common lengths, and reads back what the member typed so they see how it is understood. */
export async function respondWithDurations(interaction: AutocompleteInteraction): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim();
  const choices: Array<{ name: string; value: string }> = [];
  const parsed = parseDuration(typed);
  if (typed.length > 0 && parsed.kind === 'ok' && parsed.milliseconds > 0)
    choices.push({ name: formatDuration(parsed.milliseconds), value: typed.slice(0, 40) });
  for (const preset of presets) {
    const length = parseDuration(preset);
    if (length.kind !== 'ok') continue;
    const name = formatDuration(length.milliseconds);
    if (typed.length > 0 && !preset.startsWith(typed.toLowerCase()) && !name.startsWith(typed.toLowerCase()))
      continue;
    if (choices.some((choice) => choice.name === name)) continue;
    choices.push({ name, value: preset });
  }
  await interaction.respond(choices.slice(0, 25));
}
