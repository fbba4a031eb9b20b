import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { escapeMarkdown, neutraliseMentions, truncateAtWord } from '../../../platform/text.js';
import type { ReportView, StoredErrorReport } from '../core/types.js';

/** One mod-log post, ready to become one embed. */
export interface ModLogEntryView {
  title: string;
  description: string;
  fields: { name: string; value: string }[];
  footer: string;
}

const viewNames: Readonly<Record<ReportView, string>> = {
  summary: '/summary',
  timeline: '/timeline',
  factcheck: '/factcheck',
  corrections: 'the corrections of /summary or /factcheck',
  debate: '/debate prompt',
};

/**
 * A member's text for display among the bot's own: no mention can ping or render, and no Markdown can
 * start a heading, list, quote, code block or link, so the text stays inside its quote.
 */
export function quotedMemberText(text: string, max = 3900): string {
  return `> ${truncateAtWord(escapeMarkdown(neutraliseMentions(text)), max)}`;
}

/**
 * A link as a clickable address that cannot render Markdown or a mention: characters Discord would
 * read as formatting are percent-encoded (the address still leads to the same page).
 */
export function inertLink(url: string): string {
  return url.replace(
    /[`*_~|[\]()<>@\\'"]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function itemsLine(itemIds: readonly string[]): string {
  if (itemIds.length === 0) return 'the story as a whole';
  return truncateAtWord(itemIds.map((id) => `\`${id}\``).join(', '), 1000);
}

/** The mod-log post for a stored report: the member's text quoted, then where it was made and by whom. */
export function buildModLogEntry(
  report: StoredErrorReport,
  story: { readonly id: string; readonly title: string },
): ModLogEntryView {
  const link = report.link === null ? undefined : inertLink(report.link);
  const where = report.channelId === null ? '' : ` in <#${report.channelId}>`;
  return {
    title: truncateAtWord(`Error reported in “${story.title}”`, 256),
    description: quotedMemberText(report.text),
    fields: [
      { name: 'Story', value: truncateAtWord(`${story.title} (\`${story.id}\`)`, 1024) },
      { name: 'From', value: viewNames[report.view] },
      { name: 'Items on the page', value: itemsLine(report.itemIds) },
      {
        name: 'Source given',
        value:
          link === undefined
            ? 'none'
            : link.length <= 1024
              ? link
              : 'too long to show here; see `npm run content:reports`',
      },
      {
        name: 'Reported by',
        value: `<@${report.memberId}>${where}, ${discordTimestamp(report.createdAt, 'f')}`,
      },
    ],
    footer: `Report #${report.id} · the story's authors list every report with npm run content:reports`,
  };
}
