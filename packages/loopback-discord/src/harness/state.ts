import type { LoopbackClock } from '../clock.js';
import { LoopbackUsageError } from '../commands.js';
import type { LoopbackEngine } from '../engine.js';
import type { FaultPlan } from '../faults.js';
import type { LoopbackGateway } from '../gateway.js';
import type { InteractionHub } from '../interactions/hub.js';
import type { OutcomeTimeouts } from '../interactions/outcomes.js';
import type { ChannelRecord, GuildRecord, MemberRecord, MessageRecord } from '../model.js';
import type { LoopbackStore } from '../store.js';
import type { ChannelRef, GuildRef, LoopbackMessage, MemberRef, RecordedRequest } from '../types.js';

export function refId(ref: { id: string } | string): string {
  return typeof ref === 'string' ? ref : ref.id;
}

export function channelRefOf(channel: ChannelRecord): ChannelRef {
  return {
    kind: 'channel',
    id: channel.id,
    name: channel.name,
    guildId: channel.guildId,
    type: channel.type,
  };
}

/**
 * What the harness roles (seeding, acting as members, inspecting) share: the server's parts, and the
 * lookups from the refs tests hold to the records, which throw {@link LoopbackUsageError} for unknown ones.
 */
export class HarnessState {
  /** Every REST request received, in order, with the answer given. */
  readonly requests: RecordedRequest[] = [];
  readonly requestListeners = new Set<(request: RecordedRequest) => void>();

  constructor(
    readonly store: LoopbackStore,
    readonly engine: LoopbackEngine,
    readonly gateway: LoopbackGateway,
    readonly hub: InteractionHub,
    readonly faults: FaultPlan,
    readonly clock: LoopbackClock,
    readonly timeouts: OutcomeTimeouts,
  ) {}

  guild(ref: GuildRef | string): GuildRecord {
    const guild = this.store.guilds.get(refId(ref));
    if (!guild) throw new LoopbackUsageError(`no guild ${refId(ref)}`);
    return guild;
  }

  channel(ref: ChannelRef | string): ChannelRecord {
    const channel = this.store.channels.get(refId(ref));
    if (!channel) throw new LoopbackUsageError(`no channel ${refId(ref)}`);
    return channel;
  }

  member(ref: MemberRef): MemberRecord {
    const member = this.store.member(ref.guildId, ref.id);
    if (!member) throw new LoopbackUsageError(`${ref.username} is not a member of guild ${ref.guildId}`);
    return member;
  }

  memberRef(guildId: string, userId: string): MemberRef {
    const user = this.store.users.get(userId);
    return { kind: 'member', id: userId, username: user?.username ?? userId, guildId };
  }

  /** A message the member can see: not deleted, and not someone else's ephemeral reply. */
  visibleMessage(message: LoopbackMessage | string, actor: MemberRef, label: string): MessageRecord {
    const record = this.store.messages.get(refId(message));
    if (!record || record.deleted) throw new LoopbackUsageError(`${label}: the message no longer exists`);
    if (record.visibleTo !== null && record.visibleTo !== actor.id) {
      throw new LoopbackUsageError(`${label}: the message is ephemeral and only visible to its invoker`);
    }
    return record;
  }
}
