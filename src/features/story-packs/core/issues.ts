import { z } from 'zod';
import { type FieldInfo, fieldInfo } from './schema.js';
import { closestWord } from './text-distance.js';
import type { IssuePath } from './yaml-document.js';

/**
 * One problem in the content, located for its author: `file` is a path relative to the working
 * folder (e.g. `content/stories/us-japan-alliance/quiz.yaml`), `line` is 1-based when known,
 * `path` names the field (`questions[7].answer`, empty for the whole file) and `message` says
 * what is wrong in plain words.
 */
export interface ContentIssue {
  readonly file: string;
  readonly line?: number;
  readonly path: string;
  readonly message: string;
}

/** `questions[7].answer`: keys joined with dots, list positions (from 0) in brackets. */
export function formatIssuePath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** `file:line path: message`, leaving out what is unknown. */
export function formatContentIssue(issue: ContentIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return issue.path === '' ? `${place}: ${issue.message}` : `${place} ${issue.path}: ${issue.message}`;
}

interface FieldView {
  readonly schema: z.core.$ZodType | undefined;
  readonly info: FieldInfo | undefined;
}

function unwrapSchema(schema: z.core.$ZodType): FieldView {
  let current = schema;
  let info = fieldInfo.get(current);
  for (;;) {
    if (current instanceof z.ZodReadonly || current instanceof z.ZodOptional) current = current.unwrap();
    else if (current instanceof z.ZodPipe) current = current.in;
    else return { schema: current, info };
    info ??= fieldInfo.get(current);
  }
}

function viewAt(root: z.core.$ZodType, path: IssuePath): FieldView {
  let view = unwrapSchema(root);
  for (const segment of path) {
    const { schema } = view;
    let next: z.core.$ZodType | undefined;
    if (schema instanceof z.ZodObject && typeof segment === 'string') {
      next = (schema.shape as Record<string, z.core.$ZodType>)[segment];
    } else if (schema instanceof z.ZodArray) {
      next = schema.element as z.core.$ZodType;
    }
    if (next === undefined) return { schema: undefined, info: undefined };
    view = unwrapSchema(next);
  }
  return view;
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the word ${value}`;
  return 'a group of fields';
}

function quoteList(values: readonly unknown[]): string {
  return values.map((value) => String(value)).join(', ');
}

function describeExpected(view: FieldView): string {
  const { schema, info } = view;
  if (info?.kind === 'date') return 'a date in quotes, e.g. "1951", "1951-09" or "1951-09-08"';
  if (info?.kind === 'day') return 'a date in quotes, e.g. "2026-11-25"';
  if (info?.kind === 'url') return 'a web address starting with https://';
  if (schema instanceof z.ZodObject) return `a group of fields (${Object.keys(schema.shape).join(', ')})`;
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodEnum) return `one of: ${quoteList(schema.options)}`;
  if (schema instanceof z.ZodLiteral) return quoteList([...schema.values]);
  return 'text';
}

const FILE_START = 'every file starts with "schema_version: 1"';

function describeMissing(path: IssuePath, view: FieldView): string {
  if (path.length === 1 && path[0] === 'schema_version') return `is missing; ${FILE_START}`;
  return `is missing; expected ${describeExpected(view)}`;
}

function describeWrongType(path: IssuePath, view: FieldView, value: unknown): string {
  if (value === undefined) return describeMissing(path, view);
  if (path.length === 0) return `the file must be a set of fields; ${FILE_START}`;
  if (value === null) return `is empty; expected ${describeExpected(view)}`;
  const expectsText = view.schema instanceof z.ZodString || view.info !== undefined;
  if (expectsText && (typeof value === 'number' || typeof value === 'boolean')) {
    return `must be in quotes: "${value}"`;
  }
  const listHint = view.schema instanceof z.ZodArray ? ' (write each entry on its own line after "- ")' : '';
  return `must be ${describeExpected(view)}, not ${describeValue(value)}${listHint}`;
}

function describeWrongValue(path: IssuePath, view: FieldView, value: unknown): string {
  if (value === undefined || value === null) return describeMissing(path, view);
  const { schema } = view;
  if (schema instanceof z.ZodLiteral) {
    return `must be ${quoteList([...schema.values])}, not ${JSON.stringify(value)} (this is format version 1)`;
  }
  const allowed = schema instanceof z.ZodEnum ? schema.options.map(String) : [];
  const suggestion = typeof value === 'string' ? closestWord(value, allowed) : undefined;
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  return `${JSON.stringify(value)} is not one of: ${allowed.join(', ')}${hint}`;
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

function describeTooBig(issue: z.core.$ZodIssueTooBig, view: FieldView, value: unknown): string {
  const reason = view.info?.shownAs === undefined ? '' : ` (${view.info.shownAs})`;
  if (typeof value === 'string') {
    return `is ${characters(value.trim().length)}; at most ${issue.maximum} fit here${reason}`;
  }
  const count = Array.isArray(value) ? value.length : 0;
  return `has ${entries(count)}; at most ${issue.maximum} are allowed${reason}`;
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  if (typeof value === 'string') return 'is empty';
  const count = Array.isArray(value) ? value.length : 0;
  if (count === 0) return `is an empty list; at least ${issue.minimum} entries are needed`;
  return `has ${entries(count)}; at least ${issue.minimum} are needed`;
}

export interface LocatedMessage {
  readonly path: IssuePath;
  readonly message: string;
}

/** Turns a zod issue into messages an author understands (one per unknown field). */
export function explainZodIssue(
  issue: z.core.$ZodIssue,
  root: z.core.$ZodType,
  data: unknown,
): LocatedMessage[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const view = viewAt(root, path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, message: describeWrongType(path, view, value) }];
    case 'invalid_value':
      return [{ path, message: describeWrongValue(path, view, value) }];
    case 'too_big':
      return [{ path, message: describeTooBig(issue, view, value) }];
    case 'too_small':
      return [{ path, message: describeTooSmall(issue, value) }];
    case 'unrecognized_keys': {
      const allowed = view.schema instanceof z.ZodObject ? Object.keys(view.schema.shape) : [];
      return issue.keys.map((key) => {
        const suggestion = closestWord(key, allowed);
        const hint =
          suggestion === undefined
            ? `; allowed here: ${allowed.join(', ')}`
            : `; did you mean ${suggestion}?`;
        return { path: [...path, key], message: `unknown field "${key}"${hint}` };
      });
    }
    default:
      return [{ path, message: issue.message }];
  }
}
