import {
  type ContentFolderSnapshot,
  type ContentLoadResult,
  formatContentIssue,
  type PackFileName,
  readContentFolder,
  toDayDate,
  validateContentFolder,
} from '../../../src/features/story-packs/core/index.js';

export const VALID_FIXTURE = 'tests/fixtures/content/valid';
export const TODAY = toDayDate('2026-11-25');

/** The valid fixture, read once, named `content` in messages as the real folder is. */
export const validSnapshot: ContentFolderSnapshot = await readContentFolder(VALID_FIXTURE, 'content');

export interface FileEdit {
  readonly pack: string;
  readonly file: PackFileName;
  readonly edit: (text: string) => string | undefined;
}

/** Replaces the only occurrence of `from`; fails loudly if the fixture changed. */
export function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    const first = text.indexOf(from);
    if (first < 0 || text.indexOf(from, first + 1) >= 0) {
      throw new Error(`expected exactly one ${JSON.stringify(from)} in the fixture`);
    }
    return text.slice(0, first) + to + text.slice(first + from.length);
  };
}

/** The valid fixture with some files edited (an edit returning undefined removes the file). */
export function editedSnapshot(...edits: readonly FileEdit[]): ContentFolderSnapshot {
  const stories = validSnapshot.stories;
  if (stories === undefined) throw new Error('the valid fixture has no stories folder');
  const packs = stories.packs.map((pack) => {
    const files = { ...pack.files };
    for (const { edit, file } of edits.filter((candidate) => candidate.pack === pack.name)) {
      const text = files[file];
      if (text === undefined) throw new Error(`${pack.name}/${file} is not in the fixture`);
      const edited = edit(text);
      if (edited === undefined) delete files[file];
      else files[file] = edited;
    }
    return { ...pack, files };
  });
  return { ...validSnapshot, stories: { ...stories, packs } };
}

export function validate(snapshot: ContentFolderSnapshot): ContentLoadResult {
  return validateContentFolder(snapshot, { today: TODAY });
}

/** The errors of a result as the check prints them, or an empty list when it is valid. */
export function errorLines(result: ContentLoadResult): string[] {
  return result.kind === 'invalid' ? result.errors.map(formatContentIssue) : [];
}

export function warningLines(result: ContentLoadResult): string[] {
  return result.warnings.map(formatContentIssue);
}

export function errorsAfter(...edits: readonly FileEdit[]): string[] {
  return errorLines(validate(editedSnapshot(...edits)));
}
