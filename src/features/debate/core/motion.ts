import { cleanText, escapeMarkdown, neutraliseMentions, truncateAtWord } from '../../../platform/text.js';

export const motionMaxLength = 200;
export const threadNameMaxLength = 100;

export type MotionCheck =
  | { kind: 'ok'; motion: string }
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number; maximum: number };

/**
 * Turns free text into a motion: one line, no invisible or control characters, mentions
 * neutralised. Markdown stays as typed here and is escaped wherever the motion is shown.
 */
export function sanitizeMotion(raw: string): MotionCheck {
  const motion = neutraliseMentions(cleanText(raw));
  if (motion.length === 0) return { kind: 'empty' };
  if (motion.length > motionMaxLength)
    return { kind: 'too-long', length: motion.length, maximum: motionMaxLength };
  return { kind: 'ok', motion };
}

/** The motion as shown in messages and embeds: markdown escaped. */
export function displayMotion(motion: string): string {
  return escapeMarkdown(motion);
}

/** A thread name (Discord allows 100 characters) made from the motion. */
export function threadNameForMotion(motion: string): string {
  return truncateAtWord(motion, threadNameMaxLength);
}
