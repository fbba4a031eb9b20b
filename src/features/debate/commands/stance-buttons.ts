import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { stanceValues } from '../core/types.js';
import { debateFeature, stanceAction } from '../discord/components.js';
import type { DebateContext } from '../discord/context.js';
import { stanceReply } from '../messages/replies.js';

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
    const outcome = context.debate.recordStance({
      debateId,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      userId: interaction.user.id,
      stance,
    });
    if (outcome.kind === 'refused') throw new UserError(stanceReply(outcome));
    await interaction.reply({ content: stanceReply(outcome), flags: MessageFlags.Ephemeral });
  },
});
