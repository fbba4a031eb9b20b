import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Client,
  type ClientOptions,
  Events,
  GatewayCloseCodes,
  SimpleShardingStrategy,
} from 'discord.js';
import type { Logger } from '../logger.js';

type BuildStrategy = NonNullable<NonNullable<ClientOptions['ws']>['buildStrategy']>;
type ShardManager = Parameters<BuildStrategy>[0];

/** How reconnection attempts after a lost gateway connection are spaced. */
export interface ReconnectPolicy {
  /** Extra wait before the second consecutive attempt; it doubles for each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = { firstDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * The wait added before the `attempt`-th consecutive reconnection (from 1) on top of discord.js's own half
 * second: none for the first, so that a single drop resumes at once, then doubling up to the maximum.
 */
export function reconnectDelayMs(attempt: number, policy: ReconnectPolicy = defaultReconnectPolicy): number {
  if (attempt <= 1) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 2));
}

/** Close codes after which Discord will not take the session back, with what they mean and what to do. */
const fatalCloses: Partial<Record<number, { cause: string; action: string }>> = {
  [GatewayCloseCodes.AuthenticationFailed]: {
    cause: 'authentication failed: the bot token was reset or revoked',
    action: 'put the current token from the developer portal in DISCORD_TOKEN and restart',
  },
  [GatewayCloseCodes.InvalidShard]: {
    cause: 'invalid shard',
    action: 'check the shard settings and restart',
  },
  [GatewayCloseCodes.ShardingRequired]: {
    cause: 'sharding required: the bot is in too many servers for one connection',
    action: 'run Roundtable with several shards',
  },
  [GatewayCloseCodes.InvalidAPIVersion]: {
    cause: 'invalid API version',
    action: 'upgrade discord.js and restart',
  },
  [GatewayCloseCodes.InvalidIntents]: {
    cause: 'invalid intents',
    action: 'upgrade Roundtable and restart',
  },
  [GatewayCloseCodes.DisallowedIntents]: {
    cause:
      'disallowed intents: Discord no longer allows an intent Roundtable asks for (Guilds, Guild Messages)',
    action:
      "check the bot's Privileged Gateway Intents and verification status in the developer portal, then restart",
  },
};

/** Why the gateway will not come back: the process should exit non-zero so that a supervisor sees it. */
export interface FatalGatewayClose {
  /** The close code; `null` when discord.js reports the session invalidated without one. */
  code: number | null;
  cause: string;
  action: string;
}

export function isFatalCloseCode(code: number): boolean {
  return fatalCloses[code] !== undefined;
}

function describeClose(code: number): string {
  if (code === 1006) return 'abnormal closure: the connection broke or could not be opened';
  if (code === 4200) return 'closed by discord.js to resume';
  return GatewayCloseCodes[code] ?? (code === 1000 ? 'normal closure' : 'unknown code');
}

export interface GatewayWatchOptions {
  logger: Logger;
  policy?: ReconnectPolicy;
  /** Called once when Discord closed the session for good (token reset, intents withdrawn...). */
  onFatal?: (close: FatalGatewayClose) => void;
}

export interface GatewayWatch {
  /** For `ClientOptions.ws.buildStrategy`: discord.js's own strategy, with backoff between reconnections. */
  buildStrategy: BuildStrategy;
  /** Logs the client's gateway events and reports a fatal close. */
  attach(client: Client): void;
  /** Before destroying the client: its closing is not a lost connection, and no attempt is pending. */
  stop(): void;
}

/**
 * Watches the gateway connection: a lost connection is logged once with its close code, each further
 * failed attempt with the wait before the next (attempts back off: discord.js alone retries every half
 * second for as long as the gateway refuses), the restored connection with its downtime; a close after
 * which Discord will not take the session back (4004 token reset, 4014 intents withdrawn...) is logged
 * with its cause and what to do, and reported to `onFatal`, whether it comes at the first identify or on
 * a live session.
 */
export function createGatewayWatch(options: GatewayWatchOptions): GatewayWatch {
  const { logger } = options;
  const policy = options.policy ?? defaultReconnectPolicy;
  const stopping = new AbortController();
  let failures = 0;
  let lostAt: number | null = null;
  let errorsWhileLost = 0;
  let waitBeforeNextConnect = false;
  let fatal = false;

  function restored(how: 'resumed' | 'new session', fields: Record<string, unknown> = {}): void {
    if (lostAt !== null)
      logger.info(
        {
          attempts: failures,
          downtimeMs: Math.round(performance.now() - lostAt),
          errors: errorsWhileLost,
          ...fields,
        },
        `gateway connection restored (${how})`,
      );
    failures = 0;
    lostAt = null;
    errorsWhileLost = 0;
    waitBeforeNextConnect = false;
  }

  function reportFatal(code: number | null): void {
    if (fatal) return;
    fatal = true;
    const known = (code === null ? undefined : fatalCloses[code]) ?? {
      cause: code === null ? 'the session was invalidated' : describeClose(code),
      action: 'restart Roundtable',
    };
    logger.error(
      { code, cause: known.cause, action: known.action },
      `Discord closed the gateway session for good (${code ?? 'invalidated'}: ${known.cause}); Roundtable stops so that it can be restarted`,
    );
    options.onFatal?.({ code, ...known });
  }

  return {
    buildStrategy(manager: ShardManager) {
      const retrieve = manager.options.retrieveSessionInfo.bind(manager.options);
      // @discordjs/ws asks for the session first thing before opening each connection (and now and then
      // while connected); after a close, the first ask is the reconnection: it waits its turn there.
      manager.options.retrieveSessionInfo = async (shardId: number) => {
        if (waitBeforeNextConnect) {
          waitBeforeNextConnect = false;
          const delay = reconnectDelayMs(failures, policy);
          if (delay > 0) {
            try {
              await sleep(delay, undefined, { signal: stopping.signal });
            } catch {
              return new Promise<never>(() => undefined);
            }
          }
        }
        return retrieve(shardId);
      };
      manager.on('closed', ({ code, shardId }: { code: number; shardId: number }) => {
        if (stopping.signal.aborted || fatal || isFatalCloseCode(code)) return;
        failures += 1;
        waitBeforeNextConnect = true;
        const nextInMs = 500 + reconnectDelayMs(failures, policy);
        if (lostAt === null) {
          lostAt = performance.now();
          // 4200: discord.js itself closed to resume (Discord asked it to reconnect, opcode 7): routine.
          const level = code === 4200 ? 'info' : 'warn';
          logger[level](
            { shardId, code, meaning: describeClose(code), nextInMs },
            'gateway connection lost; reconnecting',
          );
        } else {
          logger.info(
            { shardId, code, meaning: describeClose(code), attempt: failures, nextInMs },
            'gateway still unreachable; next attempt after a longer wait',
          );
        }
      });
      return new SimpleShardingStrategy(manager);
    },
    attach(client) {
      client.on(Events.ShardDisconnect, (event, shardId) => {
        if (stopping.signal.aborted) return;
        if (isFatalCloseCode(event.code)) reportFatal(event.code);
        else logger.warn({ shardId, code: event.code }, 'gateway shard disconnected');
      });
      client.on(Events.Invalidated, () => {
        if (!stopping.signal.aborted) reportFatal(null);
      });
      client.on(Events.ShardError, (error, shardId) => {
        // After a fatal close discord.js reports it once more as an error: its cause is already logged.
        if (stopping.signal.aborted || fatal) return;
        if (lostAt !== null && errorsWhileLost++ > 0) return;
        logger.warn({ shardId, err: error }, 'gateway connection error');
      });
      client.on(Events.ShardReconnecting, (shardId) => {
        logger.debug({ shardId, attempt: failures }, 'gateway reconnecting');
      });
      client.on(Events.ShardResume, (_shardId, replayed) => restored('resumed', { replayed }));
      client.on(Events.ShardReady, () => restored('new session'));
    },
    stop() {
      stopping.abort();
    },
  };
}
