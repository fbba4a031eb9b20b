/** A small seeded generator (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** An 18-digit Discord-like id: `prefix` (1-9) then the number, zero-padded. */
export function snowflakeOf(prefix: number, value: number): string {
  return `${prefix}${String(value).padStart(17, '0')}`;
}
