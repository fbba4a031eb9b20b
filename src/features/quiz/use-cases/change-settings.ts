import type { QuizConfig } from '../core/config.js';
import { localDateAt } from '../core/time.js';
import { type NextRound, nextRound } from './next-round.js';
import { type QuizReads, readConfig, type Unconfigured } from './read-config.js';
import type { RetryFailedRound } from './retry-failed-round.js';

export interface SettingsWork extends QuizReads {
  retryFailedRound: RetryFailedRound;
}

/** What a change that turns the quiz on tells the admin: whether today's failed question goes out again, and the next one. */
export interface QuizOn extends NextRound {
  retried: boolean;
}

/** Posts today's failed round again, in the configured channel, while its answers are still open. */
function retryTodaysFailure(work: SettingsWork, config: QuizConfig): boolean {
  const today = localDateAt(work.clock.now(), config.timeZone);
  return work.retryFailedRound(config.guildId, today, config);
}

/** `/quiz setup`: stores the server's settings (checked by the command) and turns the quiz on. */
export function setUpQuiz(work: SettingsWork, config: QuizConfig): QuizOn {
  work.storage.configs.save(config);
  const retried = retryTodaysFailure(work, config);
  work.logger.info(
    { guildId: config.guildId, channelId: config.channelId, timeZone: config.timeZone },
    'quiz set up',
  );
  return { retried, ...nextRound(work, config) };
}

export type PauseOutcome = Unconfigured | { kind: 'already-paused' } | { kind: 'paused' };

/** `/quiz pause`: no new questions; a question already posted still closes and scores. */
export function pauseQuiz(work: SettingsWork, guildId: string): PauseOutcome {
  const state = readConfig(work, guildId);
  if (state.kind !== 'ok') return state;
  if (state.config.paused) return { kind: 'already-paused' };
  work.storage.configs.setPaused(guildId, true, work.clock.now());
  return { kind: 'paused' };
}

export type ResumeOutcome = Unconfigured | { kind: 'not-paused' } | ({ kind: 'resumed' } & QuizOn);

/** `/quiz resume`: questions again from now on, today's failed one included while it could be answered. */
export function resumeQuiz(work: SettingsWork, guildId: string): ResumeOutcome {
  const state = readConfig(work, guildId);
  if (state.kind !== 'ok') return state;
  if (!state.config.paused) return { kind: 'not-paused' };
  const now = work.clock.now();
  const resumed = { ...state.config, paused: false, activeSince: now, updatedAt: now };
  work.storage.configs.save(resumed);
  const retried = retryTodaysFailure(work, resumed);
  return { kind: 'resumed', retried, ...nextRound(work, resumed) };
}

/** What `/quiz settings` may change; what it leaves out stays as it is. `pingRoleId: null` removes the role. */
export type SettingsChange = Partial<
  Pick<QuizConfig, 'channelId' | 'postTime' | 'timeZone' | 'durationMinutes' | 'pingRoleId'>
>;

export type SettingsOutcome =
  | Unconfigured
  | { kind: 'changed'; config: QuizConfig; next: NextRound['next'] | null; now: number; retried: boolean };

/**
 * `/quiz settings`: changes some settings (checked by the command) and keeps the rest, paused or not. A
 * new time or time zone counts from now, as at setup, so a post time already passed today is not posted
 * late; an active quiz posts today's failed question again, in the channel now set.
 */
export function changeQuizSettings(
  work: SettingsWork,
  guildId: string,
  change: SettingsChange,
): SettingsOutcome {
  const state = readConfig(work, guildId);
  if (state.kind !== 'ok') return state;
  const now = work.clock.now();
  const before = state.config;
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  const config: QuizConfig = { ...before, ...defined, updatedAt: now };
  if (config.postTime !== before.postTime || config.timeZone !== before.timeZone) config.activeSince = now;
  work.storage.configs.save(config);
  work.logger.info({ guildId, changed: Object.keys(defined) }, 'quiz settings changed');
  if (config.paused) return { kind: 'changed', config, next: null, now, retried: false };
  const retried = retryTodaysFailure(work, config);
  return { kind: 'changed', config, retried, ...nextRound(work, config, now) };
}
