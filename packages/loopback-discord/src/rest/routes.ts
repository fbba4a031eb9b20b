import type { LoopbackEngine } from '../engine.js';
import type { InteractionHub } from '../interactions/hub.js';
import { registerChannelRoutes } from './channels.js';
import { registerCommandRoutes } from './commands.js';
import { registerGuildRoutes } from './guilds.js';
import { registerInteractionRoutes } from './interactions.js';
import { type RestOptions, RouteKit } from './kit.js';
import { registerMessageRoutes } from './messages.js';
import { RouteTable } from './router.js';
import { registerThreadRoutes } from './threads.js';
import { registerGatewayAndUserRoutes } from './users.js';

export type { RestOptions };

/** Discord's REST API, as far as Roundtable uses it: every route module registered in one table. */
export function createRestRoutes(
  engine: LoopbackEngine,
  hub: InteractionHub,
  options: RestOptions,
): RouteTable {
  const routes = new RouteTable();
  const kit = new RouteKit(engine, hub, options);
  for (const register of [
    registerGatewayAndUserRoutes,
    registerCommandRoutes,
    registerInteractionRoutes,
    registerChannelRoutes,
    registerMessageRoutes,
    registerThreadRoutes,
    registerGuildRoutes,
  ]) {
    register(routes, kit);
  }
  return routes;
}
