/**
 * Discord's clock as seen from here. Discord's deadlines (three seconds to acknowledge an interaction)
 * run on its own clock, which shows in what it sends: every snowflake carries the millisecond Discord
 * created it, every REST answer a `Date` header. Each observation received at local time `t` says
 * "Discord's clock read at least `d`", so `t - d` bounds the offset between the two clocks from above;
 * the smallest such bound seen recently is the estimate. Ages computed with it are never larger than the
 * true ones: an interaction is called late only when it certainly is, whatever the host clock says.
 *
 * The local side is a monotonic clock, so setting the host's wall clock does not disturb the estimate;
 * the wall clock is only compared with Discord's, to warn when it is more than a second off.
 */

/** Date headers have whole seconds: a bound from one is up to this much looser than from a snowflake. */
const dateResolutionMs = 1_000;
/** Bounds older than this are forgotten (they could be stale if the clocks drift apart). */
const windowMs = 10 * 60_000;
const bucketMs = 60_000;
/** The host clock is worth a warning when it is this far from Discord's. */
const warnBeyondMs = 1_000;

export interface HostClockOffset {
  /** The host's wall clock minus Discord's, estimated (positive: the host is ahead). */
  offsetMs: number;
}

export interface DiscordTimeOptions {
  /** A monotonic clock in milliseconds (default `performance.now()`). */
  monotonic?: () => number;
  /** The host's wall clock in epoch milliseconds (default `Date.now()`), for the warning only. */
  wallClock?: () => number;
  /**
   * Called once, the first time something Discord created shows the host clock more than a second away
   * from Discord's.
   */
  onHostClockOff?: (offset: HostClockOffset) => void;
}

export interface DiscordTime {
  /** Something Discord created at `createdAt` (a snowflake's time) has just been received. */
  observeCreated(createdAt: number): void;
  /** A REST answer with this `Date` header has just been received. */
  observeDateHeader(header: string | null | undefined): void;
  /**
   * How long ago, at least, Discord created something at `createdAt`, by Discord's clock; `null` before
   * anything has been observed. Never more than the true age (bar clock drift within the window).
   */
  ageOf(createdAt: number): number | null;
  /** The host's wall clock minus Discord's, as far as known (positive: ahead); `null` before any observation. */
  hostOffsetMs(): number | null;
}

interface Bucket {
  startedAt: number;
  /** The smallest `local - discord` bound of the bucket, and whether it came from a Date header. */
  bound: number;
  fromDate: boolean;
}

export function createDiscordTime(options: DiscordTimeOptions = {}): DiscordTime {
  const monotonic = options.monotonic ?? (() => performance.now());
  const wallClock = options.wallClock ?? (() => Date.now());
  const buckets: Bucket[] = [];
  let lastHeader = '';
  let lastHeaderTime = Number.NaN;
  let warned = false;

  function best(): Bucket | undefined {
    let found: Bucket | undefined;
    for (const bucket of buckets) if (!found || bucket.bound < found.bound) found = bucket;
    return found;
  }

  function checkHostClock(): void {
    if (warned || !options.onHostClockOff) return;
    const bucket = best();
    if (!bucket) return;
    // The host's offset is at most `upper`, and at least `lower` (less the transit time of what was seen).
    const upper = wallClock() - (monotonic() - bucket.bound);
    const lower = upper - (bucket.fromDate ? dateResolutionMs : 0);
    if (upper < -warnBeyondMs || lower > warnBeyondMs) {
      warned = true;
      options.onHostClockOff({ offsetMs: Math.round(hostOffsetMs() ?? upper) });
    }
  }

  function observe(discordAtLeast: number, fromDate: boolean): void {
    if (!Number.isFinite(discordAtLeast)) return;
    const now = monotonic();
    const bound = now - discordAtLeast;
    const current = buckets.at(-1);
    if (current && now - current.startedAt < bucketMs) {
      if (bound < current.bound) {
        current.bound = bound;
        current.fromDate = fromDate;
      }
    } else {
      buckets.push({ startedAt: now, bound, fromDate });
      // Keep the newest bucket even when everything is old: a stale bound beats none.
      while (buckets.length > 1 && now - (buckets[0] as Bucket).startedAt > windowMs) buckets.shift();
    }
    // Judged on what Discord created: a snowflake is exact to the millisecond, a Date header to the second.
    if (!fromDate) checkHostClock();
  }

  /** Discord's clock now, at least. */
  function discordNow(): number | null {
    const bucket = best();
    return bucket ? monotonic() - bucket.bound : null;
  }

  function hostOffsetMs(): number | null {
    const bucket = best();
    if (!bucket) return null;
    const discord = monotonic() - bucket.bound;
    // A Date header bound is on average half a second loose.
    return wallClock() - discord - (bucket.fromDate ? dateResolutionMs / 2 : 0);
  }

  return {
    observeCreated(createdAt) {
      observe(createdAt, false);
    },
    observeDateHeader(header) {
      if (!header) return;
      if (header !== lastHeader) {
        lastHeader = header;
        lastHeaderTime = Date.parse(header);
      }
      observe(lastHeaderTime, true);
    },
    ageOf(createdAt) {
      const now = discordNow();
      return now === null ? null : now - createdAt;
    },
    hostOffsetMs,
  };
}
