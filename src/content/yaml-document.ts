import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export type IssuePath = readonly (string | number)[];

export interface YamlProblem {
  readonly line: number;
  readonly message: string;
}

export type YamlParse =
  | { kind: 'ok'; data: unknown; locate: (path: IssuePath) => number | undefined; warnings: YamlProblem[] }
  | { kind: 'invalid'; errors: YamlProblem[] };

const QUOTING_HINT = ' (text containing ": " or starting with a quote, [, {, # or * must be put in quotes)';

const HINTED_CODES = new Set([
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_INDENT',
]);

function plainYamlMessage(code: string, message: string): string {
  const firstLine = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  const sentence = `YAML syntax: ${firstLine.charAt(0).toLowerCase()}${firstLine.slice(1)}`;
  return HINTED_CODES.has(code) ? sentence + QUOTING_HINT : sentence;
}

function lineOf(node: Node | null | undefined, lineCounter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

function keyMatches(key: unknown, segment: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return value === segment || String(value) === String(segment);
}

/**
 * The line of the node at `path`: for a field, the line of its key; for a list entry, the line of the
 * entry; for a missing field, the line of the nearest enclosing node that exists.
 */
function locatePath(document: Document, path: IssuePath, lineCounter: LineCounter): number | undefined {
  let node: unknown = document.contents;
  let line = lineOf(document.contents, lineCounter) ?? 1;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (pair === undefined) return line;
      line = lineOf(pair.key as Node, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return line;
      line = lineOf(item, lineCounter) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

/** Parses one YAML file, reporting syntax errors with their line, and keeps a way to find a path's line. */
export function parseYaml(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    return {
      kind: 'invalid',
      errors: document.errors.map((error) => ({
        line: lineAt(error.pos[0]),
        message: plainYamlMessage(error.code, error.message),
      })),
    };
  }
  const warnings = document.warnings.map((warning) => ({
    line: lineAt(warning.pos[0]),
    message: plainYamlMessage(warning.code, warning.message),
  }));
  return {
    kind: 'ok',
    data: document.toJS({ maxAliasCount: 100 }),
    locate: (path) => locatePath(document, path, lineCounter),
    warnings,
  };
}
