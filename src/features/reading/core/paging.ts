/** Where each navigation button leads from the page on show. Pages are numbered from 0. */
export interface PageNavigation {
  page: number;
  pageCount: number;
  first: number;
  previous: number;
  next: number;
  last: number;
  atStart: boolean;
  atEnd: boolean;
}

/** Brings a requested page into range: a page past either end shows the nearest end. */
export function clampPage(page: number, pageCount: number): number {
  if (pageCount <= 0 || !Number.isFinite(page)) return 0;
  return Math.min(Math.max(Math.trunc(page), 0), pageCount - 1);
}

export function navigatePages(requestedPage: number, pageCount: number): PageNavigation {
  const count = Math.max(pageCount, 1);
  const page = clampPage(requestedPage, count);
  return {
    page,
    pageCount: count,
    first: 0,
    previous: Math.max(page - 1, 0),
    next: Math.min(page + 1, count - 1),
    last: count - 1,
    atStart: page === 0,
    atEnd: page === count - 1,
  };
}

/** How much room one page offers and how much each item takes. */
export interface PageBudget {
  /** At most this many items on a page. */
  maxItems: number;
  /** The sum of item sizes on a page stays within this. */
  maxSize: number;
  /** The sum of item slots (e.g. embed fields) on a page stays within this. */
  maxSlots: number;
}

export interface MeasuredItem {
  size: number;
  slots: number;
}

/**
 * Groups items into consecutive pages, filling each page as far as the budget allows. An item that
 * alone exceeds the budget of its page goes on to the next page when that one has room for it (a first
 * page can have less room), else it gets a page of its own (callers split items small enough that this
 * does not happen). Always returns at least one page, possibly empty.
 */
export function packPages<Item extends MeasuredItem>(
  items: readonly Item[],
  budgetOf: PageBudget | ((pageIndex: number) => PageBudget),
): Item[][] {
  const pages: Item[][] = [];
  let current: Item[] = [];
  let size = 0;
  let slots = 0;
  const budgetAt = (pageIndex: number) => (typeof budgetOf === 'function' ? budgetOf(pageIndex) : budgetOf);
  const fitsAlone = (item: Item, budget: PageBudget) =>
    budget.maxItems >= 1 && item.size <= budget.maxSize && item.slots <= budget.maxSlots;
  for (const item of items) {
    const budget = budgetAt(pages.length);
    const fits =
      current.length < budget.maxItems &&
      size + item.size <= budget.maxSize &&
      slots + item.slots <= budget.maxSlots;
    const roomierNextPage = current.length === 0 && !fits && fitsAlone(item, budgetAt(pages.length + 1));
    if ((!fits && current.length > 0) || roomierNextPage) {
      pages.push(current);
      current = [];
      size = 0;
      slots = 0;
    }
    current.push(item);
    size += item.size;
    slots += item.slots;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}
