import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { answersClicker } from '../../../platform/discord/visibility.js';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import {
  requireStory,
  respondWithStories,
  storyOption,
  storyOptionName,
} from '../../reading/discord/story-option.js';
import { bankQuestionOf, questionBankOf } from '../core/bank.js';
import { type BankQuestion, isAskable, stableHash } from '../core/questions.js';
import { snapshotQuestion } from '../core/round.js';
import type { QuizContext } from '../discord/context.js';
import { discordCard } from '../discord/payloads.js';
import { practiceFeedbackMessage, practiceQuestionMessage } from '../messages/practice-messages.js';
import { quizActions, quizFeature } from '../messages/quiz-ids.js';
import { choiceArgument } from './answer.js';
import { quizSubcommand, subcommandData } from './shared.js';

function pickPractice(
  context: QuizContext,
  userId: string,
  storyId: string | null,
  guildId: string | null,
): BankQuestion {
  const today = context.quiz.today(guildId);
  const askable = questionBankOf(context.content).filter(
    (question) => isAskable(question, today) && (storyId === null || question.storyId === storyId),
  );
  if (askable.length === 0)
    throw new UserError(
      storyId === null
        ? 'There are no quiz questions loaded yet.'
        : 'This story has no quiz questions to practise.',
    );
  const index = stableHash(`${userId}:${context.clock.now()}`) % askable.length;
  return askable[index] ?? (askable[0] as BankQuestion);
}

function practicePayload(context: QuizContext, question: BankQuestion) {
  const title = context.content.getStory(question.storyId)?.title ?? null;
  return discordCard(practiceQuestionMessage(snapshotQuestion(question), title));
}

const idSchema = z.string().min(1).max(64);

export const practiceAnswerButton = defineComponent({
  feature: quizFeature,
  action: quizActions.practice,
  args: z.tuple([idSchema, choiceArgument]),
  async handle(interaction, [questionId, choice], context: QuizContext) {
    const stored = context.content.getQuizQuestion(questionId);
    if (!stored || choice >= stored.choices.length)
      throw new UserError(
        'This practice question is no longer in the story packs. Run `/quiz practice` for a new one.',
      );
    const question = bankQuestionOf(stored);
    const feedback = discordCard(
      practiceFeedbackMessage(snapshotQuestion(question), choice, question.storyId),
    );
    if (answersClicker(interaction)) await interaction.update(feedback);
    else await interaction.reply({ ...feedback, flags: MessageFlags.Ephemeral });
  },
});

export const practiceNextButton = defineComponent({
  feature: quizFeature,
  action: quizActions.practiceNext,
  args: z.tuple([z.string().max(64)]),
  async handle(interaction, [storyId], context: QuizContext) {
    const story = context.content.getStory(storyId);
    const question = pickPractice(context, interaction.user.id, story?.id ?? null, interaction.guildId);
    const payload = practicePayload(context, question);
    if (answersClicker(interaction)) await interaction.update(payload);
    else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  },
});

export const practiceSubcommand = quizSubcommand(
  subcommandData(
    'practice',
    'A private practice question with instant feedback; never scored',
  ).addStringOption((option) => storyOption(option, false)),
  {
    async execute(interaction, context) {
      const input = interaction.options.getString(storyOptionName);
      const story = input ? requireStory(input, context) : null;
      const question = pickPractice(context, interaction.user.id, story?.id ?? null, interaction.guildId);
      await interaction.reply({ ...practicePayload(context, question), flags: MessageFlags.Ephemeral });
    },
    autocomplete: respondWithStories,
    components: [practiceAnswerButton, practiceNextButton],
  },
);
