import type { QuizButtonRow } from './parts.js';
import { stopPingsCustomId } from './quiz-ids.js';

/** The private replies of `/quiz join`, `/quiz leave`, the 🔔 button and "Stop pinging me". */
export const pingTexts = {
  noPingRole:
    'This server’s quiz has no ping role, so there is nothing to join. An admin can add one with `/quiz settings ping-role:`.',
  roleGone:
    'The quiz ping role no longer exists. An admin can pick a new one with `/quiz settings ping-role:`.',
  cannotManage: (problem: string) => `I cannot change your quiz pings. ${problem} Please tell an admin.`,
  refusedByDiscord: (role: string) =>
    `Discord did not let me change ${role}: I need Manage Roles and a role above it. Please tell an admin.`,
  alreadyJoined: (role: string) =>
    `You already get pings for the daily quiz (${role}). To stop them, use the button below or \`/quiz leave\`.`,
  notJoined:
    'You are not on the quiz pings. Join with `/quiz join` or the 🔔 button under the daily question.',
  joined: (role: string) =>
    `🔔 You will be pinged for each daily question (${role}). Stop any time with \`/quiz leave\`.`,
  left: '🔕 You will no longer be pinged for the daily quiz. Join again with `/quiz join`.',
} as const;

/** Offered to a member who asked for pings they already get: leaving is its own button, never the bell. */
export const stopPingsRow: QuizButtonRow = [
  { customId: stopPingsCustomId(), label: 'Stop pinging me', style: 'secondary', emoji: '🔕' },
];
