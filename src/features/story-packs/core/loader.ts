import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DayDate, toDayDate } from './dates.js';
import { type FileSource, type ParseCache, sha256Of } from './parse-cache.js';
import { PACK_FILE_NAMES, type PackFileName } from './schema.js';
import {
  type ContentFolderSnapshot,
  type ContentLoadResult,
  type PackFolderSnapshot,
  validateContentFolder,
} from './validate.js';

export interface LoadContentOptions {
  /** The day dates are checked against: a `Date` (its local day) or `"YYYY-MM-DD"`. */
  readonly today: Date | string | DayDate;
  /** How the folder is named in messages; by default its path relative to the working folder. */
  readonly displayDir?: string;
  /**
   * Values of files parsed on an earlier load: a file whose bytes are unchanged skips YAML parsing (the
   * checks still run). Entries of files no longer present are pruned.
   */
  readonly parseCache?: ParseCache;
}

/** `content` for `./content`; the absolute path when the folder lies outside the working folder. */
export function displayPathOf(dir: string): string {
  const absolute = path.resolve(dir);
  const relative = path.relative(process.cwd(), absolute);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

async function listVisible(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((left, right) => left.name.localeCompare(right.name));
}

async function readPackFolder(dir: string, name: string): Promise<PackFolderSnapshot> {
  const files: Partial<Record<PackFileName, string>> = {};
  const sources: Partial<Record<PackFileName, FileSource>> = {};
  const otherEntries: string[] = [];
  const reads: Promise<void>[] = [];
  for (const entry of await listVisible(dir)) {
    if (entry.isFile() && (PACK_FILE_NAMES as readonly string[]).includes(entry.name)) {
      const fileName = entry.name as PackFileName;
      const filePath = path.resolve(dir, fileName);
      reads.push(
        readFile(filePath).then((bytes) => {
          files[fileName] = bytes.toString('utf8');
          sources[fileName] = { path: filePath, sha256: sha256Of(bytes) };
        }),
      );
    } else {
      otherEntries.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
    }
  }
  await Promise.all(reads);
  return { name, files, sources, otherEntries };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** Reads `<dir>/stories/*` into a snapshot; a missing `stories` folder is reported by the validator. */
export async function readContentFolder(
  dir: string,
  displayDir = displayPathOf(dir),
): Promise<ContentFolderSnapshot> {
  const storiesDir = path.join(dir, 'stories');
  let entries: Awaited<ReturnType<typeof listVisible>>;
  try {
    entries = await listVisible(storiesDir);
  } catch (error) {
    if (isMissing(error)) return { displayDir };
    throw error;
  }
  const packs: PackFolderSnapshot[] = [];
  const strayEntries: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) packs.push(await readPackFolder(path.join(storiesDir, entry.name), entry.name));
    else strayEntries.push(entry.name);
  }
  return { displayDir, stories: { packs, strayEntries } };
}

function sourcePathsOf(snapshot: ContentFolderSnapshot): string[] {
  return (snapshot.stories?.packs ?? []).flatMap((pack) =>
    Object.values(pack.sources ?? {}).map((source) => source.path),
  );
}

/**
 * Loads every story pack under `<dir>/stories/`. Returns the library, or every error at once with
 * its file, line and field; warnings (such as an expired `valid_until`) come with either outcome.
 */
export async function loadContent(dir: string, options: LoadContentOptions): Promise<ContentLoadResult> {
  const snapshot = await readContentFolder(dir, options.displayDir);
  const { parseCache } = options;
  const result = validateContentFolder(snapshot, { today: toDayDate(options.today), parseCache });
  parseCache?.prune(sourcePathsOf(snapshot));
  return result;
}
