import type { UploadedFile } from '../attachments.js';
import type { RouteAnswer } from '../errors.js';

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export type RouteHandler = (context: RouteContext) => RouteAnswer | Promise<RouteAnswer>;

export interface RouteFlags {
  /** Whether the route needs the bot token (interaction callbacks and webhooks do not); default true. */
  authenticated?: boolean;
  /** Interaction callbacks are exempt from the global rate limit, as on Discord; default false. */
  exemptFromGlobalLimit?: boolean;
}

export interface RouteDefinition {
  method: string;
  pattern: string;
  segments: string[];
  authenticated: boolean;
  exemptFromGlobalLimit: boolean;
  handle: RouteHandler;
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

/** The REST routes by method and pattern (`/channels/:channel/messages`), and the dispatch of a path to one. */
export class RouteTable {
  readonly routes: RouteDefinition[] = [];

  add(method: string, pattern: string, handle: RouteHandler, flags: RouteFlags = {}): void {
    this.routes.push({
      method,
      pattern,
      segments: pattern.split('/').filter((segment) => segment.length > 0),
      authenticated: flags.authenticated ?? true,
      exemptFromGlobalLimit: flags.exemptFromGlobalLimit ?? false,
      handle,
    });
  }

  /** The most specific route matching the path, preferring literal segments over parameters. */
  match(method: string, segments: readonly string[]): { found: RouteMatch | null; pathKnown: boolean } {
    let best: RouteMatch | null = null;
    let bestScore = -1;
    let pathKnown = false;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let score = 0;
      let matches = true;
      for (let index = 0; index < segments.length; index += 1) {
        const expected = route.segments[index] ?? '';
        const actual = segments[index] ?? '';
        if (expected.startsWith(':')) params[expected.slice(1)] = actual;
        else if (expected === actual) score += 1;
        else {
          matches = false;
          break;
        }
      }
      if (!matches) continue;
      pathKnown = true;
      if (route.method === method && score > bestScore) {
        best = { route, params };
        bestScore = score;
      }
    }
    return { found: best, pathKnown };
  }
}
