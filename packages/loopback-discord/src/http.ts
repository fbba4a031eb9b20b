import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoopbackClock } from './clock.js';
import { type DiscordErrorBody, discordErrors, type RouteAnswer } from './errors.js';
import type { FaultPlan } from './faults.js';
import type { LoopbackGateway } from './gateway.js';
import type { Json } from './json.js';
import type { RouteContext, RouteTable } from './rest/router.js';
import type { RecordedRequest } from './types.js';

interface ParsedBody {
  body: unknown;
  files: RouteContext['files'];
  invalid: boolean;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [], invalid: false };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown;
    const files: RouteContext['files'] = [];
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        if (name === 'payload_json') body = JSON.parse(value) as unknown;
      } else {
        files.push({
          name,
          filename: value.name,
          size: value.size,
          contentType: value.type || 'application/octet-stream',
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files, invalid: false };
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [], invalid: false };
  } catch {
    return { body: raw.toString('utf8'), files: [], invalid: true };
  }
}

/** The path after `/api` and an optional `/v10`, split into decoded segments. */
function apiSegments(pathname: string): string[] | null {
  const match = /^\/api(?:\/v\d+)?(\/.*)?$/.exec(pathname);
  if (!match) return null;
  return (match[1] ?? '/')
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function majorParameter(routePattern: string, params: Record<string, string>): string {
  if (params.channel) return `channel:${params.channel}`;
  if (params.guild) return `guild:${params.guild}`;
  if (params.token) return `webhook:${params.application ?? params.interaction ?? ''}:${params.token}`;
  return routePattern;
}

export interface HttpOptions {
  token: string;
  clock: LoopbackClock;
  routes: RouteTable;
  faults: FaultPlan;
  gateway: LoopbackGateway;
  record: (request: RecordedRequest) => void;
}

/** The HTTP side: REST under `/api[/v10]`, the gateway WebSocket on upgrade, on one 127.0.0.1 port. */
export class LoopbackHttpServer {
  readonly #server: Server;
  #port = 0;

  constructor(private readonly options: HttpOptions) {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    this.#server.keepAliveTimeout = 5_000;
    this.#server.on('upgrade', (request, socket, head) =>
      options.gateway.handleUpgrade(request, socket, head),
    );
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    return this.#port;
  }

  get port(): number {
    return this.#port;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #write(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    if (response.writableEnded || response.destroyed) return;
    if (status === 204 || body === undefined) {
      response.writeHead(status, headers);
      response.end();
      return;
    }
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
    });
    response.end(text);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const at = this.options.clock.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    let parsed: ParsedBody;
    try {
      parsed = await parseBody(raw, request.headers['content-type']);
    } catch {
      parsed = { body: raw.toString('utf8'), files: [], invalid: true };
    }
    const query: Record<string, string> = Object.fromEntries(url.searchParams.entries());
    const finish = (
      route: string | null,
      status: number,
      body: unknown,
      headers: Record<string, string>,
      injected: boolean,
    ): void => {
      this.#write(response, status, body, headers);
      this.options.record({
        method,
        path: decodedPath(url.pathname),
        route,
        query,
        body: parsed.body,
        status,
        response: body,
        at,
        durationMs: performance.now() - startedAt,
        injected,
      });
    };
    const segments = apiSegments(url.pathname);
    if (!segments) {
      const notFound = discordErrors.notFound();
      finish(null, notFound.status, notFound.body, {}, false);
      return;
    }
    const { found, pathKnown } = this.options.routes.match(method, segments);
    if (!found) {
      const answer = pathKnown ? discordErrors.methodNotAllowed() : discordErrors.notFound();
      finish(null, answer.status, answer.body, {}, false);
      return;
    }
    const route = `${method} ${found.route.pattern}`;
    const fault = this.options.faults.decideInjected(method, segments, route);
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.answer) {
      finish(route, fault.answer.status, fault.answer.body, fault.answer.headers, true);
      return;
    }
    const enforced = this.options.faults.decideEnforced(
      method,
      segments,
      route,
      majorParameter(found.route.pattern, found.params),
      found.route.exemptFromGlobalLimit,
    );
    if (enforced.answer) {
      finish(route, enforced.answer.status, enforced.answer.body, enforced.answer.headers, true);
      return;
    }
    if (found.route.authenticated && request.headers.authorization !== `Bot ${this.options.token}`) {
      const unauthorized = discordErrors.unauthorized();
      finish(route, unauthorized.status, unauthorized.body, enforced.headers, false);
      return;
    }
    if (parsed.invalid) {
      const body: DiscordErrorBody = { code: 50109, message: 'The request body contains invalid JSON.' };
      finish(route, 400, body, enforced.headers, false);
      return;
    }
    let answer: RouteAnswer;
    try {
      answer = await found.route.handle({
        params: found.params,
        query: url.searchParams,
        body: parsed.body,
        files: parsed.files,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      answer = { status: 500, body: { code: 0, message: `500: Internal Server Error (${message})` } as Json };
    }
    finish(route, answer.status, answer.body, enforced.headers, false);
  }
}
