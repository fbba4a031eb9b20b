import type { Stance } from './types.js';

/** A member's stance: the first one they chose, and the one they hold now. */
export interface StanceRecord {
  opening: Stance;
  current: Stance;
}

export type StanceClick =
  | { kind: 'opening'; stance: Stance }
  | { kind: 'changed'; from: Stance; to: Stance; opening: Stance }
  | { kind: 'unchanged'; stance: Stance };

/** The first click sets the opening stance; later clicks change only the current stance. */
export function classifyStanceClick(existing: StanceRecord | undefined, choice: Stance): StanceClick {
  if (!existing) return { kind: 'opening', stance: choice };
  if (existing.current === choice) return { kind: 'unchanged', stance: choice };
  return { kind: 'changed', from: existing.current, to: choice, opening: existing.opening };
}

export type StanceCounts = Record<Stance, number>;

/** The side that won, Oxford-style: the one whose share of the room grew the most. */
export type StanceResult =
  | { kind: 'no-stances' }
  | { kind: 'no-movement' }
  | { kind: 'winner'; side: 'for' | 'against'; gainPoints: number; otherGainPoints: number }
  | { kind: 'tie'; gainPoints: number };

export interface StanceShift {
  total: number;
  opening: StanceCounts;
  closing: StanceCounts;
  /** Change of each side's share of the room, in percentage points (one decimal). */
  gainPoints: Record<Stance, number>;
  /** Members whose closing stance differs from their opening stance. */
  changedMinds: number;
  result: StanceResult;
}

function emptyCounts(): StanceCounts {
  return { for: 0, against: 0, undecided: 0 };
}

function points(count: number, total: number): number {
  return Math.round((count / total) * 1000) / 10;
}

/**
 * Compares the opening and closing votes. Every member who took a stance counts in both, so
 * the shares have the same base; the side (for or against) with the larger gain wins, even
 * when both lost ground to the undecided.
 */
export function computeStanceShift(records: readonly StanceRecord[]): StanceShift {
  const opening = emptyCounts();
  const closing = emptyCounts();
  let changedMinds = 0;
  for (const record of records) {
    opening[record.opening] += 1;
    closing[record.current] += 1;
    if (record.opening !== record.current) changedMinds += 1;
  }
  const total = records.length;
  const gainPoints: Record<Stance, number> = emptyCounts();
  if (total === 0)
    return { total, opening, closing, gainPoints, changedMinds, result: { kind: 'no-stances' } };
  for (const stance of ['for', 'against', 'undecided'] as const) {
    gainPoints[stance] = points(closing[stance] - opening[stance], total);
  }
  const forGain = closing.for - opening.for;
  const againstGain = closing.against - opening.against;
  let result: StanceResult;
  if (forGain === againstGain) {
    result = forGain === 0 ? { kind: 'no-movement' } : { kind: 'tie', gainPoints: gainPoints.for };
  } else if (forGain > againstGain) {
    result = { kind: 'winner', side: 'for', gainPoints: gainPoints.for, otherGainPoints: gainPoints.against };
  } else {
    result = {
      kind: 'winner',
      side: 'against',
      gainPoints: gainPoints.against,
      otherGainPoints: gainPoints.for,
    };
  }
  return { total, opening, closing, gainPoints, changedMinds, result };
}
