import {
  type APIButtonComponent,
  ComponentType,
  MessageFlags,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import { colours } from '../../../platform/discord/colours.js';
import { ephemeralOption, visibilityFlags } from '../../../platform/discord/visibility.js';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import type { Subcommand } from '../../../platform/router/subcommands.js';
import { reportErrorButton } from '../../error-reports/discord/report-button.js';
import {
  type ContentReference,
  contentReference,
  referenceFor,
} from '../../reading/discord/content-reference.js';
import { findPrompt, findStory, storyGoneMessage, viewerOf } from '../../reading/discord/find-content.js';
import {
  type ButtonRow,
  definePager,
  type MessagePayload,
  type PagedMessage,
  type Viewer,
} from '../../reading/discord/pager.js';
import {
  requireStory,
  respondWithStories,
  storyOption,
  storyOptionName,
} from '../../reading/discord/story-option.js';
import { buildArgumentsPages, buildDebatePromptPages } from '../../reading/messages/debate-view.js';
import type { DebatePrompt } from '../../story-packs/core/index.js';
import type { DebateContext } from '../discord/context.js';
import { storyPromptRouteId } from '../discord/prompt-ids.js';
import { startDebateButtons } from './start-from-prompt.js';

interface PromptState {
  /** The prompt's id, or its hashed reference when the id is too long for a custom id. */
  prompt: ContentReference;
}

const promptState = z.tuple([contentReference]).transform(([prompt]) => ({ prompt }));

const promptGoneMessage =
  'This debate prompt is no longer in the story packs. Run `/debate prompt` for a current one.';

export const argumentsPager = definePager<PromptState, DebateContext>({
  feature: 'debate',
  action: 'arguments',
  colour: colours.debate,
  state: promptState,
  encode: (state, compact) => [referenceFor(state.prompt, compact)],
  render(state, context) {
    const prompt = findPrompt(state.prompt, context);
    if (prompt === undefined) return { kind: 'unavailable', message: promptGoneMessage };
    return { kind: 'pages', pages: buildArgumentsPages(prompt) };
  },
});

/** The buttons under a debate card, for everyone who reads it. */
export function promptCardButtons(prompt: DebatePrompt): APIButtonComponent[] {
  return [argumentsPager.openButton({ prompt: prompt.id }, 'Show arguments', '⚖️')];
}

export const promptCardPager = definePager<PromptState, DebateContext>({
  feature: 'debate',
  action: 'card',
  colour: colours.debate,
  state: promptState,
  encode: (state, compact) => [referenceFor(state.prompt, compact)],
  render(state, context, viewer) {
    const prompt = findPrompt(state.prompt, context);
    if (prompt === undefined) return { kind: 'unavailable', message: promptGoneMessage };
    const row: ButtonRow = {
      type: ComponentType.ActionRow,
      components: [
        ...promptCardButtons(prompt),
        ...startDebateButtons(prompt.id, viewer.memberPermissions),
        reportErrorButton({ view: 'debate', prompt: prompt.id }),
      ],
    };
    return {
      kind: 'pages',
      pages: buildDebatePromptPages(prompt, context.content.getStory(prompt.storyId)),
      rows: [row],
    };
  },
});

function pickAtRandom<Item>(items: readonly Item[]): Item | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

function promptCard(prompt: DebatePrompt, context: DebateContext, viewer: Viewer): Promise<PagedMessage> {
  return promptCardPager.message({ prompt: prompt.id }, 0, viewer.userId, context, viewer);
}

/** A button that shows one of the story's debate prompts, chosen at random, to whoever clicks it. */
export const storyPromptRoute = defineComponent({
  ...storyPromptRouteId,
  args: z.tuple([contentReference]),
  async handle(interaction, [reference], context: DebateContext) {
    const story = findStory(reference, context);
    const prompt = story === undefined ? undefined : pickAtRandom(context.content.getDebatePrompts(story.id));
    if (prompt === undefined) throw new UserError(storyGoneMessage());
    const shown = await promptCard(prompt, context, viewerOf(interaction));
    if (shown.kind === 'unavailable') throw new UserError(shown.message);
    await interaction.reply({ ...shown.payload, flags: MessageFlags.Ephemeral });
  },
});

export const promptSubcommand: Subcommand<DebateContext, MessagePayload> = {
  data: new SlashCommandSubcommandBuilder()
    .setName('prompt')
    .setDescription('A debate motion with context and questions to discuss; arguments behind a button')
    .addStringOption((option) =>
      storyOption(option, false).setDescription('The story the motion comes from (default: any story)'),
    )
    .addBooleanOption(ephemeralOption),
  audience: 'everyone',
  cooldownSeconds: 5,
  help: 'A motion to debate with its context and discussion questions; the arguments for and against open on a button.',
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  async prepare(interaction, context) {
    const storyInput = interaction.options.getString(storyOptionName);
    const candidates =
      storyInput === null
        ? context.content.debatePrompts
        : context.content.getDebatePrompts(requireStory(storyInput, context).id);
    const prompt = pickAtRandom(candidates);
    if (prompt === undefined)
      throw new UserError(
        storyInput === null
          ? 'There are no debate prompts in the story packs yet.'
          : 'This story has no debate prompts yet.',
      );
    const shown = await promptCard(prompt, context, viewerOf(interaction));
    if (shown.kind === 'unavailable') throw new UserError(shown.message);
    return shown.payload;
  },
  async execute(interaction, _context, payload) {
    await interaction.reply({ ...payload, ...visibilityFlags(interaction) });
  },
  components: [promptCardPager.route, argumentsPager.route, storyPromptRoute],
};
