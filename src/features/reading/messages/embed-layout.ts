import { escapeMarkdown } from '../../../platform/text.js';
import { packPages } from '../core/paging.js';
import { shortenText, splitText } from '../core/text-split.js';

/** Discord's embed limits (characters, except `fields` and `embedsPerMessage`). */
export const embedLimits = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  total: 6000,
  embedsPerMessage: 10,
} as const;

export interface FieldPlan {
  name: string;
  value: string;
}

/** Fields that belong together (one event, one claim with its correction) and share a page. */
export type FieldGroup = readonly FieldPlan[];

/**
 * One field per chunk of `text`, split at sentence or line boundaries to fit a field value; the
 * following fields are named `continuedName`.
 */
export function textFields(name: string, text: string, continuedName = `${name} (continued)`): FieldPlan[] {
  const chunks = splitText(text, embedLimits.fieldValue);
  if (chunks.length === 0) return [];
  return chunks.map((value, index) => ({
    name: shortenText(index === 0 ? name : continuedName, embedLimits.fieldName),
    value,
  }));
}

/** Lines joined into as few field values as possible, each line kept whole when it fits. */
export function listFields(
  name: string,
  lines: readonly string[],
  continuedName = `${name} (continued)`,
): FieldPlan[] {
  const values: string[] = [];
  let current = '';
  for (const line of lines.flatMap((entry) => splitText(entry, embedLimits.fieldValue))) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= embedLimits.fieldValue) {
      current = joined;
    } else {
      values.push(current);
      current = line;
    }
  }
  if (current !== '') values.push(current);
  return values.map((value, index) => ({
    name: shortenText(index === 0 ? name : continuedName, embedLimits.fieldName),
    value,
  }));
}

export function groupSize(group: FieldGroup): number {
  return group.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
}

export interface PageFrame {
  /** Characters the page spends outside its fields: title, description, footer, author. */
  fixedSize: number;
}

export interface LayoutOptions {
  /** Room outside the fields, for the first page and for the pages after it. */
  frame(pageIndex: number): PageFrame;
  /** At most this many groups on a page (e.g. ten timeline events). */
  maxGroupsPerPage: number;
}

/**
 * Packs field groups into pages that each fit one embed next to the page's fixed text: the indexes of
 * the groups on each page, in order (consecutive groups share a page).
 */
export function layoutGroupPages(groups: readonly FieldGroup[], options: LayoutOptions): number[][] {
  const measured = groups.map((group, index) => ({ index, size: groupSize(group), slots: group.length }));
  const pages = packPages(measured, (pageIndex) => ({
    maxItems: options.maxGroupsPerPage,
    maxSize: embedLimits.total - options.frame(pageIndex).fixedSize,
    maxSlots: embedLimits.fields,
  }));
  return pages.map((page) => page.map((item) => item.index));
}

/** `[label](url)`, with the label escaped and the url's parentheses encoded so the link stays whole. */
export function maskedLink(label: string, url: string): string {
  const safeUrl = url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20');
  return `[${escapeMarkdown(label)}](${safeUrl})`;
}
