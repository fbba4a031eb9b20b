import type { ScheduledTask } from '../../../platform/scheduler.js';
import { questionBankOf } from '../core/bank.js';
import { scheduleOf } from '../core/config.js';
import { chooseQuestion } from '../core/questions.js';
import { type QuizRound, snapshotQuestion } from '../core/round.js';
import { isLatePost, openWindows } from '../core/schedule.js';
import { createQuestionPosting } from './post-question.js';
import { createRoundResults } from './publish-results.js';
import type { RoundWork } from './round-work.js';

/** The minute task: creates due rounds, posts, retries, closes and publishes results, catching up after downtime. */
export interface RoundRunner {
  readonly task: ScheduledTask;
  stop(): void;
}

export function createRoundRunner(work: RoundWork): RoundRunner {
  const { channels, storage, content, logger } = work;
  const { configs, rounds } = storage;
  const posting = createQuestionPosting(work);
  const results = createRoundResults(work);
  const busyRounds = new Set<number>();
  const reportedConfigs = new Map<string, string>();
  const reportedEmptyBanks = new Set<string>();
  let stopped = false;

  function reportInvalidConfig(guildId: string, problems: string[]): void {
    const summary = problems.join('; ');
    if (reportedConfigs.get(guildId) === summary) return;
    reportedConfigs.set(guildId, summary);
    logger.error({ guildId, problems }, 'stored quiz configuration is invalid; ignored');
  }

  function reportEmptyBank(guildId: string, localDate: string): void {
    const key = `${guildId}:${localDate}`;
    if (reportedEmptyBanks.has(key)) return;
    reportedEmptyBanks.add(key);
    logger.warn({ guildId, localDate }, 'no quiz question can be asked');
  }

  function createDueRounds(now: number): void {
    const bank = questionBankOf(content);
    for (const read of configs.list()) {
      if (read.kind === 'invalid') {
        reportInvalidConfig(read.guildId, read.problems);
        continue;
      }
      if (read.kind !== 'ok' || read.config.paused) continue;
      const config = read.config;
      if (!channels.hasGuild(config.guildId)) continue;
      for (const window of openWindows(scheduleOf(config), now)) {
        if (rounds.byDate(config.guildId, window.localDate)) continue;
        const choice = chooseQuestion({
          bank,
          history: rounds.history(config.guildId),
          guildId: config.guildId,
          localDate: window.localDate,
        });
        if (choice.kind === 'empty') {
          reportEmptyBank(config.guildId, window.localDate);
          continue;
        }
        rounds.create({
          guildId: config.guildId,
          localDate: window.localDate,
          channelId: config.channelId,
          question: snapshotQuestion(choice.question),
          scheduledAt: window.postAt,
          closesAt: window.closeAt,
          late: isLatePost(window, now),
          pingRoleId: config.pingRoleId,
          now,
        });
      }
    }
  }

  async function advance(round: QuizRound, now: number): Promise<void> {
    let current: QuizRound | undefined = round;
    if (current.state === 'posting') {
      if (current.closesAt <= now) current = await posting.settleUnposted(current);
      else if (current.retryAt === null || current.retryAt <= now) {
        await posting.post(current, now);
        return;
      } else return;
    }
    if (current?.state === 'open' && current.closesAt <= now) await results.close(current);
  }

  /** Runs `step` for a round no other step is working on, logging what it throws. */
  async function exclusively(round: QuizRound, what: string, step: () => Promise<void>): Promise<void> {
    busyRounds.add(round.id);
    try {
      await step();
    } catch (error) {
      logger.error({ err: error, guildId: round.guildId, roundId: round.id }, what);
    } finally {
      busyRounds.delete(round.id);
    }
  }

  async function runGuild(due: readonly QuizRound[], pending: readonly QuizRound[], now: number) {
    for (const round of due) {
      if (stopped || busyRounds.has(round.id)) continue;
      await exclusively(round, 'quiz round step failed', () => advance(round, now));
    }
    for (const round of pending) {
      if (stopped || busyRounds.has(round.id)) continue;
      const fresh = rounds.byId(round.id);
      if (fresh?.resultsState !== 'pending') continue;
      await exclusively(round, 'quiz results step failed', () => results.publish(fresh));
    }
  }

  async function run(now: number): Promise<void> {
    createDueRounds(now);
    const byGuild = new Map<string, { due: QuizRound[]; pending: QuizRound[] }>();
    const entry = (guildId: string) => {
      let value = byGuild.get(guildId);
      if (!value) {
        value = { due: [], pending: [] };
        byGuild.set(guildId, value);
      }
      return value;
    };
    for (const round of rounds.due(now)) entry(round.guildId).due.push(round);
    for (const round of rounds.resultsPending()) entry(round.guildId).pending.push(round);
    await Promise.all([...byGuild.values()].map((work) => runGuild(work.due, work.pending, now)));
  }

  return {
    task: { name: 'daily quiz', run },
    stop() {
      stopped = true;
    },
  };
}
