import type { Clock } from '../../../platform/clock.js';
import type { QuizRoundRepository, RoundGate } from '../storage/index.js';

/** The answer path's view of each round, read once from storage and kept in memory. */
export interface RoundGates {
  get(roundId: number): RoundGate | undefined;
  /** Follows a state change this process made. */
  update(roundId: number, state: RoundGate['state']): void;
  /** Reads the round again on its next use, after a change made elsewhere. */
  forget(roundId: number): void;
}

const maximumGates = 10_000;

export function createRoundGates(rounds: QuizRoundRepository, clock: Clock): RoundGates {
  const gates = new Map<number, RoundGate>();
  return {
    get(roundId) {
      let gate = gates.get(roundId);
      if (!gate) {
        gate = rounds.gate(roundId);
        if (!gate) return undefined;
        if (gates.size >= maximumGates) {
          const now = clock.now();
          for (const [id, entry] of gates)
            if (entry.closesAt <= now || entry.state === 'failed') gates.delete(id);
        }
        gates.set(roundId, gate);
      }
      return gate;
    },
    update(roundId, state) {
      const gate = gates.get(roundId);
      if (gate) gates.set(roundId, { ...gate, state });
    },
    forget(roundId) {
      gates.delete(roundId);
    },
  };
}
