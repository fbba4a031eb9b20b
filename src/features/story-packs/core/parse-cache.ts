import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DateText } from './cross-checks.js';
import { type IssuePath, parseYaml, type YamlParse } from './yaml-document.js';

/**
 * Story pack files checked before, so that a file whose bytes did not change skips YAML parsing and,
 * when it passed its schema and the checks of its own values, those too. Entries are keyed by the
 * file's path and a SHA-256 of its bytes, the YAML and zod versions and the content engine's code;
 * values are JSON (objects, arrays, strings, finite numbers, booleans, null). Kept outside the content
 * engine, e.g. in the bot's database; the checks against the day (dates, `valid_until`) and across
 * packs (unique ids) run on every load.
 */
export interface ParseCache {
  /** The value stored for `path` with this `sha256`, or `undefined` when there is none (or it is unreadable). */
  get(path: string, sha256: string): unknown;
  set(path: string, sha256: string, value: unknown): void;
  /** Forgets every entry whose path is not among `paths` (files removed since). */
  prune(paths: readonly string[]): void;
}

/** Where a file was read from, and the SHA-256 of its bytes (hex): the key of its cached value. */
export interface FileSource {
  readonly path: string;
  readonly sha256: string;
}

const requireHere = createRequire(import.meta.url);

function versionOf(packageName: string): string {
  return (requireHere(`${packageName}/package.json`) as { version: string }).version;
}

/** The files of the content engine (schemas, limits, rules), whatever the folder runs from: src or dist. */
function fingerprintContentCode(): string {
  const folder = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile());
  for (const name of entries.map((entry) => entry.name).sort()) {
    hash
      .update(`${name}\n`)
      .update(readFileSync(path.join(folder, name)))
      .update('\n');
  }
  return hash.digest('hex');
}

/**
 * Part of every key: the YAML and zod versions and the content engine's code, so that an upgrade or a
 * change of a schema or a limit starts afresh.
 */
const codeTag = `yaml@${versionOf('yaml')} zod@${versionOf('zod')} content@${fingerprintContentCode()}\n`;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(codeTag).update(bytes).digest('hex');
}

/** True when `value` survives a JSON round trip unchanged, so the cache cannot alter what is validated. */
export function isJsonValue(value: unknown, enclosing: Set<object> = new Set()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || enclosing.has(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  const isPlainObject = prototype === Object.prototype || prototype === null;
  if (!Array.isArray(value) && !isPlainObject) return false;
  enclosing.add(value);
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  const plain = children.every((child) => isJsonValue(child, enclosing));
  enclosing.delete(value);
  return plain;
}

/** Finds lines by parsing `text` the first time one is asked for. */
function locateOnDemand(text: string): (path: IssuePath) => number | undefined {
  let document: YamlParse | undefined;
  return (path) => {
    document ??= parseYaml(text);
    return document.kind === 'ok' ? document.locate(path) : undefined;
  };
}

/**
 * What is kept of a file that passed its schema with no problem that depends on its bytes alone: the
 * schema's output and the text of its dates, which are checked against the day on every load.
 */
export interface CheckedFileEntry {
  readonly output: unknown;
  readonly dates: readonly DateText[];
}

function isCheckedFileEntry(entry: object): entry is CheckedFileEntry {
  return 'output' in entry && 'dates' in entry && Array.isArray(entry.dates);
}

/**
 * A file from the cache, already checked against its schema, or its YAML value, parsed or from the cache.
 * `remember` stores what the checks of a parsed value found: the entry of a file that passed them, or
 * `undefined`, which keeps only the value. Only plain JSON values are stored.
 */
export type CachedParse =
  | {
      readonly kind: 'checked';
      readonly entry: CheckedFileEntry;
      readonly locate: (path: IssuePath) => number | undefined;
    }
  | {
      readonly kind: 'parsed';
      readonly yaml: YamlParse;
      readonly remember: (entry: CheckedFileEntry | undefined) => void;
    };

const REMEMBER_NOTHING = () => {};

/**
 * Parses a file, or takes its value or checked entry from the cache when its bytes are unchanged; lines
 * are then found by parsing only if a problem must be located. Only files that parse without YAML errors
 * or warnings, into plain JSON values, are stored, so a load reports the same with or without the cache.
 */
export function parseYamlWithCache(
  text: string,
  source: FileSource | undefined,
  cache: ParseCache | undefined,
): CachedParse {
  if (cache === undefined || source === undefined) {
    return { kind: 'parsed', yaml: parseYaml(text), remember: REMEMBER_NOTHING };
  }
  const storeChecked = (entry: CheckedFileEntry | undefined): boolean => {
    if (entry === undefined || !isJsonValue(entry)) return false;
    cache.set(source.path, source.sha256, { output: entry.output, dates: entry.dates });
    return true;
  };
  const cached = cache.get(source.path, source.sha256);
  if (typeof cached === 'object' && cached !== null) {
    if (isCheckedFileEntry(cached)) return { kind: 'checked', entry: cached, locate: locateOnDemand(text) };
    if ('value' in cached) {
      const yaml: YamlParse = { kind: 'ok', data: cached.value, locate: locateOnDemand(text), warnings: [] };
      return { kind: 'parsed', yaml, remember: storeChecked };
    }
  }
  const yaml = parseYaml(text);
  if (yaml.kind !== 'ok' || yaml.warnings.length > 0 || !isJsonValue(yaml.data)) {
    return { kind: 'parsed', yaml, remember: REMEMBER_NOTHING };
  }
  const remember = (entry: CheckedFileEntry | undefined) => {
    if (!storeChecked(entry)) cache.set(source.path, source.sha256, { value: yaml.data });
  };
  return { kind: 'parsed', yaml, remember };
}
