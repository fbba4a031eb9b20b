import { answerIndexOf, type ContentLibrary, type QuizQuestion } from '../../story-packs/core/index.js';
import type { BankQuestion } from './questions.js';

export function bankQuestionOf(question: QuizQuestion): BankQuestion {
  return {
    id: question.id,
    storyId: question.storyId,
    question: question.question,
    choices: question.choices,
    answerIndex: answerIndexOf(question),
    explanation: question.explanation,
    source: { name: question.source.name, url: question.source.url },
    difficulty: question.difficulty,
    validUntil: question.valid_until?.iso ?? null,
  };
}

const banks = new WeakMap<ContentLibrary, readonly BankQuestion[]>();

/** Every quiz question of the story packs, built once per library. */
export function questionBankOf(library: ContentLibrary): readonly BankQuestion[] {
  let bank = banks.get(library);
  if (!bank) {
    bank = Object.freeze(library.quizQuestions.map(bankQuestionOf));
    banks.set(library, bank);
  }
  return bank;
}
