import type { CommandAudience } from '../../../platform/router/command.js';
import { shortenText } from '../../reading/core/text-split.js';
import { type FieldGroup, listFields } from '../../reading/messages/embed-layout.js';
import { buildPages, type PageView } from '../../reading/messages/page-view.js';
import type { Story } from '../../story-packs/core/index.js';

/** One line of `/help`: how to call something and what it does. */
export interface HelpEntry {
  usage: string;
  help: string;
  audience: CommandAudience;
}

const sectionNames: Record<CommandAudience, string> = {
  everyone: 'Commands',
  moderator: 'For moderators',
  admin: 'For admins',
};

const storiesShown = 10;

/** The `/help` card for one member: the entries they can use, by audience, then the newest stories. */
export function buildHelpPages(entries: readonly HelpEntry[], stories: readonly Story[]): PageView[] {
  const sections = (Object.keys(sectionNames) as CommandAudience[]).flatMap((audience) => {
    const lines = entries
      .filter((entry) => entry.audience === audience)
      .map((entry) => `**${entry.usage}** · ${entry.help}`);
    return lines.length === 0 ? [] : listFields(sectionNames[audience], lines);
  });
  const storyLines = stories
    .slice(0, storiesShown)
    .map((story) => `• ${shortenText(story.title, 120)} (\`${story.id}\`)`);
  const more =
    stories.length > storiesShown
      ? [`…and ${stories.length - storiesShown} more: type in any \`story\` option to search.`]
      : [];
  const groups: FieldGroup[] = [
    ...sections,
    ...(storyLines.length === 0 ? [] : listFields('Stories to read', [...storyLines, ...more])),
  ].map((field) => [field]);
  return buildPages(
    {
      title: 'Roundtable help',
      firstDescription:
        'Roundtable brings sourced story packs to your server for discussion: summaries, timelines, fact-checks, debates and a daily quiz.\n' +
        'Reading commands post their answer for the channel to discuss; add `ephemeral: true` for a private look. ' +
        'Buttons under an answer open more of the story just for you.',
      footer: 'Roundtable · Help',
    },
    groups,
    25,
  );
}
