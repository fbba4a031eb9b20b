import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { type IssuePath, parseYaml, type YamlParse } from './yaml-document.js';

/**
 * Plain values of story pack files parsed before, so that a file whose bytes did not change skips YAML
 * parsing. Entries are keyed by the file's path and the SHA-256 of its bytes; values are JSON (objects,
 * arrays, strings, finite numbers, booleans, null). Kept outside the content engine, e.g. in the bot's
 * database; the schemas and cross-checks still run on every load.
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

/** The YAML parser's version is part of every key, so an upgrade that parses differently starts afresh. */
const parserTag = `yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}\n`;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(parserTag).update(bytes).digest('hex');
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
 * Parses a file, or takes its value from the cache when its bytes are unchanged; lines are then found by
 * parsing only if a problem must be located. Only files that parse without YAML errors or warnings, into
 * plain JSON values, are stored, so a load reports the same with or without the cache.
 */
export function parseYamlWithCache(
  text: string,
  source: FileSource | undefined,
  cache: ParseCache | undefined,
): YamlParse {
  if (cache === undefined || source === undefined) return parseYaml(text);
  const cached = cache.get(source.path, source.sha256);
  if (cached !== undefined) return { kind: 'ok', data: cached, locate: locateOnDemand(text), warnings: [] };
  const parsed = parseYaml(text);
  if (parsed.kind === 'ok' && parsed.warnings.length === 0 && isJsonValue(parsed.data)) {
    cache.set(source.path, source.sha256, parsed.data);
  }
  return parsed;
}
