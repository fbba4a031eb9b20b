const discordEpochMs = 1_420_070_400_000n;

/** Generates increasing Discord snowflakes whose timestamp comes from the given clock. */
export class SnowflakeGenerator {
  #lastTimestamp = 0n;
  #increment = 0n;

  constructor(private readonly now: () => number) {}

  next(): string {
    let timestamp = BigInt(Math.floor(this.now()));
    if (timestamp <= this.#lastTimestamp) {
      timestamp = this.#lastTimestamp;
      this.#increment += 1n;
      if (this.#increment > 0xfffn) {
        timestamp += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastTimestamp = timestamp;
    return (((timestamp - discordEpochMs) << 22n) | (1n << 17n) | this.#increment).toString();
  }
}

export function timestampOfSnowflake(id: string): number {
  return Number((BigInt(id) >> 22n) + discordEpochMs);
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}
