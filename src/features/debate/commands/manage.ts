import { type ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { checkExtension, maximumSlowmodeSeconds } from '../core/duration.js';
import type { ThreadActionOutcome } from '../core/outcomes.js';
import { cleanModeratorReason } from '../core/reports.js';
import type { DebateContext } from '../discord/context.js';
import { debateManagePermissions } from '../discord/permissions.js';
import {
  alreadyClosedMessage,
  closeMessages,
  refusalMessage,
  startInputMessages,
  threadActionDoneMessages,
} from '../messages/replies.js';
import type { DebateRecord } from '../storage/debate-record.js';
import { durationOption, respondWithDurations } from './duration-option.js';
import {
  deferThenAnswer,
  modLogHint,
  requireBotPermissions,
  requireModeratorInDebate,
  requireOpenDebate,
  withNotes,
} from './guards.js';

/** The checks every thread-changing moderator subcommand makes before it acts. */
function prepare(
  interaction: ChatInputCommandInteraction,
  context: DebateContext,
  action: string,
): DebateRecord {
  const debate = requireModeratorInDebate(interaction, context, action);
  requireBotPermissions(interaction, debateManagePermissions);
  return debate;
}

/**
 * Defers, runs the thread action and answers with its refusal, or what was done with its notes and the
 * mod-log hint.
 */
async function answerThreadAction(
  interaction: ChatInputCommandInteraction,
  context: DebateContext,
  debate: DebateRecord,
  done: (closesAt: number) => string,
  action: () => Promise<ThreadActionOutcome>,
): Promise<void> {
  await deferThenAnswer(interaction, async () => {
    const outcome = await action();
    return outcome.kind === 'refused'
      ? refusalMessage(outcome)
      : withNotes(done(outcome.closesAt), [
          ...outcome.notes.map(refusalMessage),
          modLogHint(context, debate.guildId, interaction.user.id),
        ]);
  });
}

export const closeSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('close')
    .setDescription('Close this debate now and post the result (moderators)')
    .addStringOption((option) =>
      option.setName('reason').setDescription('Why it closes early (shown in the summary)').setMaxLength(300),
    ),
  audience: 'moderator',
  help: 'Close the debate in this thread now: restores the thread and posts the result.',
  async execute(interaction, context) {
    const debate = prepare(interaction, context, 'close a debate');
    if (debate.status !== 'open') throw new UserError(alreadyClosedMessage);
    const reason = cleanModeratorReason(interaction.options.getString('reason'), 300) ?? null;
    await deferThenAnswer(interaction, async () => {
      let problem: string | undefined;
      try {
        const closed = await context.debate.close({ debateId: debate.id, by: interaction.user.id, reason });
        if (closed.kind === 'refused') return refusalMessage(closed);
        if (closed.fault !== null) problem = closeMessages.fault(closed.fault);
      } catch (error) {
        context.logger.warn(
          { err: error, debateId: debate.id },
          'closing a debate did not finish; the schedule retries',
        );
        problem = closeMessages.unfinished;
      }
      return withNotes(closeMessages.closed, [
        problem,
        modLogHint(context, debate.guildId, interaction.user.id),
      ]);
    });
  },
};

export const reopenSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('reopen')
    .setDescription('Open this closed debate again for its original length (moderators)'),
  audience: 'moderator',
  help: 'Reopen the closed debate in this thread for its original length.',
  async execute(interaction, context) {
    const debate = prepare(interaction, context, 'reopen a debate');
    if (debate.status === 'open') throw new UserError('This debate is still open.');
    await answerThreadAction(interaction, context, debate, threadActionDoneMessages.reopened, () =>
      context.debate.reopen({ debateId: debate.id, actorId: interaction.user.id }),
    );
  },
};

export const extendSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('extend')
    .setDescription('Give this debate more time (moderators)')
    .addStringOption((option) =>
      durationOption(option, 'duration', 'How much longer, e.g. 30m, 2h, 1d (at most 7 days from now)', true),
    ),
  audience: 'moderator',
  help: 'Give the debate in this thread more time; rounds still to come move with it.',
  async autocomplete(interaction) {
    await respondWithDurations(interaction);
  },
  async execute(interaction, context) {
    const debate = prepare(interaction, context, 'extend a debate');
    requireOpenDebate(debate);
    const checked = checkExtension(
      interaction.options.getString('duration', true),
      debate.closesAt,
      context.clock.now(),
    );
    if (checked.kind === 'invalid')
      throw new UserError(
        'I could not read that duration. Try `30m`, `2h` or `1d`, or pick one from the list.',
      );
    if (checked.kind === 'too-far')
      throw new UserError(
        `A debate can run at most 7 days from now, until ${discordTimestamp(checked.latest, 'F')}.`,
      );
    await answerThreadAction(interaction, context, debate, threadActionDoneMessages.extended, () =>
      context.debate.extend({
        debateId: debate.id,
        closesAt: checked.closesAt,
        actorId: interaction.user.id,
      }),
    );
  },
};

export const slowmodeSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('slowmode')
    .setDescription("Set this debate's slowmode; it is restored when the debate ends (moderators)")
    .addIntegerOption((option) =>
      option
        .setName('seconds')
        .setDescription('Seconds between messages per member, 0 for off (at most 21600)')
        .setRequired(true)
        .setMinValue(0)
        .setMaxValue(maximumSlowmodeSeconds),
    ),
  audience: 'moderator',
  help: "Set the debate thread's slowmode for the rest of the debate.",
  async execute(interaction, context) {
    const debate = prepare(interaction, context, 'change slowmode');
    requireOpenDebate(debate);
    const seconds = interaction.options.getInteger('seconds', true);
    if (seconds < 0 || seconds > maximumSlowmodeSeconds)
      throw new UserError(startInputMessages.slowmodeRange);
    await answerThreadAction(
      interaction,
      context,
      debate,
      () => threadActionDoneMessages.slowmode(seconds),
      () => context.debate.setSlowmode({ debateId: debate.id, seconds, actorId: interaction.user.id }),
    );
  },
};

function lockSubcommand(locked: boolean): Subcommand<DebateContext> {
  const name = locked ? 'lock' : 'unlock';
  return {
    data: new SlashCommandSubcommandBuilder()
      .setName(name)
      .setDescription(
        locked
          ? 'Lock this debate thread so only moderators can post (moderators)'
          : 'Unlock this debate thread (moderators)',
      ),
    audience: 'moderator',
    help: locked
      ? 'Lock the debate thread for a pause; it is unlocked again when the debate ends.'
      : 'Unlock the debate thread.',
    async execute(interaction, context) {
      const debate = prepare(interaction, context, `${name} a debate thread`);
      requireOpenDebate(debate);
      await answerThreadAction(
        interaction,
        context,
        debate,
        () => (locked ? threadActionDoneMessages.locked : threadActionDoneMessages.unlocked),
        () => context.debate.setLocked({ debateId: debate.id, locked, actorId: interaction.user.id }),
      );
    },
  };
}

export const lockThreadSubcommand = lockSubcommand(true);
export const unlockThreadSubcommand = lockSubcommand(false);
