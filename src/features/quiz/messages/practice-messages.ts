import { choiceLetter } from '../core/questions.js';
import type { RoundQuestion } from '../core/round.js';
import {
  choiceButtons,
  choiceLines,
  type QuizCard,
  quizColour,
  rightAnswer,
  sourceLink,
  truncate,
} from './parts.js';
import { practiceCustomId, practiceNextCustomId } from './quiz-ids.js';

export function practiceQuestionMessage(question: RoundQuestion, storyTitle: string | null): QuizCard {
  return {
    embeds: [
      {
        title: 'Practice question',
        description: `**${question.question}**\n\n${choiceLines(question)}`,
        color: quizColour,
        footer: {
          text: `${storyTitle ? `${truncate(storyTitle, 120)} · ` : ''}${question.difficulty} · practice never counts toward scores`,
        },
      },
    ],
    rows: [choiceButtons(question, (index) => practiceCustomId(question.id, index), false)],
  };
}

export function practiceFeedbackMessage(question: RoundQuestion, choice: number, storyId: string): QuizCard {
  const correct = choice === question.answerIndex;
  return {
    embeds: [
      {
        title: correct ? 'Correct!' : 'Not quite',
        description: truncate(
          `**${question.question}**\n\nYou chose **${choiceLetter(choice)}**. The answer is **${rightAnswer(question)}**.\n\n${question.explanation}`,
          4000,
        ),
        color: quizColour,
        fields: [{ name: 'Source', value: sourceLink(question) }],
        footer: { text: 'Practice never counts toward scores or streaks' },
      },
    ],
    rows: [[{ customId: practiceNextCustomId(storyId), label: 'Another question', style: 'primary' }]],
  };
}
