import type { BaseInteraction } from 'discord.js';
import { UserError } from '../router/errors.js';

/**
 * The one guild guard: refuses with `refusal` (the feature's own words) unless the interaction comes from
 * a server the bot has cached, and hands the interaction back with its server, member and server id set.
 */
export function requireGuild<T extends BaseInteraction>(
  interaction: T,
  refusal: string,
): T & BaseInteraction<'cached'> {
  if (!interaction.inCachedGuild()) throw new UserError(refusal);
  return interaction;
}
