import type { StanceRecord } from '../core/stances.js';
import type { CreditTally, MessageTally } from '../core/summary.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { MemberDebateStats } from '../storage/moderation-repository.js';
import type { DebateDeps } from './deps.js';

export interface DebateNumbers {
  stances: Array<StanceRecord & { userId: string }>;
  messages: MessageTally[];
  credits: CreditTally[];
  warnings: number;
  reports: number;
}

export interface ServerDebates {
  counts: { total: number; open: number };
  /** The first ten open debates, closing soonest first. */
  open: DebateRecord[];
  topCredited: Array<{ userId: string; credits: number }>;
  /** For moderators: the latest debates with problems. */
  faulted: DebateRecord[] | undefined;
}

export function memberRecord(deps: DebateDeps, guildId: string, userId: string): MemberDebateStats {
  return deps.moderation.memberStats(guildId, userId);
}

export function debateNumbers(deps: DebateDeps, debateId: number): DebateNumbers {
  const { debates, moderation } = deps;
  return {
    stances: debates.listStances(debateId),
    messages: debates.listMessageTallies(debateId),
    credits: moderation.listCreditTallies(debateId),
    warnings: moderation.countWarnings(debateId),
    reports: moderation.countReports(debateId),
  };
}

export function serverDebates(deps: DebateDeps, guildId: string, withFaulted: boolean): ServerDebates {
  const { debates, moderation } = deps;
  return {
    counts: debates.countByGuild(guildId),
    open: debates.listOpen(guildId).slice(0, 10),
    topCredited: moderation.topCreditedMembers(guildId, 5),
    faulted: withFaulted ? debates.listFaulted(guildId, 5) : undefined,
  };
}
