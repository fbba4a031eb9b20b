import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { truncateAtWord } from '../../../platform/text.js';
import {
  requireStory,
  respondWithStories,
  storyOption,
  storyOptionName,
} from '../../reading/discord/story-option.js';
import { checkDebateDuration, maximumSlowmodeSeconds } from '../core/duration.js';
import { motionMaxLength, sanitizeMotion } from '../core/motion.js';
import type { DebateFormat } from '../core/types.js';
import type { DebateContext } from '../discord/context.js';
import { debateStartPermissions } from '../discord/permissions.js';
import {
  notTextChannelMessage,
  startedReply,
  startInputMessages,
  startNoteMessage,
  startRefusalMessage,
} from '../messages/replies.js';
import { durationOption, respondWithDurations } from './duration-option.js';
import { InputError } from './form-retry.js';
import {
  deferThenAnswer,
  modLogHint,
  requireBotPermissions,
  requireGuild,
  requireModerator,
  withNotes,
} from './guards.js';

const choiceLimit = 100;

export interface StartInput {
  motion: string;
  story: string | null;
  duration: string | null;
  slowmodeSeconds: number;
  format: DebateFormat;
}

function resolveMotion(
  input: StartInput,
  context: DebateContext,
): { motion: string; promptId: string | null; storyId: string | null } {
  const prompt = context.content.getDebatePrompt(input.motion.trim());
  if (prompt) return { motion: prompt.motion, promptId: prompt.id, storyId: prompt.storyId };
  const checked = sanitizeMotion(input.motion);
  if (checked.kind === 'empty') throw new InputError(startInputMessages.motionEmpty);
  if (checked.kind === 'too-long')
    throw new InputError(startInputMessages.motionTooLong(checked.length, motionMaxLength));
  const storyId = input.story === null ? null : requireStory(input.story, context).id;
  return { motion: checked.motion, promptId: null, storyId };
}

function resolveDuration(input: string | null, inForm: boolean): number {
  const checked = checkDebateDuration(input);
  switch (checked.kind) {
    case 'ok':
      return checked.milliseconds;
    case 'invalid':
      throw new InputError(startInputMessages.durationInvalid(inForm));
    case 'too-short':
      throw new InputError(startInputMessages.durationTooShort);
    case 'too-long':
      throw new InputError(startInputMessages.durationTooLong);
  }
}

/** Starts a debate in the channel of the interaction: shared by `/debate start` and the prompt button. */
export async function startDebateHere(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  context: DebateContext,
  input: StartInput,
): Promise<void> {
  const guild = requireGuild(interaction);
  requireModerator(interaction, 'start a debate');
  const channel = interaction.channel ?? (await context.client.channels.fetch(interaction.channelId ?? ''));
  if (channel?.isThread())
    throw new UserError('Start debates from a text channel, not a thread: I create the debate thread there.');
  if (channel?.type !== ChannelType.GuildText) throw new UserError(notTextChannelMessage);
  requireBotPermissions(interaction, debateStartPermissions);
  const motion = resolveMotion(input, context);
  const durationMs = resolveDuration(input.duration, interaction.isModalSubmit());
  if (
    !Number.isInteger(input.slowmodeSeconds) ||
    input.slowmodeSeconds < 0 ||
    input.slowmodeSeconds > maximumSlowmodeSeconds
  )
    throw new InputError(startInputMessages.slowmodeRange);

  await deferThenAnswer(interaction, async () => {
    const outcome = await context.debate.start({
      guildId: guild.id,
      parentChannelId: channel.id,
      startedBy: interaction.user.id,
      ...motion,
      format: input.format,
      durationMs,
      slowmodeSeconds: input.slowmodeSeconds,
    });
    if (outcome.kind === 'refused') return startRefusalMessage(outcome);
    return withNotes(
      startedReply(outcome, { durationMs, slowmodeSeconds: input.slowmodeSeconds, format: input.format }),
      [...outcome.notes.map(startNoteMessage), modLogHint(context, guild.id, interaction.user.id)],
    );
  });
}

async function respondWithMotions(
  interaction: AutocompleteInteraction,
  context: DebateContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim();
  const prompts = context.content.searchDebatePrompts(typed, 25);
  await interaction.respond(
    prompts
      .filter((prompt) => prompt.id.length <= choiceLimit)
      .map((prompt) => ({
        name: truncateAtWord(prompt.motion, choiceLimit),
        value: prompt.id,
      })),
  );
}

export const startSubcommand: Subcommand<DebateContext> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('start')
    .setDescription('Start a moderated debate thread in this channel (moderators)')
    .addStringOption((option) =>
      option
        .setName('motion')
        .setDescription('Pick a motion from the story packs or type your own (up to 200 characters)')
        .setRequired(true)
        .setMaxLength(motionMaxLength)
        .setAutocomplete(true),
    )
    .addStringOption((option) =>
      durationOption(
        option,
        'duration',
        'How long it runs: 10 minutes to 7 days, e.g. 90m, 2h, 3d (default 24h)',
        false,
      ),
    )
    .addIntegerOption((option) =>
      option
        .setName('slowmode')
        .setDescription('Seconds each member waits between messages (default: off)')
        .setMinValue(0)
        .setMaxValue(maximumSlowmodeSeconds),
    )
    .addStringOption((option) =>
      option
        .setName('format')
        .setDescription('Open discussion, or three timed rounds for formal debates')
        .addChoices(
          { name: 'Open discussion', value: 'open' },
          { name: 'Rounds: opening statements, rebuttals, closing statements', value: 'rounds' },
        ),
    )
    .addStringOption((option) =>
      storyOption(option, false).setDescription('The story a typed motion is about (optional)'),
    ),
  audience: 'moderator',
  help: 'Start a debate thread with stances, a timed close and a summary; optional slowmode and timed rounds.',
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true).name;
    if (focused === 'motion') await respondWithMotions(interaction, context);
    else if (focused === 'duration') await respondWithDurations(interaction);
    else if (focused === storyOptionName) await respondWithStories(interaction, context);
    else await interaction.respond([]);
  },
  async execute(interaction, context) {
    await startDebateHere(interaction, context, {
      motion: interaction.options.getString('motion', true),
      story: interaction.options.getString(storyOptionName),
      duration: interaction.options.getString('duration'),
      slowmodeSeconds: interaction.options.getInteger('slowmode') ?? 0,
      format: interaction.options.getString('format') === 'rounds' ? 'rounds' : 'open',
    });
  },
};
