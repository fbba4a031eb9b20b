import type { Command } from '../framework/command.js';
import debate from './debate.js';
import factcheck from './factcheck.js';
import help from './help.js';
import quiz from './quiz.js';
import summary from './summary.js';
import timeline from './timeline.js';

/** Every command Roundtable offers. The router, the deploy script and the tests all read this list. */
export const commands = [summary, timeline, factcheck, debate, quiz, help] as const satisfies readonly Command[];
