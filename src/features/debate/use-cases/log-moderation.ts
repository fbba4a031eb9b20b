import type { ModLogOutcome } from '../core/outcomes.js';
import { modLogPostFailures } from '../messages/moderation-log.js';
import { renderModerationLine } from '../messages/render.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { ModerationAction, ModerationEntry } from '../storage/moderation-repository.js';
import type { DebateDeps } from './deps.js';

export type NewModerationEntry = Omit<ModerationEntry, 'createdAt'>;

/** Who did it, to whom and why; what is left out is `null`. */
export interface EntryFields {
  actorId?: string | null;
  targetId?: string | null;
  messageId?: string | null;
  detail?: string | null;
}

/** A moderation event in a server, in a channel, of a debate or of none. */
export function moderationEntry(
  action: ModerationAction,
  where: { guildId: string; debateId: number | null; channelId: string },
  fields: EntryFields = {},
): NewModerationEntry {
  return {
    guildId: where.guildId,
    debateId: where.debateId,
    action,
    actorId: fields.actorId ?? null,
    targetId: fields.targetId ?? null,
    channelId: where.channelId,
    messageId: fields.messageId ?? null,
    detail: fields.detail ?? null,
  };
}

/** A moderation event of a debate, in its thread. */
export function debateEntry(
  debate: Pick<DebateRecord, 'id' | 'guildId' | 'threadId'>,
  action: ModerationAction,
  fields: EntryFields = {},
): NewModerationEntry {
  return moderationEntry(
    action,
    { guildId: debate.guildId, debateId: debate.id, channelId: debate.threadId },
    fields,
  );
}

type LogDeps = Pick<DebateDeps, 'discord' | 'clock' | 'logger' | 'settings' | 'moderation'>;

/** Stores a moderation event and posts it to the server's mod log when one is set. */
export async function logModeration(deps: LogDeps, entry: NewModerationEntry): Promise<ModLogOutcome> {
  const stored = { ...entry, createdAt: deps.clock.now() };
  return postModeration(deps, deps.moderation.log(stored), stored);
}

/** Posts an entry already stored in the moderation log to the server's mod-log channel. */
export async function postModeration(
  deps: LogDeps,
  id: number,
  entry: ModerationEntry,
): Promise<ModLogOutcome> {
  const { discord, logger, settings, moderation } = deps;
  const channelId = settings.get(entry.guildId).modLogChannelId;
  if (channelId === undefined) {
    moderation.markPostFailed(id, modLogPostFailures.unset);
    return { kind: 'no-mod-log' };
  }
  try {
    const sent = await discord.postToModLog(entry.guildId, channelId, renderModerationLine(entry));
    if (sent.kind === 'failed') throw sent.error;
    if (sent.value.kind === 'not-text-channel') {
      moderation.markPostFailed(id, modLogPostFailures.notTextChannel);
      return { kind: 'failed' };
    }
    moderation.markPosted(id, sent.value.messageId);
    return { kind: 'posted' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ err: error, guildId: entry.guildId, channelId }, 'could not post to the mod log');
    moderation.markPostFailed(id, reason);
    return { kind: 'failed' };
  }
}

/** For moderators: true once per moderator while no mod log is set, to tell them where to set one. */
export function claimModLogHint(
  deps: Pick<DebateDeps, 'clock' | 'settings' | 'moderation'>,
  guildId: string,
  userId: string,
): boolean {
  if (deps.settings.get(guildId).modLogChannelId !== undefined) return false;
  return deps.moderation.claimModLogHint(guildId, userId, deps.clock.now());
}

/** Marks the debate with why Discord refused work on it; the first fault goes to the mod log. */
export async function recordFault(
  deps: Pick<DebateDeps, 'debates'> & LogDeps,
  debate: Pick<DebateRecord, 'id' | 'guildId' | 'threadId'>,
  reason: string,
): Promise<void> {
  const first = deps.debates.markFault(debate.id, reason, deps.clock.now());
  deps.logger.warn({ debateId: debate.id, guildId: debate.guildId, reason }, 'debate marked with a fault');
  if (first) await logModeration(deps, debateEntry(debate, 'fault', { detail: reason }));
}
