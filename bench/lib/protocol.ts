/** What a bot process is started with (the BENCH_BOT environment variable, as JSON). */
export interface BotProcessConfig {
  variant: 'roundtable' | 'bare';
  apiUrl: string;
  token: string;
  /** Gateway intents of the bare client (Roundtable uses its own). */
  intents: number;
  databasePath?: string;
  contentDir?: string;
  /** The day story pack dates are checked against. */
  today?: string;
  /** Where Roundtable's manual clock starts (ms). */
  clockStart?: number;
  countEditIntervalMs?: number;
  /** Also print `bench: ready` on stdout once connected. */
  announceReady?: boolean;
}

/** A quiz configuration as stored (see src/features/quiz/core/config.ts). */
export interface StoredQuizConfig {
  guildId: string;
  channelId: string;
  postTime: string;
  timeZone: string;
  durationMinutes: number;
  pingRoleId: string | null;
  paused: boolean;
  activeSince: number;
  updatedAt: number;
}

export type BotRequest =
  | { kind: 'configure-quiz'; configs: StoredQuizConfig[] }
  | { kind: 'tick'; at: number }
  | { kind: 'quiz-rounds'; rounds: { guildId: string; localDate: string }[] }
  | { kind: 'quiz-answers'; roundId: number; userIds: string[] }
  | { kind: 'post-buttons'; channelId: string }
  | { kind: 'memory' }
  /** Event-loop delay and CPU time since the previous `activity` request. */
  | { kind: 'activity' }
  | { kind: 'stop' };

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Whether garbage was collected first (the process runs with --expose-gc). */
  collected: boolean;
}

/** What the bot process did between two `activity` requests (milliseconds). */
export interface Activity {
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** User plus system CPU time of the process. */
  cpuMs: number;
  /** Roundtable only: how long each answer INSERT took on the click path (SQLite, WAL checkpoints included). */
  answerInserts: { count: number; p50: number; p99: number; max: number; over5ms: number } | null;
}

export interface RoundSummary {
  guildId: string;
  roundId: number | null;
  state: string | null;
  messageId: string | null;
  attempts: number;
}

export type BotReply =
  | { kind: 'ready'; uptimeMs: number }
  | { kind: 'failed'; error: string }
  | { kind: 'reply'; id: number; body?: Record<string, unknown>; error?: string };
