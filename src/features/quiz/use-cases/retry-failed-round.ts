import type { Clock } from '../../../platform/clock.js';
import type { LocalDate } from '../core/time.js';
import type { QuizRoundRepository } from '../storage/index.js';
import type { RoundGates } from './round-gates.js';

/**
 * Puts a server's failed round of `localDate` back to posting, same id and question, when its answers
 * are still open (after setup or resume); the next tick posts it or adopts a copy already in the channel.
 */
export type RetryFailedRound = (
  guildId: string,
  localDate: LocalDate,
  target: { channelId: string; pingRoleId: string | null },
) => boolean;

export function createFailedRoundRetry(dependencies: {
  rounds: QuizRoundRepository;
  gates: RoundGates;
  clock: Clock;
}): RetryFailedRound {
  const { rounds, gates, clock } = dependencies;
  return (guildId, localDate, target) => {
    const round = rounds.byDate(guildId, localDate);
    if (round?.state !== 'failed') return false;
    const retried = rounds.retryFailed({
      guildId,
      localDate,
      channelId: target.channelId,
      pingRoleId: target.pingRoleId,
      now: clock.now(),
    });
    if (retried) gates.forget(round.id);
    return retried;
  };
}
