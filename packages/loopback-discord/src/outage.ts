import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LoopbackGateway } from './gateway.js';

/**
 * A gateway outage: every new WebSocket connection is answered `503 Service Unavailable` before the
 * upgrade, as Discord's edge does while the gateway is down. Connections already open are left alone
 * (drop them with `dropConnection`); sessions stay resumable. `end()` lets connections in again.
 */
export class GatewayOutage {
  /** `performance.now()` of each refused connection attempt, in order. */
  readonly refusedAt: number[] = [];
  readonly #gateway: LoopbackGateway;
  readonly #accept: LoopbackGateway['handleUpgrade'];
  #ended = false;

  constructor(gateway: LoopbackGateway) {
    this.#gateway = gateway;
    this.#accept = gateway.handleUpgrade;
    gateway.handleUpgrade = (_request: IncomingMessage, socket: Duplex) => {
      this.refusedAt.push(performance.now());
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    };
  }

  get ended(): boolean {
    return this.#ended;
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#gateway.handleUpgrade = this.#accept;
  }
}
