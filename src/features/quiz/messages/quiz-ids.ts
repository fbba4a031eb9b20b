import { buildCustomId } from '../../../platform/ids/custom-id.js';

export const quizFeature = 'quiz';

export const quizActions = {
  answer: 'answer',
  bell: 'bell',
  stopPings: 'stop-pings',
  practice: 'practice',
  practiceNext: 'practice-next',
} as const;

export function answerCustomId(roundId: number, choice: number): string {
  return buildCustomId(quizFeature, quizActions.answer, roundId, choice);
}

/** What every answer button of a round starts with, to recognise the round's question message. */
export function answerCustomIdPrefix(roundId: number): string {
  return answerCustomId(roundId, 0).replace(/:0$/, ':');
}

export function bellCustomId(): string {
  return buildCustomId(quizFeature, quizActions.bell);
}

/** The "Stop pinging me" button under the private reply to a member who already gets pings. */
export function stopPingsCustomId(): string {
  return buildCustomId(quizFeature, quizActions.stopPings);
}

export function practiceCustomId(questionId: string, choice: number): string {
  return buildCustomId(quizFeature, quizActions.practice, questionId, choice);
}

export function practiceNextCustomId(storyId: string): string {
  return buildCustomId(quizFeature, quizActions.practiceNext, storyId);
}

/** `round <id>` in the footer identifies the round's messages when looking for them after a crash. */
export function roundMarker(roundId: number): string {
  return `round ${roundId}`;
}
