import {
  type APIButtonComponent,
  ComponentType,
  MessageFlags,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { z } from 'zod';
import type { DebatePrompt } from '../../content/index.js';
import type { BotContext } from '../../context.js';
import { type ButtonRow, definePager, type PagedMessage, type Viewer } from '../../discord/pager.js';
import { contentIdArgument, storyGoneMessage, viewerOf } from '../../discord/reading.js';
import {
  requireStory,
  respondWithStories,
  storyOption,
  storyOptionName,
} from '../../discord/story-option.js';
import { colours } from '../../discord/style.js';
import { ephemeralOption, visibilityFlags } from '../../discord/visibility.js';
import { defineComponent } from '../../framework/command.js';
import { UserError } from '../../framework/errors.js';
import { buildArgumentsPages, buildDebatePromptPages } from '../../reading/debate-view.js';
import type { DebateSubcommand } from './subcommand.js';

interface PromptState {
  promptId: string;
}

const promptState = z.tuple([contentIdArgument]).transform(([promptId]) => ({ promptId }));

function promptGoneMessage(promptId: string): string {
  return `The debate prompt \`${promptId}\` is no longer available. Run \`/debate prompt\` for a current one.`;
}

export const argumentsPager = definePager<PromptState>({
  feature: 'debate',
  action: 'arguments',
  colour: colours.debate,
  state: promptState,
  encode: (state) => [state.promptId],
  render(state, context) {
    const prompt = context.content.getDebatePrompt(state.promptId);
    if (prompt === undefined) return { kind: 'unavailable', message: promptGoneMessage(state.promptId) };
    return { kind: 'pages', pages: buildArgumentsPages(prompt) };
  },
});

/** The buttons under a debate card, for everyone who reads it. */
export function promptCardButtons(prompt: DebatePrompt): APIButtonComponent[] {
  return [argumentsPager.openButton({ promptId: prompt.id }, 'Show arguments', '⚖️')];
}

export const promptCardPager = definePager<PromptState>({
  feature: 'debate',
  action: 'card',
  colour: colours.debate,
  state: promptState,
  encode: (state) => [state.promptId],
  render(state, context) {
    const prompt = context.content.getDebatePrompt(state.promptId);
    if (prompt === undefined) return { kind: 'unavailable', message: promptGoneMessage(state.promptId) };
    const row: ButtonRow = { type: ComponentType.ActionRow, components: promptCardButtons(prompt) };
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

function promptCard(prompt: DebatePrompt, context: BotContext, viewer: Viewer): Promise<PagedMessage> {
  return promptCardPager.message({ promptId: prompt.id }, 0, viewer.userId, context, viewer);
}

/** A button that shows one of the story's debate prompts, chosen at random, to whoever clicks it. */
export const storyPromptRoute = defineComponent({
  feature: 'debate',
  action: 'story-prompt',
  args: z.tuple([contentIdArgument]),
  async handle(interaction, [storyId], context) {
    const prompt = pickAtRandom(context.content.getDebatePrompts(storyId));
    if (prompt === undefined) throw new UserError(storyGoneMessage(storyId));
    const shown = await promptCard(prompt, context, viewerOf(interaction));
    if (shown.kind === 'unavailable') throw new UserError(shown.message);
    await interaction.reply({ ...shown.payload, flags: MessageFlags.Ephemeral });
  },
});

export const promptSubcommand: DebateSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('prompt')
    .setDescription('A debate motion with context and questions to discuss; arguments behind a button')
    .addStringOption((option) =>
      storyOption(option, false).setDescription('The story the motion comes from (default: any story)'),
    )
    .addBooleanOption(ephemeralOption),
  audience: 'everyone',
  help: 'A motion to debate with its context and discussion questions; the arguments for and against open on a button.',
  async autocomplete(interaction, context) {
    await respondWithStories(interaction, context);
  },
  async execute(interaction, context) {
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
    await interaction.reply({ ...shown.payload, ...visibilityFlags(interaction) });
  },
  components: [promptCardPager.route, argumentsPager.route, storyPromptRoute],
};
