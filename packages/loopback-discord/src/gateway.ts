import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';

export const gatewayIntents = {
  guilds: 1 << 0,
  guildMembers: 1 << 1,
  guildPresences: 1 << 8,
  guildMessages: 1 << 9,
  directMessages: 1 << 12,
  messageContent: 1 << 15,
} as const;

/** Which privileged intents the application is allowed to request (as toggled in the developer portal). */
export interface PrivilegedIntents {
  guildMembers: boolean;
  guildPresences: boolean;
  messageContent: boolean;
}

export interface GatewaySession {
  readonly id: string;
  readonly intents: number;
  sequence: number;
  readonly log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  identifiedAt: number;
  resumes: number;
}

/** The data to dispatch, or a function computing it per session (e.g. to strip content without the Message Content intent). */
export type DispatchData = unknown | ((session: GatewaySession) => unknown);

export interface DispatchOptions {
  /** The intent a session must have asked for to receive this event; omitted means always sent. */
  intent?: number;
  /** Further condition on the session, e.g. privileged intents with exceptions. */
  filter?: (session: GatewaySession) => boolean;
}

export interface GatewayHooks {
  /** Builds READY's `d` (without session fields) and the guild ids whose GUILD_CREATE follows. */
  ready: () => { user: unknown; application: unknown; guildIds: string[] };
  guildCreate: (guildId: string, session: GatewaySession) => unknown;
  memberChunk: (request: {
    guildId: string;
    userIds: string[] | null;
    query: string | null;
    limit: number;
  }) => unknown[];
  onEvent: (event: GatewayEvent) => void;
}

/** What happened on the gateway, for recording. */
export type GatewayEvent =
  | { kind: 'identify'; sessionId: string; intents: number }
  | { kind: 'resume'; sessionId: string; replayed: number }
  | { kind: 'invalid-session'; sessionId: string | null }
  | { kind: 'closed'; sessionId: string | null; code: number }
  | { kind: 'rejected'; code: number; reason: string };

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  privilegedIntents: PrivilegedIntents;
  hooks: GatewayHooks;
}

const maximumLoggedDispatches = 2000;

interface ConnectionState {
  session: GatewaySession | null;
}

/** The WebSocket gateway: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay, and dispatches. */
export class LoopbackGateway {
  readonly #server = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly sessions = new Map<string, GatewaySession>();
  readonly #connections = new Map<WebSocket, ConnectionState>();
  #resumeUrl = '';

  constructor(private readonly options: GatewayOptions) {}

  setUrl(url: string): void {
    this.#resumeUrl = url;
  }

  get connectedSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((session) => session.socket?.readyState === WebSocket.OPEN);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (connection) => this.#accept(connection));
  }

  #accept(connection: WebSocket): void {
    const state: ConnectionState = { session: null };
    this.#connections.set(connection, state);
    connection.on('message', (raw) => this.#receive(connection, state, raw));
    connection.on('close', (code) => {
      this.#connections.delete(connection);
      if (state.session && state.session.socket === connection) state.session.socket = null;
      this.options.hooks.onEvent({ kind: 'closed', sessionId: state.session?.id ?? null, code });
    });
    connection.on('error', () => undefined);
    this.#send(connection, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #send(connection: WebSocket, payload: unknown): void {
    if (connection.readyState === WebSocket.OPEN) connection.send(JSON.stringify(payload));
  }

  #reject(connection: WebSocket, code: number, reason: string): void {
    this.options.hooks.onEvent({ kind: 'rejected', code, reason });
    connection.close(code, reason);
  }

  #receive(connection: WebSocket, state: ConnectionState, raw: RawData): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
    } catch {
      this.#reject(connection, 4002, 'Error while decoding payload.');
      return;
    }
    const data = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<
      string,
      unknown
    >;
    switch (payload.op) {
      case 1:
        this.#send(connection, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.#identify(connection, state, data);
        return;
      case 6:
        this.#resume(connection, state, data);
        return;
      case 3:
      case 4:
        if (!state.session) this.#reject(connection, 4003, 'Not authenticated.');
        return;
      case 8:
        if (!state.session) this.#reject(connection, 4003, 'Not authenticated.');
        else this.#requestMembers(state.session, data);
        return;
      default:
        this.#reject(connection, 4001, 'Unknown opcode.');
    }
  }

  #identify(connection: WebSocket, state: ConnectionState, data: Record<string, unknown>): void {
    if (state.session) {
      this.#reject(connection, 4005, 'Already authenticated.');
      return;
    }
    if (data.token !== this.options.token) {
      this.#reject(connection, 4004, 'Authentication failed.');
      return;
    }
    const intents = typeof data.intents === 'number' ? data.intents : -1;
    if (!Number.isInteger(intents) || intents < 0) {
      this.#reject(connection, 4013, 'Invalid intent(s).');
      return;
    }
    const privileged = this.options.privilegedIntents;
    const disallowed =
      ((intents & gatewayIntents.guildMembers) !== 0 && !privileged.guildMembers) ||
      ((intents & gatewayIntents.guildPresences) !== 0 && !privileged.guildPresences) ||
      ((intents & gatewayIntents.messageContent) !== 0 && !privileged.messageContent);
    if (disallowed) {
      this.#reject(connection, 4014, 'Disallowed intent(s).');
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      intents,
      sequence: 0,
      log: [],
      socket: connection,
      identifiedAt: Date.now(),
      resumes: 0,
    };
    this.sessions.set(session.id, session);
    state.session = session;
    this.options.hooks.onEvent({ kind: 'identify', sessionId: session.id, intents });
    const ready = this.options.hooks.ready();
    this.#dispatchTo(session, 'READY', {
      v: 10,
      user: ready.user,
      guilds: ready.guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.#resumeUrl,
      shard: [0, 1],
      application: ready.application,
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    });
    if ((intents & gatewayIntents.guilds) !== 0 || ready.guildIds.length > 0) {
      for (const guildId of ready.guildIds) {
        this.#dispatchTo(session, 'GUILD_CREATE', this.options.hooks.guildCreate(guildId, session));
      }
    }
  }

  #resume(connection: WebSocket, state: ConnectionState, data: Record<string, unknown>): void {
    const session = typeof data.session_id === 'string' ? this.sessions.get(data.session_id) : undefined;
    if (data.token !== this.options.token) {
      this.#reject(connection, 4004, 'Authentication failed.');
      return;
    }
    const sequence = typeof data.seq === 'number' ? data.seq : 0;
    if (!session || sequence > session.sequence) {
      this.options.hooks.onEvent({ kind: 'invalid-session', sessionId: session?.id ?? null });
      this.#send(connection, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== connection && session.socket.readyState === WebSocket.OPEN) {
      session.socket.close(4000, 'Session resumed elsewhere.');
    }
    session.socket = connection;
    session.resumes += 1;
    state.session = session;
    const missed = session.log.filter((entry) => entry.s > sequence);
    for (const entry of missed) this.#send(connection, { op: 0, s: entry.s, t: entry.t, d: entry.d });
    this.options.hooks.onEvent({ kind: 'resume', sessionId: session.id, replayed: missed.length });
    this.#dispatchTo(session, 'RESUMED', {});
  }

  #requestMembers(session: GatewaySession, data: Record<string, unknown>): void {
    const guildIds = Array.isArray(data.guild_id) ? data.guild_id : [data.guild_id];
    for (const guildId of guildIds) {
      if (typeof guildId !== 'string') continue;
      const userIds = Array.isArray(data.user_ids)
        ? data.user_ids.filter((id): id is string => typeof id === 'string')
        : typeof data.user_ids === 'string'
          ? [data.user_ids]
          : null;
      const members = this.options.hooks.memberChunk({
        guildId,
        userIds,
        query: typeof data.query === 'string' ? data.query : null,
        limit: typeof data.limit === 'number' ? data.limit : 0,
      });
      this.#dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
        guild_id: guildId,
        members,
        chunk_index: 0,
        chunk_count: 1,
        ...(userIds ? { not_found: [] } : {}),
        ...(typeof data.nonce === 'string' ? { nonce: data.nonce } : {}),
      });
    }
  }

  #dispatchTo(session: GatewaySession, event: string, data: unknown): void {
    session.sequence += 1;
    const entry = { s: session.sequence, t: event, d: data };
    session.log.push(entry);
    if (session.log.length > maximumLoggedDispatches) session.log.shift();
    if (session.socket) this.#send(session.socket, { op: 0, ...entry });
  }

  /** Sends an event to every session (connected or awaiting resume) that asked for its intent. */
  dispatch(event: string, data: DispatchData, options: DispatchOptions = {}): void {
    for (const session of this.sessions.values()) {
      if (options.intent !== undefined && (session.intents & options.intent) === 0) continue;
      if (options.filter && !options.filter(session)) continue;
      const payload =
        typeof data === 'function' ? (data as (session: GatewaySession) => unknown)(session) : data;
      this.#dispatchTo(session, event, payload);
    }
  }

  /** Drops every gateway connection with a resumable close code; sessions stay resumable. */
  dropConnections(code = 4000): number {
    let dropped = 0;
    for (const [connection, state] of this.#connections) {
      if (state.session && state.session.socket === connection) state.session.socket = null;
      connection.close(code, 'Connection dropped by the loopback server.');
      dropped += 1;
    }
    return dropped;
  }

  /** Asks every connected client to reconnect and resume (opcode 7). */
  requestReconnect(): void {
    for (const connection of this.#connections.keys())
      this.#send(connection, { op: 7, d: null, s: null, t: null });
  }

  close(): void {
    for (const connection of this.#connections.keys()) connection.terminate();
    this.#connections.clear();
    this.#server.close();
  }
}
