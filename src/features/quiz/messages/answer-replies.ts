import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import type { AnswerOutcome } from '../core/answer-rules.js';
import { choiceLetter } from '../core/questions.js';

/**
 * The private reply to an answer click; correctness stays hidden until the round closes. A choice the
 * round does not have is answered as a malformed id, by the router's own words.
 */
export function answerText(outcome: Exclude<AnswerOutcome, { kind: 'unknown-choice' }>): string {
  switch (outcome.kind) {
    case 'recorded':
      return `Locked in **${choiceLetter(outcome.choice)}**; results ${discordTimestamp(outcome.closesAt, 'R')}.`;
    case 'already-answered':
      return `You already answered **${choiceLetter(outcome.choice)}**; answers cannot be changed. Results ${discordTimestamp(outcome.closesAt, 'R')}.`;
    case 'closed':
      return outcome.choice === null
        ? `This question closed ${discordTimestamp(outcome.closesAt, 'R')}; the results are in the channel. A new question comes with the next round.`
        : `This question closed ${discordTimestamp(outcome.closesAt, 'R')}. You answered **${choiceLetter(outcome.choice)}**; the results are in the channel.`;
    case 'unknown-round':
      return 'This quiz question is no longer known to Roundtable. Watch the channel for the next daily question.';
    case 'other-server':
      return 'This button belongs to another server’s quiz.';
  }
}
