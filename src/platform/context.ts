import type { Client } from 'discord.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/** What every feature's handlers get from the platform; each feature's context extends it. */
export interface PlatformContext {
  client: Client;
  clock: Clock;
  logger: Logger;
}
