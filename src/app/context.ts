import type { DebateContext } from '../features/debate/discord/context.js';
import type { ErrorReportContext } from '../features/error-reports/discord/context.js';
import type { HelpContext } from '../features/help/discord/context.js';
import type { QuizContext } from '../features/quiz/discord/context.js';
import type { SettingsContext } from '../features/settings/discord/context.js';
import type { ReconnectPolicy } from '../platform/discord/gateway-watch.js';

/** Options that change how the bot behaves, fixed at start-up. */
export interface BotOptions {
  /** Days after a story's `as_of` date from which readers are warned that facts may have changed. */
  contentStaleDays: number;
  /** Minimum milliseconds between two live answer-count edits of one quiz question. */
  quizCountEditIntervalMs: number;
  /** How reconnections to the gateway back off while it cannot be reached. */
  gatewayReconnect: ReconnectPolicy;
}

/**
 * What the router hands every handler: the union of what each feature declares it needs, built once the
 * story packs have loaded. Features never import this type; each names its own context.
 */
export type BotContext = HelpContext & QuizContext & DebateContext & SettingsContext & ErrorReportContext;
