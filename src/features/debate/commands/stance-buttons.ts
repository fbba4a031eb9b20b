import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { type Stance, stanceLabels, stanceValues } from '../core/types.js';
import { debateFeature, stanceAction } from '../discord/components.js';
import type { DebateContext } from '../discord/context.js';

function label(stance: Stance): string {
  return `**${stanceLabels[stance]}**`;
}

/** For / Against / Undecided: the first click is the opening stance, later clicks change the current one. */
export const stanceRoute = defineComponent({
  feature: debateFeature,
  action: stanceAction,
  args: z.tuple([
    z
      .string()
      .regex(/^[1-9]\d{0,14}$/)
      .transform(Number),
    z.enum(stanceValues),
  ]),
  async handle(interaction, [debateId, stance], context: DebateContext) {
    const debate = context.debate.debates.get(debateId);
    if (!debate || debate.guildId !== interaction.guildId || debate.threadId !== interaction.channelId)
      throw new UserError('This debate no longer exists.');
    if (debate.status !== 'open')
      throw new UserError(
        'This debate has closed, so stances are final. The result is posted in the thread.',
      );
    const click = context.debate.debates.recordStance(
      debate.id,
      interaction.user.id,
      stance,
      context.clock.now(),
    );
    const content =
      click.kind === 'opening'
        ? `Your opening stance: ${label(click.stance)}. Change it whenever an argument moves you; at the close the result compares opening and closing stances.`
        : click.kind === 'changed'
          ? `You changed your stance from ${label(click.from)} to ${label(click.to)} (you opened ${label(click.opening)}).`
          : `Your stance is already ${label(click.stance)}.`;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
});
