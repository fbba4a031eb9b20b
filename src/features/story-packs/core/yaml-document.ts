import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export type IssuePath = readonly (string | number)[];

export interface YamlProblem {
  readonly line: number;
  readonly message: string;
}

export type YamlParse =
  | { kind: 'ok'; data: unknown; locate: (path: IssuePath) => number | undefined; warnings: YamlProblem[] }
  | { kind: 'invalid'; errors: YamlProblem[] };

const PLAIN_MESSAGES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'a field is written twice in the same place; keep one',
  MULTIPLE_DOCS: 'a "---" line starts a second document; a file holds one, so remove that line',
  TAB_AS_INDENT: 'a tab is used to indent; indent with spaces',
};

const HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put text containing ": " in double quotes',
  MULTILINE_IMPLICIT_KEY: 'put text containing ": " in double quotes, or check the indentation',
  BAD_DQ_ESCAPE: 'inside double quotes, write a backslash as \\\\ and a quote as \\"',
  BAD_SCALAR_START: 'put the text in double quotes',
  BAD_INDENT: 'check the indentation: entries of a list or group line up under each other',
  MISSING_CHAR: 'check for a missing closing quote or bracket',
  UNEXPECTED_TOKEN: 'check for a stray character, or put the text in double quotes',
};

function plainYamlMessage(code: string, message: string): string {
  const plain = PLAIN_MESSAGES[code];
  if (plain !== undefined) return `YAML syntax: ${plain}`;
  const firstLine = (message.split('\n')[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/; please .*$/, '');
  const sentence = `YAML syntax: ${firstLine.charAt(0).toLowerCase()}${firstLine.slice(1)}`;
  const hint = HINTS[code];
  return hint === undefined ? sentence : `${sentence}; ${hint}`;
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

/**
 * Parses one YAML file, keeping a way to find the line of a path. On a syntax error, reports the first
 * one with its line: later ones usually follow from it.
 */
export function parseYaml(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const more = document.errors.length > 1 ? ' (the rest of the file is checked once this is fixed)' : '';
    return {
      kind: 'invalid',
      errors: [
        {
          line: lineAt(firstError.pos[0]),
          message: plainYamlMessage(firstError.code, firstError.message) + more,
        },
      ],
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
