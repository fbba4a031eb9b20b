import type { Command } from '../framework/command.js';

/** Every command Roundtable offers. The router, the deploy script and the tests all read this list. */
export const commands = [] as const satisfies readonly Command[];
