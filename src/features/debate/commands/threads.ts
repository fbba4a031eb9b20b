import type { Subcommand } from '../../../platform/router/subcommands.js';
import type { DebateContext } from '../discord/context.js';
import { editFormRoute } from './form-retry.js';
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

/**
 * The `/debate` subcommands that run debate threads, with the stance, prompt-start and "Edit and try
 * again" routes (the last serves every debate form, the credit and report forms too).
 */
export const debateThreadSubcommands: readonly Subcommand<DebateContext>[] = [
  {
    ...startSubcommand,
    components: [stanceRoute, startFromPromptRoute, editFormRoute],
    modals: [startFromPromptModal],
  },
  closeSubcommand,
  reopenSubcommand,
  extendSubcommand,
  slowmodeSubcommand,
  lockThreadSubcommand,
  unlockThreadSubcommand,
  warnSubcommand,
  statsSubcommand,
];
