/**
 * Splitting and shortening text for Discord's length limits, at the most natural boundary that fits:
 * a blank line, then a line break, then the end of a sentence, then a space. A word is cut only when
 * it alone is longer than the limit. Masked links `[name](url)` are never cut.
 */

type Boundary = 'paragraph' | 'line' | 'sentence' | 'space';

const boundaryOrder: readonly Boundary[] = ['paragraph', 'line', 'sentence', 'space'];

/** A coarser boundary is used only when it keeps at least this share of the limit in the chunk. */
const minimumFill: Record<Boundary, number> = { paragraph: 0.5, line: 0.5, sentence: 0.4, space: 0 };

const maskedLink = /\[[^\]\n]*\]\([^)\s]*\)/g;

function protectedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(maskedLink)].map((match) => [match.index, match.index + match[0].length]);
}

function insideSpan(position: number, spans: ReadonlyArray<[number, number]>): boolean {
  return spans.some(([start, end]) => position > start && position < end);
}

function isBoundary(text: string, position: number, boundary: Boundary): boolean {
  const before = text[position - 1];
  const at = text[position];
  if (before === undefined || at === undefined) return false;
  switch (boundary) {
    case 'paragraph':
      return at === '\n' && before === '\n';
    case 'line':
      return at === '\n';
    case 'sentence':
      return /\s/.test(at) && /[.!?…]["'”’)]?$/.test(text.slice(Math.max(0, position - 2), position));
    case 'space':
      return /\s/.test(at);
  }
}

/** The position where the next chunk ends: the last fitting boundary of the best kind, else `limit`. */
function findCut(text: string, limit: number, spans: ReadonlyArray<[number, number]>): number {
  for (const boundary of boundaryOrder) {
    const floor = Math.floor(limit * minimumFill[boundary]);
    for (let position = limit; position > floor && position > 0; position -= 1) {
      if (isBoundary(text, position, boundary) && !insideSpan(position, spans)) return position;
    }
  }
  const span = spans.find(([start, end]) => limit > start && limit < end && start > 0);
  return span ? span[0] : limit;
}

/**
 * Splits `text` into chunks of at most `limit` characters. Whitespace at the cut is dropped, so
 * joining the chunks with a space or line break gives the text back.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError('limit must be at least 1');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit, protectedSpans(rest));
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** Shortens `text` to at most `limit` characters at a word boundary, ending with an ellipsis. */
export function shortenText(text: string, limit: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  if (limit < 2) return '…'.slice(0, limit);
  const room = limit - 1;
  const head = trimmed.slice(0, room + 1);
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace > room / 2 ? lastSpace : room;
  return `${trimmed
    .slice(0, cut)
    .trimEnd()
    .replace(/[,;:.\s]+$/, '')}…`;
}
