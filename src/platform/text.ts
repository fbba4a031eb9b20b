const invisibleCharacters = /[\u200B\u200C\u200E\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u061C]/g;
const controlCharacters = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const zeroWidthSpace = '\u200B';

/** Removes control, bidirectional-override and zero-width characters, and collapses whitespace. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(controlCharacters, ' ')
    .replace(invisibleCharacters, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Rewrites Discord mentions so that, shown anywhere, they neither ping nor render as mentions. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/<@!?\d+>/g, '@member')
    .replace(/<@&\d+>/g, '@role')
    .replace(/<#\d+>/g, '#channel')
    .replace(/<\/([\w-]+(?: [\w-]+){0,2}):\d+>/g, '/$1')
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/@(everyone|here)/gi, `@${zeroWidthSpace}$1`);
}

/**
 * Escapes Discord markdown so the text shows exactly as typed. Every debate message uses this one,
 * not discord.js's, so text escapes the same way in domain renderers and in Discord-facing code.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#>-])/gm, (_, space: string, marker: string) => `${space}\\${marker}`);
}

/** Cleans, neutralises mentions and escapes markdown: safe to show inside any message. */
export function toSafeDisplay(raw: string): string {
  return escapeMarkdown(neutraliseMentions(cleanText(raw)));
}

/** Shortens text to at most `max` characters, at a word boundary when one is near, marking the cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const character of text) {
    if (kept.length + character.length > max - 1) break;
    kept += character;
  }
  const lastSpace = kept.lastIndexOf(' ');
  const cut = lastSpace >= Math.floor(max * 0.6) ? kept.slice(0, lastSpace) : kept;
  return `${cut.trimEnd()}…`;
}
