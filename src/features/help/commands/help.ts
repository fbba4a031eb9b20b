import { ApplicationCommandOptionType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { holdsPermissions, requiredPermissions } from '../../../platform/discord/audience.js';
import { colours } from '../../../platform/discord/colours.js';
import type { ChatInputCommand, Command } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { viewerOf } from '../../reading/discord/find-content.js';
import { definePager, type PagedContent, type Viewer } from '../../reading/discord/pager.js';
import type { HelpContext } from '../discord/context.js';
import { buildHelpPages, type HelpEntry } from '../messages/help-view.js';

/** The entries of every command (or subcommand) the member can use. */
export function helpEntriesFor(commands: readonly Command<never>[], viewer: Viewer): HelpEntry[] {
  return commands.flatMap((command): HelpEntry[] => {
    if (command.kind === 'message') {
      const entry = { usage: `Apps › ${command.data.name}`, help: command.help, audience: command.audience };
      return holdsPermissions(viewer.memberPermissions, requiredPermissions(command)) ? [entry] : [];
    }
    const subcommands = (command.data.options ?? []).filter(
      (option) => option.type === ApplicationCommandOptionType.Subcommand,
    );
    const entries =
      subcommands.length === 0
        ? [{ usage: `/${command.data.name}`, help: command.help, audience: command.audience }]
        : subcommands.map((option) => {
            const declared = command.subcommands?.[option.name];
            return {
              usage: `/${command.data.name} ${option.name}`,
              help: declared?.help ?? option.description,
              audience: declared?.audience ?? command.audience,
            };
          });
    return entries.filter((entry) =>
      holdsPermissions(viewer.memberPermissions, requiredPermissions(command, entry.audience)),
    );
  });
}

const helpPager = definePager<Record<string, never>, HelpContext>({
  feature: 'help',
  action: 'page',
  colour: colours.help,
  state: z.tuple([]).transform(() => ({})),
  encode: () => [],
  render(_state, context, viewer): PagedContent {
    return {
      kind: 'pages',
      pages: buildHelpPages(helpEntriesFor(context.commands, viewer), context.content.stories),
    };
  },
});

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What Roundtable can do for you here')
    .toJSON(),
  audience: 'everyone',
  help: 'This list: the commands you can use here and the stories you can read.',
  components: [helpPager.route],
  async execute(interaction, context) {
    const shown = await helpPager.message({}, 0, interaction.user.id, context, viewerOf(interaction));
    if (shown.kind === 'unavailable') throw new UserError(shown.message);
    await interaction.reply({ ...shown.payload, flags: MessageFlags.Ephemeral });
  },
} satisfies ChatInputCommand<HelpContext>;
