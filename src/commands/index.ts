import type { Command } from '../framework/command.js';
import changedMyView from './changed-my-view.js';
import debate from './debate.js';
import factcheck from './factcheck.js';
import help from './help.js';
import quiz from './quiz.js';
import reportMessage from './report-message.js';
import settings from './settings.js';
import summary from './summary.js';
import timeline from './timeline.js';

/** Every command Roundtable offers. The router, the deploy script and the tests all read this list. */
export const commands = [
  summary,
  timeline,
  factcheck,
  debate,
  quiz,
  settings,
  reportMessage,
  changedMyView,
  help,
] as const satisfies readonly Command[];
