import type { CreditCheck } from '../core/credits.js';
import type {
  CloseOutcome,
  CreditOutcome,
  ReportOutcome,
  StanceOutcome,
  StartOutcome,
  ThreadActionOutcome,
  WarnOutcome,
} from '../core/outcomes.js';
import type { ReportCheck } from '../core/reports.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { MemberDebateStats } from '../storage/moderation-repository.js';
import { announceDueRounds } from './announce-due-rounds.js';
import { type CloseRequest, closeDebate } from './close-debate.js';
import { closeDueDebates } from './close-due-debates.js';
import { countMessage } from './count-message.js';
import { type CreditRequest, type CreditTarget, canCredit, creditMessage } from './credit-message.js';
import {
  type DebateNumbers,
  debateNumbers,
  memberRecord,
  type ServerDebates,
  serverDebates,
} from './debate-stats.js';
import type { DebateDeps } from './deps.js';
import { type ExtendRequest, extendDebate } from './extend-debate.js';
import { debateInThread } from './find-debate.js';
import { claimModLogHint } from './log-moderation.js';
import { recordStance, type StanceRequest } from './record-stance.js';
import { type ReopenRequest, reopenDebate } from './reopen-debate.js';
import { canReport, type ReportRequest, type ReportTarget, reportMessage } from './report-message.js';
import { type LockRequest, setLocked } from './set-locked.js';
import { type SlowmodeRequest, setSlowmode } from './set-slowmode.js';
import { type StartRequest, startDebate } from './start-debate.js';
import { type WarnRequest, warnMember } from './warn-member.js';

/** The debate feature as the commands and the schedule use it: one use case each, given ids and values. */
export interface DebateUseCases {
  /** The debate of a thread, when that thread holds one in this server. */
  inThread(guildId: string | null, threadId: string | null): DebateRecord | undefined;
  start(request: StartRequest): Promise<StartOutcome>;
  close(request: CloseRequest): Promise<CloseOutcome>;
  reopen(request: ReopenRequest): Promise<ThreadActionOutcome>;
  extend(request: ExtendRequest): Promise<ThreadActionOutcome>;
  setSlowmode(request: SlowmodeRequest): Promise<ThreadActionOutcome>;
  setLocked(request: LockRequest): Promise<ThreadActionOutcome>;
  warn(request: WarnRequest): Promise<WarnOutcome>;
  recordStance(request: StanceRequest): StanceOutcome;
  canCredit(target: CreditTarget): CreditCheck;
  credit(request: CreditRequest): Promise<CreditOutcome>;
  canReport(target: ReportTarget): ReportCheck;
  report(request: ReportRequest): Promise<ReportOutcome>;
  /** For moderators: true once per moderator while no mod log is set, to say where to set one. */
  claimModLogHint(guildId: string, userId: string): boolean;
  memberRecord(guildId: string, userId: string): MemberDebateStats;
  debateNumbers(debateId: number): DebateNumbers;
  serverDebates(guildId: string, withFaulted: boolean): ServerDebates;
  /** Counts a message by `userId` in `threadId` when it holds an open debate. */
  countMessage(threadId: string, userId: string): void;
  /** Scheduled: closes debates whose time has come and finishes closed ones with work left. */
  closeDueDebates(now: number): Promise<void>;
  /** Scheduled: announces rounds whose start has come. */
  announceDueRounds(now: number): Promise<void>;
}

export function createDebateUseCases(deps: DebateDeps): DebateUseCases {
  return {
    inThread: (guildId, threadId) => debateInThread(deps, guildId, threadId),
    start: (request) => startDebate(deps, request),
    close: (request) => closeDebate(deps, request),
    reopen: (request) => reopenDebate(deps, request),
    extend: (request) => extendDebate(deps, request),
    setSlowmode: (request) => setSlowmode(deps, request),
    setLocked: (request) => setLocked(deps, request),
    warn: (request) => warnMember(deps, request),
    recordStance: (request) => recordStance(deps, request),
    canCredit: (target) => canCredit(deps, target),
    credit: (request) => creditMessage(deps, request),
    canReport: (target) => canReport(deps, target),
    report: (request) => reportMessage(deps, request),
    claimModLogHint: (guildId, userId) => claimModLogHint(deps, guildId, userId),
    memberRecord: (guildId, userId) => memberRecord(deps, guildId, userId),
    debateNumbers: (debateId) => debateNumbers(deps, debateId),
    serverDebates: (guildId, withFaulted) => serverDebates(deps, guildId, withFaulted),
    countMessage: (threadId, userId) => countMessage(deps, threadId, userId),
    closeDueDebates: (now) => closeDueDebates(deps, now),
    announceDueRounds: (now) => announceDueRounds(deps, now),
  };
}
