import { createHash } from 'node:crypto';
import { type DiscordErrorBody, discordErrors } from './errors.js';

/**
 * A fault to inject on matching requests. `route` is `METHOD /path` where path segments starting
 * with `:` match any value (`POST /channels/:id/messages`) and `*` as method matches every method.
 */
export interface FaultRule {
  route: string;
  /** Status to answer with instead of handling the request (429, 500, 502, 503, 403, 404...). Omit for a slow but normal answer. */
  status?: number;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** How many matching requests to affect; default 1, `Infinity` for all. */
  times?: number;
  /** For 429: seconds the client must wait (default 0.1). */
  retryAfter?: number;
  /** For 429: whether this is the global rate limit. */
  global?: boolean;
  /** For 429: `X-RateLimit-Scope` (default `user`, or `global` when `global`). */
  scope?: 'user' | 'global' | 'shared';
  /** Body to answer with instead of Discord's default for the status. */
  body?: DiscordErrorBody;
}

/** Faults at random: each request (optionally only on `routes`) fails with probability `share`, reproducibly from `seed`. */
export interface RandomFaults {
  seed: number;
  share: number;
  statuses?: number[];
  delayMs?: number;
  routes?: string[];
  retryAfter?: number;
}

/** Per-route bucket enforcement, keyed by route and its major parameter, as Discord does. */
export interface RateLimitEnforcement {
  /** Buckets per route pattern, e.g. `{ 'POST /channels/:id/messages': { limit: 5, windowMs: 5000 } }`. */
  routes?: Record<string, { limit: number; windowMs: number }>;
  /** Requests per second across all routes, except interaction callbacks; default 50. `0` disables it. */
  globalPerSecond?: number;
}

export interface FaultAnswer {
  status: number;
  body: DiscordErrorBody;
  headers: Record<string, string>;
}

export interface FaultDecision {
  delayMs: number;
  answer: FaultAnswer | null;
}

export function splitRoute(route: string): { method: string; segments: string[] } {
  const trimmed = route.trim();
  const space = trimmed.indexOf(' ');
  const method = space === -1 ? '*' : trimmed.slice(0, space).toUpperCase();
  const path = space === -1 ? trimmed : trimmed.slice(space + 1).trim();
  return { method, segments: path.split('/').filter((segment) => segment.length > 0) };
}

/** Whether a rule's route (pattern or concrete path) matches a request. */
export function routeMatches(rule: string, method: string, pathSegments: readonly string[]): boolean {
  const parsed = splitRoute(rule);
  if (parsed.method !== '*' && parsed.method !== method) return false;
  if (parsed.segments.length !== pathSegments.length) return false;
  return parsed.segments.every(
    (segment, index) => segment.startsWith(':') || segment === pathSegments[index],
  );
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 16);
}

function rateLimitAnswer(options: {
  route: string;
  retryAfter: number;
  global: boolean;
  scope: 'user' | 'global' | 'shared';
  limit: number;
  body?: DiscordErrorBody;
}): FaultAnswer {
  const resetAt = Date.now() / 1000 + options.retryAfter;
  const headers: Record<string, string> = {
    'Retry-After': String(options.retryAfter),
    'X-RateLimit-Limit': String(options.limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': resetAt.toFixed(3),
    'X-RateLimit-Reset-After': options.retryAfter.toFixed(3),
    'X-RateLimit-Bucket': bucketHash(options.route),
    'X-RateLimit-Scope': options.scope,
  };
  if (options.global) headers['X-RateLimit-Global'] = 'true';
  return {
    status: 429,
    headers,
    body: options.body ?? {
      message: 'You are being rate limited.',
      retry_after: options.retryAfter,
      global: options.global,
      code: 0,
    },
  };
}

interface Bucket {
  remaining: number;
  resetAt: number;
}

/** Decides injected faults and enforced rate limits for each request, and counts 429 answers per route. */
export class FaultPlan {
  readonly #rules: { rule: FaultRule; remaining: number }[] = [];
  #random: { options: RandomFaults; next: () => number } | null = null;
  #enforcement: RateLimitEnforcement | null = null;
  readonly #buckets = new Map<string, Bucket>();
  #globalWindow = { startedAt: 0, count: 0 };
  readonly rateLimitedByRoute = new Map<string, number>();

  inject(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? 1 });
  }

  injectRandom(options: RandomFaults | null): void {
    this.#random = options ? { options, next: mulberry32(options.seed) } : null;
  }

  enforceRateLimits(options: RateLimitEnforcement | null): void {
    this.#enforcement = options;
    this.#buckets.clear();
  }

  clear(): void {
    this.#rules.length = 0;
    this.#random = null;
  }

  get pendingRules(): number {
    return this.#rules.reduce((sum, entry) => sum + (entry.remaining > 0 ? 1 : 0), 0);
  }

  #count429(route: string): void {
    this.rateLimitedByRoute.set(route, (this.rateLimitedByRoute.get(route) ?? 0) + 1);
  }

  /** The injected fault for this request, if any. */
  decideInjected(method: string, pathSegments: readonly string[], route: string): FaultDecision {
    for (const entry of this.#rules) {
      if (entry.remaining <= 0 || !routeMatches(entry.rule.route, method, pathSegments)) continue;
      entry.remaining -= 1;
      return { delayMs: entry.rule.delayMs ?? 0, answer: this.#answerFor(entry.rule, route) };
    }
    const random = this.#random;
    if (random) {
      const eligible =
        !random.options.routes ||
        random.options.routes.some((rule) => routeMatches(rule, method, pathSegments));
      if (eligible && random.next() < random.options.share) {
        const statuses = random.options.statuses ?? [429, 500, 503];
        const status = statuses[Math.floor(random.next() * statuses.length)] ?? 500;
        const rule: FaultRule = { route, status };
        if (random.options.retryAfter !== undefined) rule.retryAfter = random.options.retryAfter;
        return { delayMs: random.options.delayMs ?? 0, answer: this.#answerFor(rule, route) };
      }
    }
    return { delayMs: 0, answer: null };
  }

  #answerFor(rule: FaultRule, route: string): FaultAnswer | null {
    if (rule.status === undefined) return null;
    if (rule.status === 429) {
      this.#count429(route);
      const global = rule.global ?? false;
      return rateLimitAnswer({
        route,
        retryAfter: rule.retryAfter ?? 0.1,
        global,
        scope: rule.scope ?? (global ? 'global' : 'user'),
        limit: 5,
        ...(rule.body ? { body: rule.body } : {}),
      });
    }
    const fallback =
      rule.status === 403
        ? discordErrors.missingPermissions()
        : rule.status === 404
          ? discordErrors.notFound()
          : discordErrors.injected(rule.status);
    return { status: rule.status, body: rule.body ?? fallback.body, headers: {} };
  }

  /**
   * Applies enforced buckets: answers 429 when a bucket or the global limit is exhausted,
   * otherwise returns the rate limit headers to attach to the answer.
   */
  decideEnforced(
    method: string,
    pathSegments: readonly string[],
    route: string,
    majorParameter: string,
    exemptFromGlobal: boolean,
  ): { answer: FaultAnswer | null; headers: Record<string, string> } {
    const enforcement = this.#enforcement;
    if (!enforcement) return { answer: null, headers: {} };
    const now = Date.now();
    const globalLimit = enforcement.globalPerSecond ?? 50;
    if (!exemptFromGlobal && globalLimit > 0) {
      if (now - this.#globalWindow.startedAt >= 1000) this.#globalWindow = { startedAt: now, count: 0 };
      if (this.#globalWindow.count >= globalLimit) {
        this.#count429(route);
        const retryAfter = Math.max(0.001, (this.#globalWindow.startedAt + 1000 - now) / 1000);
        return {
          answer: rateLimitAnswer({
            route: 'global',
            retryAfter,
            global: true,
            scope: 'global',
            limit: globalLimit,
          }),
          headers: {},
        };
      }
      this.#globalWindow.count += 1;
    }
    const entry = Object.entries(enforcement.routes ?? {}).find(([rule]) =>
      routeMatches(rule, method, pathSegments),
    );
    if (!entry) return { answer: null, headers: {} };
    const [rule, limits] = entry;
    const key = `${rule}|${majorParameter}`;
    let bucket = this.#buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { remaining: limits.limit, resetAt: now + limits.windowMs };
      this.#buckets.set(key, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    if (bucket.remaining <= 0) {
      this.#count429(route);
      return {
        answer: rateLimitAnswer({
          route: rule,
          retryAfter: resetAfter,
          global: false,
          scope: 'user',
          limit: limits.limit,
        }),
        headers: {},
      };
    }
    bucket.remaining -= 1;
    return {
      answer: null,
      headers: {
        'X-RateLimit-Limit': String(limits.limit),
        'X-RateLimit-Remaining': String(bucket.remaining),
        'X-RateLimit-Reset': (bucket.resetAt / 1000).toFixed(3),
        'X-RateLimit-Reset-After': resetAfter.toFixed(3),
        'X-RateLimit-Bucket': bucketHash(rule),
      },
    };
  }
}
