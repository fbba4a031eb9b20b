import type { Command } from '../../../platform/router/command.js';
import type { ReadingContext } from '../../reading/discord/context.js';

export interface HelpContext extends ReadingContext {
  /** Every command the bot routes, as `/help` lists them. */
  commands: readonly Command<never>[];
}
