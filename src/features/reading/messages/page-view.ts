import { discordTimestamp } from '../../../platform/discord/timestamp.js';
import { escapeMarkdown } from '../../../platform/text.js';
import type { DayDate, Source } from '../../story-packs/core/index.js';
import { assessFreshness, dayInstantSeconds, staleWarning } from '../core/freshness.js';
import { shortenText, splitText } from '../core/text-split.js';
import {
  embedLimits,
  type FieldGroup,
  type FieldPlan,
  layoutGroupPages,
  maskedLink,
} from './embed-layout.js';

/** One page of a reading view, ready to become one embed. */
export interface PageView {
  title: string;
  url?: string;
  description: string;
  fields: FieldPlan[];
  footer: string;
  /**
   * The groups shown on this page, by index in the list of groups the view was laid out from (an event, a
   * claim, a key point); absent on a page without any.
   */
  groups?: { first: number; last: number };
}

export interface PageFrameText {
  title: string;
  url?: string;
  /** Description on the first page. */
  firstDescription: string;
  /** Description on the pages after the first; defaults to the first page's. */
  laterDescription?: string;
  /** Footer text before the page number, e.g. `Roundtable · Timeline · us-japan-alliance`. */
  footer: string;
}

/** The moment a reader is reading, and when facts count as old. */
export interface ReadingTime {
  now: number;
  staleAfterDays: number;
}

const footerSeparator = ' · ';

function pageFooter(footer: string, page: number, pageCount: number): string {
  const shortened = shortenText(footer, embedLimits.footer - 32);
  return pageCount > 1 ? `${shortened}${footerSeparator}Page ${page + 1} of ${pageCount}` : shortened;
}

/**
 * Lays field groups out over as many pages as needed: each page is one embed within Discord's limits,
 * with the frame's title, description and footer (numbered when there are several pages).
 */
export function buildPages(
  frame: PageFrameText,
  groups: readonly FieldGroup[],
  maxGroupsPerPage: number,
): PageView[] {
  const title = shortenText(frame.title, embedLimits.title);
  const firstDescription = shortenText(frame.firstDescription, embedLimits.description);
  const laterDescription = shortenText(
    frame.laterDescription ?? frame.firstDescription,
    embedLimits.description,
  );
  const footerReserve = pageFooter(frame.footer, 9_998, 9_999).length;
  const groupPages = layoutGroupPages(groups, {
    maxGroupsPerPage,
    frame: (pageIndex) => ({
      fixedSize:
        title.length + footerReserve + (pageIndex === 0 ? firstDescription : laterDescription).length,
    }),
  });
  return groupPages.map((indexes, page) => {
    const first = indexes[0];
    const last = indexes.at(-1);
    return {
      title,
      ...(frame.url === undefined ? {} : { url: frame.url }),
      description: page === 0 ? firstDescription : laterDescription,
      fields: indexes.flatMap((index) => groups[index] ?? []),
      footer: pageFooter(frame.footer, page, groupPages.length),
      ...(first === undefined || last === undefined ? {} : { groups: { first, last } }),
    };
  });
}

/** `<t:…:D> (<t:…:R>)`: each reader sees the date in their own time zone, and how long ago it was. */
export function discordDate(day: DayDate): string {
  const instant = dayInstantSeconds(day) * 1000;
  return `${discordTimestamp(instant, 'D')} (${discordTimestamp(instant, 'R')})`;
}

/**
 * The one line that says when facts were checked: the day and how long ago, or, once they are old,
 * the warning with the count of days and the day (the count already says how long ago).
 */
export function factsCheckedLines(asOf: DayDate, time: ReadingTime): string {
  const warning = staleWarning(
    assessFreshness(asOf, time.now, time.staleAfterDays),
    discordTimestamp(dayInstantSeconds(asOf) * 1000, 'D'),
  );
  return warning === undefined ? `Facts checked ${discordDate(asOf)}.` : `⚠️ **${warning}**`;
}

/** Longest masked link shown; a longer one (a huge URL) is shown as its label alone. */
const maximumLinkLength = 600;

/** A masked link, or the label alone when the address is too long to show. */
export function linkOrLabel(label: string, url: string): string {
  const link = maskedLink(label, url);
  return link.length <= maximumLinkLength ? link : escapeMarkdown(label);
}

export function sourceLink(source: Source): string {
  return linkOrLabel(source.name, source.url);
}

/** `Sources: [A](…), [B](…)` */
export function sourcesLine(sources: readonly Source[], label = 'Source'): string {
  const links = sources.map(sourceLink);
  return `${label}${links.length === 1 ? '' : 's'}: ${links.join(', ')}`;
}

/** A group of fields for one item: the text, then its sources, split to fit field values. */
export function itemFields(name: string, body: string, sources: readonly Source[]): FieldPlan[] {
  const chunks = splitText(`${body}\n${sourcesLine(sources)}`, embedLimits.fieldValue);
  return chunks.map((value, index) => ({
    name: shortenText(index === 0 ? name : `${name} (continued)`, embedLimits.fieldName),
    value,
  }));
}
