const second = 1_000;

export const roundNames = ['Opening statements', 'Rebuttals', 'Closing statements'] as const;

export const roundGuidance: Record<number, string> = {
  1: 'State your case: one message each, setting out your main argument.',
  2: 'Answer the other side: reply to the strongest point made against you.',
  3: 'Sum up: why your side should carry the room. No new arguments.',
};

export interface PlannedRound {
  number: number;
  name: string;
  startsAt: number;
}

export interface ScheduledRound extends PlannedRound {
  announcedAt: number | null;
}

function toWholeSecond(time: number): number {
  return Math.floor(time / second) * second;
}

/** Three rounds splitting the debate in equal thirds. */
export function scheduleRounds(startsAt: number, closesAt: number): PlannedRound[] {
  const length = closesAt - startsAt;
  return roundNames.map((name, index) => ({
    number: index + 1,
    name,
    startsAt: index === 0 ? startsAt : toWholeSecond(startsAt + (length * index) / roundNames.length),
  }));
}

/**
 * When the close moves, rounds not yet announced keep their share of the remaining time:
 * a round due halfway through what was left is still due halfway through what is left.
 */
export function rescheduleRounds(
  rounds: readonly ScheduledRound[],
  now: number,
  previousClosesAt: number,
  closesAt: number,
): ScheduledRound[] {
  const remainingBefore = previousClosesAt - now;
  const remainingAfter = closesAt - now;
  return rounds.map((round) => {
    if (round.announcedAt !== null || remainingBefore <= 0) return round;
    const share = Math.min(1, Math.max(0, (round.startsAt - now) / remainingBefore));
    return { ...round, startsAt: toWholeSecond(now + share * remainingAfter) };
  });
}

export interface RoundsDue {
  /** The round to announce now: the latest one that has started. */
  announce: ScheduledRound | undefined;
  /** Earlier rounds whose time passed without an announcement (the bot was offline); marked, not posted. */
  skipped: ScheduledRound[];
}

/** Rounds to announce at `now`; nothing once the debate's closing time has come (closing takes over). */
export function findRoundsDue(rounds: readonly ScheduledRound[], now: number, closesAt: number): RoundsDue {
  if (now >= closesAt) return { announce: undefined, skipped: [] };
  const due = rounds
    .filter((round) => round.announcedAt === null && round.startsAt <= now)
    .sort((left, right) => left.number - right.number);
  const announce = due.at(-1);
  return { announce, skipped: due.slice(0, -1) };
}

/** When a round ends: when the next one starts, or at the close. */
export function roundEndsAt(rounds: readonly PlannedRound[], number: number, closesAt: number): number {
  return rounds.find((round) => round.number === number + 1)?.startsAt ?? closesAt;
}
