import type { Subcommand } from '../../../platform/router/subcommands.js';
import type { DebateContext } from '../discord/context.js';
import {
  closeSubcommand,
  extendSubcommand,
  lockThreadSubcommand,
  reopenSubcommand,
  slowmodeSubcommand,
  unlockThreadSubcommand,
} from './manage.js';
import { stanceRoute } from './stance-buttons.js';
import { startSubcommand } from './start.js';
import { startFromPromptModal, startFromPromptRoute } from './start-from-prompt.js';
import { statsSubcommand } from './stats.js';
import { warnSubcommand } from './warn.js';

/** The `/debate` subcommands that run debate threads, with the stance and prompt-start routes. */
export const debateThreadSubcommands: readonly Subcommand<DebateContext>[] = [
  { ...startSubcommand, components: [stanceRoute, startFromPromptRoute], modals: [startFromPromptModal] },
  closeSubcommand,
  reopenSubcommand,
  extendSubcommand,
  slowmodeSubcommand,
  lockThreadSubcommand,
  unlockThreadSubcommand,
  warnSubcommand,
  statsSubcommand,
];
