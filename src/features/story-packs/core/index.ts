export {
  compareDates,
  type DatePrecision,
  type DayDate,
  dayDateOf,
  formatDate,
  isAfterDay,
  type PrecisionDate,
  parseDayDate,
  parsePrecisionDate,
  toDayDate,
} from './dates.js';
export { type ContentIssue, formatContentIssue } from './issues.js';
export {
  AUTOCOMPLETE_LIMIT,
  answerIndexOf,
  type ContentLibrary,
  createContentLibrary,
  type StoryMatch,
} from './library.js';
export {
  ANSWER_LETTERS,
  type AnswerLetter,
  DIFFICULTIES,
  type Difficulty,
  ID_LIMIT,
  ID_PATTERN,
  TEXT_LIMITS,
  type TextLimit,
  VERDICTS,
  type Verdict,
} from './limits.js';
export { displayPathOf, type LoadContentOptions, loadContent, readContentFolder } from './loader.js';
export { type FileSource, isJsonValue, type ParseCache } from './parse-cache.js';
export { formatContentReport } from './report.js';
export { createStoryPackScaffold, type ScaffoldResult, scaffoldStoryPack } from './scaffold.js';
export {
  articleSchema,
  correctionSchema,
  debatePromptSchema,
  debatesFileSchema,
  factCheckSchema,
  factChecksFileSchema,
  keyPointSchema,
  PACK_FILE_NAMES,
  type PackFileName,
  quizFileSchema,
  quizQuestionSchema,
  sourceSchema,
  storySchema,
  timelineEventSchema,
  timelineFileSchema,
  updateSchema,
} from './schema.js';
export { normaliseForSearch, type SearchIndexOptions, type Tokenizer, wordTokenizer } from './search.js';
export type {
  Article,
  Correction,
  DebatePrompt,
  DebatesFile,
  FactCheck,
  FactChecksFile,
  KeyPoint,
  ParsedStoryPack,
  QuizFile,
  QuizQuestion,
  Source,
  Story,
  StoryItem,
  TimelineEvent,
  TimelineFile,
  Update,
} from './types.js';
export {
  type ContentFolderSnapshot,
  type ContentLoadResult,
  type PackFolderSnapshot,
  type ValidateOptions,
  validateContentFolder,
} from './validate.js';
