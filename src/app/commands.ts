import changedMyView from '../features/debate/commands/changed-my-view.js';
import debate from '../features/debate/commands/debate.js';
import reportMessage from '../features/debate/commands/report-message.js';
import help from '../features/help/commands/help.js';
import quiz from '../features/quiz/commands/quiz.js';
import factcheck from '../features/reading/commands/factcheck.js';
import summary from '../features/reading/commands/summary.js';
import timeline from '../features/reading/commands/timeline.js';
import settings from '../features/settings/commands/settings.js';
import type { Command } from '../platform/router/command.js';
import type { BotContext } from './context.js';

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
] as const satisfies readonly Command<BotContext>[];
