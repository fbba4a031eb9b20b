import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { isExpiredInteraction } from '../../../platform/discord/failures.js';
import { defineComponent } from '../../../platform/router/command.js';
import { malformedComponentMessage } from '../../../platform/router/router.js';
import type { AnswerOutcome } from '../core/answer-rules.js';
import type { QuizContext } from '../discord/context.js';
import { answerText } from '../messages/answer-replies.js';
import { quizActions, quizFeature } from '../messages/quiz-ids.js';

export const choiceArgument = z
  .string()
  .regex(/^[0-4]$/)
  .transform(Number);

/** The private reply to an answer click; correctness stays hidden until the round closes. */
export function answerReply(outcome: AnswerOutcome): string {
  return outcome.kind === 'unknown-choice' ? malformedComponentMessage : answerText(outcome);
}

export const answerButton = defineComponent({
  feature: quizFeature,
  action: quizActions.answer,
  args: z.tuple([
    z
      .string()
      .regex(/^[1-9]\d{0,14}$/)
      .transform(Number),
    choiceArgument,
  ]),
  async handle(interaction, [roundId, choice], context: QuizContext) {
    const answeredAt = context.clock.now();
    const outcome = context.quiz.answer(
      roundId,
      choice,
      interaction.guildId,
      interaction.user.id,
      answeredAt,
    );
    try {
      await interaction.reply({ content: answerReply(outcome), flags: MessageFlags.Ephemeral });
    } catch (error) {
      if (outcome.kind === 'recorded' && isExpiredInteraction(error))
        context.quiz.withdrawAnswer(roundId, interaction.user.id, answeredAt);
      throw error;
    }
  },
});
