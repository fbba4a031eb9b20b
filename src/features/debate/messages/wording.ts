import { escapeMarkdown } from '../../../platform/text.js';

/** Small pieces of wording shared by the debate messages. */

const endsSentence = /[.!?…]["'”’)\]]*$/u;

/** Ends text with a full stop unless it already ends a sentence; trailing commas and colons go. */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd().replace(/[,;:]+$/u, '');
  if (trimmed.length === 0) return trimmed;
  return endsSentence.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A member's or moderator's own words, escaped, as a quoted sentence: “Good discussion.” */
export function quoted(text: string): string {
  return `“${asSentence(escapeMarkdown(text))}”`;
}

/** `warning 2 of 3`; past the limit, `warning 4, past the limit of 3`. */
export function warningOf(count: number, limit: number): string {
  return count <= limit ? `warning ${count} of ${limit}` : `warning ${count}, past the limit of ${limit}`;
}

/** `1 warning`, `3 warnings`. */
export function warnings(count: number): string {
  return `${count} ${count === 1 ? 'warning' : 'warnings'}`;
}
