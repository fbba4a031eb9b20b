import { z } from 'zod';
import { buildCustomId } from '../../../platform/ids/custom-id.js';
import { encodeRangeEnd, rangeEnd } from '../../reading/core/date-range.js';
import {
  type ContentReference,
  contentReference,
  referenceFor,
} from '../../reading/discord/content-reference.js';
import type { PrecisionDate } from '../../story-packs/core/index.js';

/** The groups (events, claims, updates) of the page a report was made from, by index in the view's list. */
export interface PageItems {
  readonly first: number;
  readonly last: number;
}

/**
 * Where a report is made from, as the button and the form carry it in their custom ids: the view, the
 * story (or debate prompt), and for paged lists what the page showed.
 */
export type ReportTarget =
  | { readonly view: 'summary' | 'corrections'; readonly story: ContentReference }
  | {
      readonly view: 'timeline';
      readonly story: ContentReference;
      readonly from?: PrecisionDate;
      readonly to?: PrecisionDate;
      readonly items?: PageItems;
    }
  | { readonly view: 'factcheck'; readonly story: ContentReference; readonly items?: PageItems }
  | { readonly view: 'debate'; readonly prompt: ContentReference };

/** The route ids: the button opens the form, the form sends the report. */
export const reportRoutes = { feature: 'mistake', open: 'open', send: 'send' } as const;

const viewCodes = { summary: 's', corrections: 'c', timeline: 't', factcheck: 'f', debate: 'd' } as const;

function itemArgs(items: PageItems | undefined): string[] {
  return items === undefined ? ['', ''] : [String(items.first), String(items.last)];
}

function targetArgs(target: ReportTarget, compact: boolean): string[] {
  switch (target.view) {
    case 'summary':
    case 'corrections':
      return [viewCodes[target.view], referenceFor(target.story, compact)];
    case 'timeline':
      return [
        viewCodes.timeline,
        referenceFor(target.story, compact),
        encodeRangeEnd(target.from),
        encodeRangeEnd(target.to),
        ...itemArgs(target.items),
      ];
    case 'factcheck':
      return [viewCodes.factcheck, referenceFor(target.story, compact), ...itemArgs(target.items)];
    case 'debate':
      return [viewCodes.debate, referenceFor(target.prompt, compact)];
  }
}

/** The custom id of the button (`open`) or the form (`send`) for a target, compacted when too long. */
export function reportCustomId(action: 'open' | 'send', target: ReportTarget): string {
  const plain = [reportRoutes.feature, action, ...targetArgs(target, false)];
  const parts =
    plain.join(':').length + 4 <= 100 ? plain : [reportRoutes.feature, action, ...targetArgs(target, true)];
  const [feature = reportRoutes.feature, routeAction = action, ...args] = parts;
  return buildCustomId(feature, routeAction, ...args);
}

const index = z
  .string()
  .regex(/^\d{0,4}$/)
  .transform((text) => (text === '' ? undefined : Number(text)));

function pageItems(first: number | undefined, last: number | undefined): { items?: PageItems } {
  return first === undefined || last === undefined || first > last ? {} : { items: { first, last } };
}

/** Parses the arguments of a report button or form id back into its target. */
export const reportTargetArgs: z.ZodType<ReportTarget, readonly string[]> = z.union([
  z.tuple([z.literal('s'), contentReference]).transform(([, story]) => ({ view: 'summary' as const, story })),
  z
    .tuple([z.literal('c'), contentReference])
    .transform(([, story]) => ({ view: 'corrections' as const, story })),
  z
    .tuple([z.literal('t'), contentReference, rangeEnd, rangeEnd, index, index])
    .transform(([, story, from, to, first, last]) => ({
      view: 'timeline' as const,
      story,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...pageItems(first, last),
    })),
  z.tuple([z.literal('f'), contentReference, index, index]).transform(([, story, first, last]) => ({
    view: 'factcheck' as const,
    story,
    ...pageItems(first, last),
  })),
  z
    .tuple([z.literal('d'), contentReference])
    .transform(([, prompt]) => ({ view: 'debate' as const, prompt })),
]);
