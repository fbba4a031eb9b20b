import type { Database } from 'better-sqlite3';
import {
  type Client,
  DiscordAPIError,
  type GuildTextBasedChannel,
  type Message,
  RESTJSONErrorCodes,
} from 'discord.js';
import type { Clock } from '../../../platform/clock.js';
import type { PlatformContext } from '../../../platform/context.js';
import type { Logger } from '../../../platform/logger.js';
import type { ScheduledTask } from '../../../platform/scheduler.js';
import type { ContentLibrary } from '../../story-packs/core/index.js';
import { questionBankOf } from '../core/bank.js';
import { scheduleOf } from '../core/config.js';
import { chooseQuestion } from '../core/questions.js';
import {
  type QuizRound,
  questionNonce,
  resultsNonce,
  retryDelayMs,
  snapshotQuestion,
} from '../core/round.js';
import { isLatePost, openWindows } from '../core/schedule.js';
import { answerCustomId, questionMessage, resultsMessage, roundMarker } from '../messages/quiz-messages.js';
import { createQuizStorage, type QuizStorage, type RoundGate } from '../storage/index.js';
import {
  missingChannelPermissions,
  quizPostingPermissions,
  quizRecoveryPermissions,
} from './quiz-permissions.js';

export interface QuizServiceDependencies {
  client: Client;
  storage: QuizStorage;
  content: ContentLibrary;
  clock: Clock;
  logger: Logger;
  /** Minimum time between two live answer-count edits of one question message. */
  countEditIntervalMs: number;
}

export type AnswerOutcome =
  | { kind: 'recorded'; choice: number; closesAt: number }
  | { kind: 'already-answered'; choice: number; closesAt: number }
  | { kind: 'closed'; closesAt: number; choice: number | null }
  | { kind: 'unknown-round' }
  | { kind: 'other-server' }
  | { kind: 'unknown-choice' };

export interface QuizService {
  readonly storage: QuizStorage;
  /** The minute task: creates due rounds, posts, retries, closes and publishes results. */
  readonly task: ScheduledTask;
  /** The answer path: an in-memory gate and one INSERT. */
  answer(roundId: number, choice: number, guildId: string | null, userId: string, now: number): AnswerOutcome;
  /** Takes back an answer recorded at `answeredAt` whose click Discord would not let the bot acknowledge. */
  withdrawAnswer(roundId: number, userId: string, answeredAt: number): boolean;
  /** Sends pending live answer-count edits now instead of waiting for their timers. */
  flushAnswerCounts(): Promise<void>;
  /**
   * Puts a server's failed round of `localDate` back to posting, same id and question, when its answers
   * are still open (after setup or resume); the next tick posts it or adopts a copy already in the channel.
   */
  retryFailedRound(
    guildId: string,
    localDate: string,
    target: { channelId: string; pingRoleId: string | null },
  ): boolean;
  stop(): void;
}

/** Discord keeps message nonces for a few minutes; older rounds are looked for in the channel first. */
const nonceTrustMs = 60_000;
const searchDepth = 50;

type Failure = { kind: 'permanent'; reason: string } | { kind: 'transient'; reason: string };

export function classifyDiscordFailure(error: unknown): Failure {
  if (error instanceof DiscordAPIError) {
    const detail = `${error.message} (${error.status}${typeof error.code === 'number' ? `, code ${error.code}` : ''})`;
    switch (error.code) {
      case RESTJSONErrorCodes.UnknownChannel:
        return { kind: 'permanent', reason: `the quiz channel no longer exists: ${detail}` };
      case RESTJSONErrorCodes.MissingAccess:
        return { kind: 'permanent', reason: `Roundtable cannot see the quiz channel any more: ${detail}` };
      case RESTJSONErrorCodes.MissingPermissions:
        return {
          kind: 'permanent',
          reason: `Roundtable lacks a permission in the quiz channel (it needs View Channel, Send Messages and Embed Links): ${detail}`,
        };
    }
    if (error.status === 429 || error.status >= 500) return { kind: 'transient', reason: detail };
    return { kind: 'permanent', reason: `Discord refused the message: ${detail}` };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'transient', reason: message };
}

function isUnknownMessage(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage;
}

type ChannelLookup = { kind: 'ok'; channel: GuildTextBasedChannel } | { kind: 'failed'; failure: Failure };

export function createQuizService(dependencies: QuizServiceDependencies): QuizService {
  const { client, storage, content, clock, logger } = dependencies;
  const gates = new Map<number, RoundGate>();
  const countTimers = new Map<number, NodeJS.Timeout>();
  const countEdits = new Map<number, Promise<void>>();
  const lastCounts = new Map<number, number>();
  const busyRounds = new Set<number>();
  const reportedConfigs = new Map<string, string>();
  const reportedEmptyBanks = new Set<string>();
  let stopped = false;

  function storyTitle(round: QuizRound): string | null {
    return content.getStory(round.question.storyId)?.title ?? null;
  }

  function gateOf(roundId: number): RoundGate | undefined {
    let gate = gates.get(roundId);
    if (!gate) {
      gate = storage.rounds.gate(roundId);
      if (!gate) return undefined;
      if (gates.size >= 10_000) {
        const now = clock.now();
        for (const [id, entry] of gates)
          if (entry.closesAt <= now || entry.state === 'failed') gates.delete(id);
      }
      gates.set(roundId, gate);
    }
    return gate;
  }

  function updateGate(roundId: number, state: RoundGate['state']): void {
    const gate = gates.get(roundId);
    if (gate) gates.set(roundId, { ...gate, state });
  }

  async function lookUpChannel(channelId: string): Promise<ChannelLookup> {
    let channel = client.channels.cache.get(channelId) ?? null;
    if (!channel) {
      try {
        channel = await client.channels.fetch(channelId);
      } catch (error) {
        return { kind: 'failed', failure: classifyDiscordFailure(error) };
      }
    }
    if (!channel || channel.isDMBased() || !channel.isTextBased())
      return {
        kind: 'failed',
        failure: { kind: 'permanent', reason: 'the quiz channel is not a text channel' },
      };
    return { kind: 'ok', channel };
  }

  /** The bot's message for the round among the channel's recent messages, if Discord has it. */
  async function findRoundMessage(
    channel: GuildTextBasedChannel,
    round: QuizRound,
    kind: 'question' | 'results',
  ): Promise<Message | undefined> {
    if (missingChannelPermissions(channel, quizRecoveryPermissions).length > 0) return undefined;
    const answerPrefix = answerCustomId(round.id, 0).replace(/:0$/, ':');
    const marker = roundMarker(round.id);
    const recent = await channel.messages.fetch({ limit: searchDepth, cache: false });
    return recent.find((message) => {
      if (message.author.id !== client.user?.id) return false;
      const footer = message.embeds[0]?.footer?.text ?? '';
      if (!footer.endsWith(marker)) return false;
      const hasButtons = message.components.some((row) =>
        'components' in row
          ? row.components.some((part) => 'customId' in part && part.customId?.startsWith(answerPrefix))
          : false,
      );
      return kind === 'question' ? hasButtons : !hasButtons;
    });
  }

  function recordFailure(round: QuizRound, failure: Failure, now: number): void {
    if (failure.kind === 'permanent') {
      failRound(round, failure.reason);
      return;
    }
    const retryAt = now + retryDelayMs(round.attempts + 1);
    storage.rounds.recordAttemptFailure(round.id, failure.reason, retryAt);
    logger.warn(
      {
        guildId: round.guildId,
        roundId: round.id,
        reason: failure.reason,
        retryAt,
        attempt: round.attempts + 1,
      },
      'quiz question not posted yet; will retry',
    );
  }

  async function post(round: QuizRound): Promise<void> {
    const lookup = await lookUpChannel(round.channelId);
    const now = clock.now();
    if (lookup.kind === 'failed') return recordFailure(round, lookup.failure, now);
    const channel = lookup.channel;
    const missing = missingChannelPermissions(channel, quizPostingPermissions);
    if (missing.length > 0) {
      const reason = `Roundtable lacks ${missing.join(', ')} in #${channel.name}`;
      return recordFailure(round, { kind: 'permanent', reason }, now);
    }
    try {
      if (round.attempts > 0 || now - round.createdAt >= nonceTrustMs) {
        const found = await findRoundMessage(channel, round, 'question').catch(() => undefined);
        if (found) {
          storage.rounds.markPosted(round.id, found.id, found.createdTimestamp);
          updateGate(round.id, 'open');
          logger.info({ guildId: round.guildId, roundId: round.id }, 'quiz question found already posted');
          return;
        }
      }
      const message = await channel.send({
        ...questionMessage(round, { answerCount: 0, closed: false, storyTitle: storyTitle(round) }),
        nonce: questionNonce(round),
        enforceNonce: true,
      });
      storage.rounds.markPosted(round.id, message.id, clock.now());
      updateGate(round.id, 'open');
      logger.info(
        { guildId: round.guildId, roundId: round.id, localDate: round.localDate, late: round.late },
        'quiz question posted',
      );
    } catch (error) {
      recordFailure(round, classifyDiscordFailure(error), clock.now());
    }
  }

  function failRound(round: QuizRound, reason: string): void {
    storage.rounds.markFailed(round.id, reason);
    updateGate(round.id, 'failed');
    logger.warn({ guildId: round.guildId, roundId: round.id, reason }, 'quiz round failed');
  }

  /**
   * A round still unconfirmed at its close time: adopt its message if Discord has it, otherwise the
   * round failed. A transient error leaves it for the next tick.
   */
  async function settleUnposted(round: QuizRound): Promise<QuizRound | undefined> {
    const lookup = await lookUpChannel(round.channelId);
    if (lookup.kind === 'failed') {
      if (lookup.failure.kind === 'permanent') failRound(round, lookup.failure.reason);
      return undefined;
    }
    let found: Message | undefined;
    try {
      found = await findRoundMessage(lookup.channel, round, 'question');
    } catch (error) {
      const failure = classifyDiscordFailure(error);
      if (failure.kind === 'transient') return undefined;
    }
    if (found) {
      storage.rounds.markPosted(round.id, found.id, found.createdTimestamp);
      return storage.rounds.byId(round.id);
    }
    failRound(
      round,
      `not posted before answers were due to close${round.lastError ? ` (last error: ${round.lastError})` : ''}`,
    );
    return undefined;
  }

  function cancelCountEdit(roundId: number): void {
    const timer = countTimers.get(roundId);
    if (timer) clearTimeout(timer);
    countTimers.delete(roundId);
  }

  async function close(round: QuizRound): Promise<void> {
    cancelCountEdit(round.id);
    await countEdits.get(round.id);
    const closing = storage.scores.close(round.id, clock.now());
    updateGate(round.id, 'closed');
    lastCounts.delete(round.id);
    if (closing.kind === 'unreadable')
      logger.error({ guildId: round.guildId, roundId: round.id }, 'quiz round unreadable; not scored');
    if (closing.kind !== 'closed') return;
    logger.info(
      { guildId: round.guildId, roundId: round.id, players: closing.scored.length },
      'quiz round closed',
    );
    const closed = storage.rounds.byId(round.id);
    if (closed) await publishResults(closed);
  }

  function questionUrl(round: QuizRound, channel: GuildTextBasedChannel): string | null {
    return round.messageId
      ? `https://discord.com/channels/${channel.guildId}/${channel.id}/${round.messageId}`
      : null;
  }

  async function publishResults(round: QuizRound): Promise<void> {
    const lookup = await lookUpChannel(round.channelId);
    if (lookup.kind === 'failed') {
      if (lookup.failure.kind === 'permanent') {
        storage.rounds.markResults(round.id, 'failed', null, lookup.failure.reason);
        logger.warn(
          { guildId: round.guildId, roundId: round.id, reason: lookup.failure.reason },
          'quiz results not published',
        );
      }
      return;
    }
    const channel = lookup.channel;
    try {
      if (round.messageId) {
        const closedQuestion = questionMessage(round, {
          answerCount: round.players ?? storage.answers.count(round.id),
          closed: true,
          storyTitle: storyTitle(round),
        });
        await channel.messages
          .edit(round.messageId, { embeds: closedQuestion.embeds, components: closedQuestion.components })
          .catch((error: unknown) => {
            if (!isUnknownMessage(error)) throw error;
          });
      }
      const now = clock.now();
      if (now - (round.closedAt ?? now) >= nonceTrustMs) {
        const found = await findRoundMessage(channel, round, 'results').catch(() => undefined);
        if (found) {
          storage.rounds.markResults(round.id, 'published', found.id, null);
          return;
        }
      }
      const payload = resultsMessage(round, {
        distribution: storage.answers.distribution(round.id, round.question.choices.length),
        players: round.players ?? 0,
        streaks: storage.scores.roundStreaks(round.guildId, round.localDate, 2, 5),
        questionUrl: questionUrl(round, channel),
      });
      const message = await channel.send({ ...payload, nonce: resultsNonce(round), enforceNonce: true });
      storage.rounds.markResults(round.id, 'published', message.id, null);
      logger.info({ guildId: round.guildId, roundId: round.id }, 'quiz results published');
    } catch (error) {
      const failure = classifyDiscordFailure(error);
      if (failure.kind === 'permanent') storage.rounds.markResults(round.id, 'failed', null, failure.reason);
      logger.warn(
        {
          guildId: round.guildId,
          roundId: round.id,
          reason: failure.reason,
          final: failure.kind === 'permanent',
        },
        'quiz results not published',
      );
    }
  }

  function createDueRounds(now: number): void {
    const bank = questionBankOf(content);
    for (const read of storage.configs.list()) {
      if (read.kind === 'invalid') {
        const summary = read.problems.join('; ');
        if (reportedConfigs.get(read.guildId) !== summary) {
          reportedConfigs.set(read.guildId, summary);
          logger.error(
            { guildId: read.guildId, problems: read.problems },
            'stored quiz configuration is invalid; ignored',
          );
        }
        continue;
      }
      if (read.kind !== 'ok' || read.config.paused) continue;
      const config = read.config;
      if (!client.guilds.cache.has(config.guildId)) continue;
      for (const window of openWindows(scheduleOf(config), now)) {
        if (storage.rounds.byDate(config.guildId, window.localDate)) continue;
        const choice = chooseQuestion({
          bank,
          history: storage.rounds.history(config.guildId),
          guildId: config.guildId,
          localDate: window.localDate,
        });
        if (choice.kind === 'empty') {
          const key = `${config.guildId}:${window.localDate}`;
          if (!reportedEmptyBanks.has(key)) {
            reportedEmptyBanks.add(key);
            logger.warn(
              { guildId: config.guildId, localDate: window.localDate },
              'no quiz question can be asked',
            );
          }
          continue;
        }
        storage.rounds.create({
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
      if (current.closesAt <= now) current = await settleUnposted(current);
      else if (current.retryAt === null || current.retryAt <= now) {
        await post(current);
        return;
      } else return;
    }
    if (current?.state === 'open' && current.closesAt <= now) await close(current);
  }

  async function runGuild(
    guildId: string,
    rounds: readonly QuizRound[],
    results: readonly QuizRound[],
    now: number,
  ) {
    for (const round of rounds) {
      if (stopped || busyRounds.has(round.id)) continue;
      busyRounds.add(round.id);
      try {
        await advance(round, now);
      } catch (error) {
        logger.error({ err: error, guildId, roundId: round.id }, 'quiz round step failed');
      } finally {
        busyRounds.delete(round.id);
      }
    }
    for (const round of results) {
      if (stopped || busyRounds.has(round.id)) continue;
      const fresh = storage.rounds.byId(round.id);
      if (fresh?.resultsState !== 'pending') continue;
      busyRounds.add(round.id);
      try {
        await publishResults(fresh);
      } catch (error) {
        logger.error({ err: error, guildId, roundId: round.id }, 'quiz results step failed');
      } finally {
        busyRounds.delete(round.id);
      }
    }
  }

  async function run(now: number): Promise<void> {
    createDueRounds(now);
    const byGuild = new Map<string, { rounds: QuizRound[]; results: QuizRound[] }>();
    const entry = (guildId: string) => {
      let value = byGuild.get(guildId);
      if (!value) {
        value = { rounds: [], results: [] };
        byGuild.set(guildId, value);
      }
      return value;
    };
    for (const round of storage.rounds.due(now)) entry(round.guildId).rounds.push(round);
    for (const round of storage.rounds.resultsPending()) entry(round.guildId).results.push(round);
    await Promise.all(
      [...byGuild].map(([guildId, work]) => runGuild(guildId, work.rounds, work.results, now)),
    );
  }

  async function editCount(roundId: number): Promise<void> {
    const round = storage.rounds.byId(roundId);
    if (round?.state !== 'open' || !round.messageId) return;
    const count = storage.answers.count(roundId);
    if (lastCounts.get(roundId) === count) return;
    const channel = client.channels.cache.get(round.channelId);
    if (!channel || channel.isDMBased() || !channel.isTextBased()) return;
    const payload = questionMessage(round, {
      answerCount: count,
      closed: false,
      storyTitle: storyTitle(round),
    });
    try {
      await channel.messages.edit(round.messageId, { embeds: payload.embeds });
      lastCounts.set(roundId, count);
    } catch (error) {
      logger.warn({ err: error, guildId: round.guildId, roundId }, 'could not update the quiz answer count');
    }
  }

  function flushCount(roundId: number): Promise<void> {
    cancelCountEdit(roundId);
    const previous = countEdits.get(roundId) ?? Promise.resolve();
    const next = previous.then(() => editCount(roundId));
    countEdits.set(roundId, next);
    void next.finally(() => {
      if (countEdits.get(roundId) === next) countEdits.delete(roundId);
    });
    return next;
  }

  function noteAnswer(roundId: number): void {
    if (stopped || countTimers.has(roundId)) return;
    const timer = setTimeout(() => void flushCount(roundId), dependencies.countEditIntervalMs);
    timer.unref();
    countTimers.set(roundId, timer);
  }

  return {
    storage,
    task: { name: 'daily quiz', run },
    answer(roundId, choice, guildId, userId, now) {
      let gate = gateOf(roundId);
      if (gate?.state === 'failed') {
        gates.delete(roundId);
        gate = gateOf(roundId);
      }
      if (!gate || gate.state === 'failed') return { kind: 'unknown-round' };
      if (gate.guildId !== guildId) return { kind: 'other-server' };
      if (!Number.isInteger(choice) || choice < 0 || choice >= gate.choiceCount)
        return { kind: 'unknown-choice' };
      if (gate.state === 'closed' || now >= gate.closesAt) {
        return {
          kind: 'closed',
          closesAt: gate.closesAt,
          choice: storage.answers.choiceOf(roundId, userId) ?? null,
        };
      }
      const recorded = storage.answers.record(roundId, userId, choice, now);
      if (recorded.kind === 'closed') {
        updateGate(roundId, 'closed');
        return { kind: 'closed', closesAt: gate.closesAt, choice: null };
      }
      if (recorded.kind === 'recorded') noteAnswer(roundId);
      return { ...recorded, closesAt: gate.closesAt };
    },
    withdrawAnswer(roundId, userId, answeredAt) {
      const withdrawn = storage.answers.withdraw(roundId, userId, answeredAt);
      if (withdrawn) noteAnswer(roundId);
      return withdrawn;
    },
    async flushAnswerCounts() {
      await Promise.all([...new Set([...countTimers.keys(), ...countEdits.keys()])].map(flushCount));
    },
    retryFailedRound(guildId, localDate, target) {
      const round = storage.rounds.byDate(guildId, localDate);
      if (round?.state !== 'failed') return false;
      const retried = storage.rounds.retryFailed({
        guildId,
        localDate,
        channelId: target.channelId,
        pingRoleId: target.pingRoleId,
        now: clock.now(),
      });
      if (retried) gates.delete(round.id);
      return retried;
    },
    stop() {
      stopped = true;
      for (const timer of countTimers.values()) clearTimeout(timer);
      countTimers.clear();
    },
  };
}

/** The quiz service with its storage over `db`. */
export function createQuizFeature(
  core: PlatformContext & {
    content: ContentLibrary;
    db: Database;
    /** Minimum milliseconds between two live answer-count edits of one question. */
    countEditIntervalMs: number;
  },
): QuizService {
  const { db, client, clock, logger, content, countEditIntervalMs } = core;
  const storage = createQuizStorage(db, (roundId, reason) =>
    logger.error({ roundId, reason }, 'stored quiz round is unreadable; skipped'),
  );
  return createQuizService({
    client,
    storage,
    content,
    clock,
    logger,
    countEditIntervalMs,
  });
}
