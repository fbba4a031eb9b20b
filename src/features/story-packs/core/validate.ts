import type { z } from 'zod';
import {
  collectDateTexts,
  collectIds,
  type FoundId,
  findDateProblems,
  findItemProblems,
  findPlaceholders,
} from './cross-checks.js';
import type { DayDate } from './dates.js';
import { type ContentIssue, explainZodIssue, formatIssuePath } from './issues.js';
import type { PathProblem } from './item-rules.js';
import { type ContentLibrary, createContentLibrary } from './library.js';
import { ID_PATTERN } from './limits.js';
import { findCorrectionReferenceProblems } from './pack-references.js';
import {
  type CachedParse,
  type CheckedFileEntry,
  type FileSource,
  type ParseCache,
  parseYamlWithCache,
} from './parse-cache.js';
import { PACK_FILE_NAMES, PACK_FILES, type PackFileName } from './schema.js';
import { closestWord } from './text-distance.js';
import type { ParsedStoryPack } from './types.js';
import type { IssuePath, YamlParse } from './yaml-document.js';

/** The outcome of loading the content: a library, or every error found. Warnings never block. */
export type ContentLoadResult =
  | { readonly kind: 'ok'; readonly library: ContentLibrary; readonly warnings: readonly ContentIssue[] }
  | {
      readonly kind: 'invalid';
      readonly errors: readonly ContentIssue[];
      readonly warnings: readonly ContentIssue[];
    };

/** One folder under `stories/`: the text of the pack files it has, and the names of anything else. */
export interface PackFolderSnapshot {
  readonly name: string;
  readonly files: Readonly<Partial<Record<PackFileName, string>>>;
  /** For files read from disk: their path and hash, by which a parse cache knows them. */
  readonly sources?: Readonly<Partial<Record<PackFileName, FileSource>>>;
  /** Other entries, folders written with a trailing `/`. Hidden entries (starting with `.`) are left out. */
  readonly otherEntries: readonly string[];
}

/** What a content folder holds, read from disk or built in memory. */
export interface ContentFolderSnapshot {
  /** How the folder is named in messages, e.g. `content`. */
  readonly displayDir: string;
  /** Absent when `<dir>/stories` does not exist. */
  readonly stories?: {
    readonly packs: readonly PackFolderSnapshot[];
    /** Files directly under `stories/`, where only pack folders belong. */
    readonly strayEntries: readonly string[];
  };
}

const FILE_LIST = 'story.yaml, timeline.yaml, factchecks.yaml, debates.yaml and quiz.yaml';

export interface ValidateOptions {
  readonly today: DayDate;
  /**
   * Files checked before: a file read from disk with unchanged bytes skips YAML parsing, and its schema
   * and own checks when it passed them before; the checks against the day and across packs always run.
   */
  readonly parseCache?: ParseCache | undefined;
}

interface CheckedFile {
  readonly label: string;
  readonly errors: ContentIssue[];
  readonly warnings: ContentIssue[];
  readonly ids: readonly { readonly id: string; readonly path: IssuePath }[];
  /** The line of a path; may parse the file, so it is asked only for paths that are reported. */
  readonly locate: (path: IssuePath) => number | undefined;
  readonly parsed?: unknown;
  /** What a parse cache may keep: present when the file passed its schema and the checks of its own values. */
  readonly entry?: CheckedFileEntry;
}

const NOWHERE = () => undefined;

function issueAt(file: string, line: number | undefined, path: IssuePath, message: string): ContentIssue {
  return line === undefined
    ? { file, path: formatIssuePath(path), message }
    : { file, line, path: formatIssuePath(path), message };
}

/** One message per field: placeholders first, then cross-checks, then the schema's findings. */
function keepOnePerPath(groups: readonly (readonly PathProblem[])[]): PathProblem[] {
  const seen = new Set<string>();
  const kept: PathProblem[] = [];
  for (const group of groups) {
    for (const problem of group) {
      const key = formatIssuePath(problem.path);
      if (seen.has(key) && key !== '') continue;
      seen.add(key);
      kept.push(problem);
    }
  }
  return kept;
}

function folderProblemsOf(
  fileName: PackFileName,
  ids: readonly FoundId[],
  folderName: string,
): PathProblem[] {
  const storyId = fileName === 'story.yaml' ? ids[0]?.id : undefined;
  if (storyId === undefined || storyId === folderName) return [];
  return [
    {
      path: ['id'],
      message: `"${storyId}" differs from the folder name "${folderName}"; the two must be the same`,
    },
  ];
}

function checkFile(
  label: string,
  fileName: PackFileName,
  folderName: string,
  yaml: YamlParse,
  today: DayDate,
): CheckedFile {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  if (yaml.kind === 'invalid') {
    for (const error of yaml.errors) errors.push(issueAt(label, error.line, [], error.message));
    return { label, errors, warnings, ids: [], locate: NOWHERE };
  }
  for (const warning of yaml.warnings) warnings.push(issueAt(label, warning.line, [], warning.message));
  const { data, locate } = yaml;
  if (data === null || data === undefined) {
    errors.push(issueAt(label, 1, [], 'the file is empty; every file starts with "schema_version: 1"'));
    return { label, errors, warnings, ids: [], locate };
  }

  const schema: z.ZodType = PACK_FILES[fileName];
  const parsed = schema.safeParse(data);
  const schemaProblems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => explainZodIssue(issue, schema, data));
  const dateTexts = collectDateTexts(data);
  const dates = findDateProblems(dateTexts, today);
  const ids = collectIds(fileName, data);
  const ownProblems = [
    findPlaceholders(data),
    folderProblemsOf(fileName, ids, folderName),
    findItemProblems(fileName, data),
  ];
  const problems = keepOnePerPath([...ownProblems, dates.errors, schemaProblems]);
  for (const problem of problems)
    errors.push(issueAt(label, locate(problem.path), problem.path, problem.message));
  for (const problem of dates.warnings) {
    warnings.push(issueAt(label, locate(problem.path), problem.path, problem.message));
  }
  if (!parsed.success) return { label, errors, warnings, ids, locate };
  const passed = ownProblems.every((group) => group.length === 0);
  return passed
    ? {
        label,
        errors,
        warnings,
        ids,
        locate,
        parsed: parsed.data,
        entry: { output: parsed.data, dates: dateTexts },
      }
    : { label, errors, warnings, ids, locate, parsed: parsed.data };
}

/** A file whose bytes passed its schema and its own checks before: only the checks against the day run. */
function checkCachedFile(
  label: string,
  fileName: PackFileName,
  folderName: string,
  cached: Extract<CachedParse, { kind: 'checked' }>,
  today: DayDate,
): CheckedFile {
  const { entry, locate } = cached;
  const ids = collectIds(fileName, entry.output);
  const dates = findDateProblems(entry.dates, today);
  const problems = keepOnePerPath([folderProblemsOf(fileName, ids, folderName), dates.errors]);
  const errors = problems.map((problem) =>
    issueAt(label, locate(problem.path), problem.path, problem.message),
  );
  const warnings = dates.warnings.map((problem) =>
    issueAt(label, locate(problem.path), problem.path, problem.message),
  );
  return { label, errors, warnings, ids, locate, parsed: entry.output };
}

function idLocation(file: CheckedFile, path: IssuePath): Omit<ContentIssue, 'message'> {
  return { file: file.label, line: file.locate(path) ?? 1, path: formatIssuePath(path) };
}

function describeStrayEntry(entry: string): string {
  if (entry.endsWith('/')) return `unexpected folder; a story pack holds only ${FILE_LIST}`;
  const renamed = entry.replace(/\.yml$/, '.yaml');
  if (renamed !== entry && (PACK_FILE_NAMES as readonly string[]).includes(renamed)) {
    return `unexpected file; rename it to ${renamed}`;
  }
  const suggestion = closestWord(entry, PACK_FILE_NAMES);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  return `unexpected file${hint}; a story pack holds only ${FILE_LIST}`;
}

function byLine(left: ContentIssue, right: ContentIssue): number {
  return (left.line ?? 0) - (right.line ?? 0);
}

/** Each correction in a story.yaml names items of its own pack; the problems go to that story.yaml. */
function checkCorrectionReferences(
  packFiles: readonly { readonly pack: string; readonly files: readonly CheckedFile[] }[],
): void {
  const packOfId = new Map<string, string>();
  for (const { pack, files } of packFiles)
    for (const file of files) for (const { id } of file.ids) if (!packOfId.has(id)) packOfId.set(id, pack);
  for (const { pack, files } of packFiles) {
    const storyFile = files.find((file) => file.label.endsWith('/story.yaml'));
    if (storyFile?.parsed === undefined) continue;
    const ids = new Set(files.flatMap((file) => file.ids.map((found) => found.id)));
    for (const problem of findCorrectionReferenceProblems(storyFile.parsed, { pack, ids }, packOfId))
      storyFile.errors.push(
        issueAt(storyFile.label, storyFile.locate(problem.path), problem.path, problem.message),
      );
  }
}

/**
 * Validates a content folder snapshot: every file against its schema, then the rules across fields,
 * files and packs. Reports every error at once; builds the library only when there is none.
 */
export function validateContentFolder(
  snapshot: ContentFolderSnapshot,
  options: ValidateOptions,
): ContentLoadResult {
  const storiesLabel = `${snapshot.displayDir}/stories`;
  if (snapshot.stories === undefined) {
    const errors = [
      {
        file: storiesLabel,
        path: '',
        message: `folder not found; story packs go in ${storiesLabel}/<story-id>/`,
      },
    ];
    return { kind: 'invalid', errors, warnings: [] };
  }
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  for (const entry of snapshot.stories.strayEntries) {
    errors.push({
      file: `${storiesLabel}/${entry}`,
      path: '',
      message: `unexpected file; each story pack is a folder ${storiesLabel}/<story-id>/ holding ${FILE_LIST}`,
    });
  }
  const packs = [...snapshot.stories.packs].sort((left, right) => left.name.localeCompare(right.name));
  if (packs.length === 0) {
    errors.push({
      file: storiesLabel,
      path: '',
      message: 'holds no story pack yet; create one with npm run content:new -- <story-id>',
    });
  }

  const checkedFiles: CheckedFile[] = [];
  const parsedPacks: ParsedStoryPack[] = [];
  const packFiles: { readonly pack: string; readonly files: CheckedFile[] }[] = [];
  for (const pack of packs) {
    const ownFiles: CheckedFile[] = [];
    packFiles.push({ pack: pack.name, files: ownFiles });
    const folderLabel = `${storiesLabel}/${pack.name}`;
    const folderErrors: ContentIssue[] = [];
    if (!ID_PATTERN.test(pack.name)) {
      folderErrors.push({
        file: folderLabel,
        path: '',
        message: `the folder name "${pack.name}" is not a valid story id: use lowercase letters, digits and single hyphens`,
      });
    }
    for (const entry of pack.otherEntries) {
      folderErrors.push({ file: `${folderLabel}/${entry}`, path: '', message: describeStrayEntry(entry) });
    }
    checkedFiles.push({ label: folderLabel, errors: folderErrors, warnings: [], ids: [], locate: NOWHERE });
    const parsedFiles: Partial<Record<PackFileName, unknown>> = {};
    for (const fileName of PACK_FILE_NAMES) {
      const label = `${folderLabel}/${fileName}`;
      const text = pack.files[fileName];
      if (text === undefined) {
        const missing = {
          file: label,
          path: '',
          message: `the file is missing; every story pack has ${FILE_LIST}`,
        };
        checkedFiles.push({ label, errors: [missing], warnings: [], ids: [], locate: NOWHERE });
        continue;
      }
      const cached = parseYamlWithCache(text, pack.sources?.[fileName], options.parseCache);
      const checked =
        cached.kind === 'checked'
          ? checkCachedFile(label, fileName, pack.name, cached, options.today)
          : checkFile(label, fileName, pack.name, cached.yaml, options.today);
      if (cached.kind === 'parsed') cached.remember(checked.entry);
      checkedFiles.push(checked);
      ownFiles.push(checked);
      if (checked.parsed !== undefined) parsedFiles[fileName] = checked.parsed;
    }
    const { 'story.yaml': story, 'timeline.yaml': timeline } = parsedFiles;
    const { 'factchecks.yaml': factChecks, 'debates.yaml': debates, 'quiz.yaml': quiz } = parsedFiles;
    if (story && timeline && factChecks && debates && quiz) {
      parsedPacks.push({ story, timeline, factChecks, debates, quiz } as ParsedStoryPack);
    }
  }

  const firstUse = new Map<string, { readonly file: CheckedFile; readonly path: IssuePath }>();
  for (const file of checkedFiles) {
    for (const { id, path } of file.ids) {
      const first = firstUse.get(id);
      if (first === undefined) {
        firstUse.set(id, { file, path });
        continue;
      }
      const earlier = idLocation(first.file, first.path);
      file.errors.push({
        ...idLocation(file, path),
        message: `the id "${id}" is already used at ${earlier.file}:${earlier.line} (${earlier.path}); ids must be unique across all packs`,
      });
    }
  }

  checkCorrectionReferences(packFiles);

  for (const file of checkedFiles) {
    errors.push(...file.errors.sort(byLine));
    warnings.push(...file.warnings.sort(byLine));
  }
  if (errors.length > 0) return { kind: 'invalid', errors, warnings };
  return { kind: 'ok', library: createContentLibrary(parsedPacks), warnings };
}
