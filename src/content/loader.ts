import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DayDate, toDayDate } from './dates.js';
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
  const otherEntries: string[] = [];
  for (const entry of await listVisible(dir)) {
    if (entry.isFile() && (PACK_FILE_NAMES as readonly string[]).includes(entry.name)) {
      files[entry.name as PackFileName] = await readFile(path.join(dir, entry.name), 'utf8');
    } else {
      otherEntries.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
    }
  }
  return { name, files, otherEntries };
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

/**
 * Loads every story pack under `<dir>/stories/`. Returns the library, or every error at once with
 * its file, line and field; warnings (such as an expired `valid_until`) come with either outcome.
 */
export async function loadContent(dir: string, options: LoadContentOptions): Promise<ContentLoadResult> {
  const snapshot = await readContentFolder(dir, options.displayDir);
  return validateContentFolder(snapshot, { today: toDayDate(options.today) });
}
