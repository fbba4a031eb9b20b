import type { StanceOutcome } from '../core/outcomes.js';
import type { Stance } from '../core/types.js';
import type { DebateDeps } from './deps.js';

export interface StanceRequest {
  debateId: number;
  /** Where the button was clicked: the card's server and thread. */
  guildId: string | null;
  channelId: string | null;
  userId: string;
  stance: Stance;
}

/**
 * For / Against / Undecided on the opening card: the first click is the opening stance, later clicks
 * change the current one. Only on the card in its own thread, while the debate is open.
 */
export function recordStance(deps: DebateDeps, request: StanceRequest): StanceOutcome {
  const debate = deps.debates.get(request.debateId);
  if (!debate || debate.guildId !== request.guildId || debate.threadId !== request.channelId)
    return { kind: 'refused', reason: 'not-found' };
  if (debate.status !== 'open') return { kind: 'refused', reason: 'closed' };
  const click = deps.debates.recordStance(debate.id, request.userId, request.stance, deps.clock.now());
  return { kind: 'recorded', click };
}
