import { MessageFlags, TimestampStyles, time } from 'discord.js';
import { z } from 'zod';
import { isExpiredInteraction } from '../../../platform/discord/failures.js';
import { defineComponent } from '../../../platform/router/command.js';
import { malformedComponentMessage } from '../../../platform/router/router.js';
import { choiceLetter } from '../core/questions.js';
import type { QuizContext } from '../discord/context.js';
import type { AnswerOutcome } from '../discord/quiz-service.js';
import { quizActions, quizFeature } from '../messages/quiz-messages.js';

export const choiceArgument = z
  .string()
  .regex(/^[0-4]$/)
  .transform(Number);

/** The private reply to an answer click; correctness stays hidden until the round closes. */
export function answerReply(outcome: AnswerOutcome): string {
  switch (outcome.kind) {
    case 'recorded':
      return `Locked in **${choiceLetter(outcome.choice)}**; results ${time(new Date(outcome.closesAt), TimestampStyles.RelativeTime)}.`;
    case 'already-answered':
      return `You already answered **${choiceLetter(outcome.choice)}**; answers cannot be changed. Results ${time(new Date(outcome.closesAt), TimestampStyles.RelativeTime)}.`;
    case 'closed':
      return outcome.choice === null
        ? `This question closed ${time(new Date(outcome.closesAt), TimestampStyles.RelativeTime)}; the results are in the channel. A new question comes with the next round.`
        : `This question closed ${time(new Date(outcome.closesAt), TimestampStyles.RelativeTime)}. You answered **${choiceLetter(outcome.choice)}**; the results are in the channel.`;
    case 'unknown-round':
      return 'This quiz question is no longer known to Roundtable. Watch the channel for the next daily question.';
    case 'other-server':
      return 'This button belongs to another server’s quiz.';
    case 'unknown-choice':
      return malformedComponentMessage;
  }
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
