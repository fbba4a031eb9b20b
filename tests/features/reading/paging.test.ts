import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clampPage, navigatePages, packPages } from '../../../src/features/reading/core/paging.js';

describe('page navigation', () => {
  test('GIVEN the first of five pages THEN first and previous stay on it and next goes on', () => {
    expect(navigatePages(0, 5)).toEqual({
      page: 0,
      pageCount: 5,
      first: 0,
      previous: 0,
      next: 1,
      last: 4,
      atStart: true,
      atEnd: false,
    });
  });

  test('GIVEN a page past the last THEN the last page is shown', () => {
    expect(navigatePages(9, 5)).toMatchObject({ page: 4, next: 4, previous: 3, atEnd: true });
  });

  test('GIVEN a negative or fractional page THEN it is clamped to a whole page in range', () => {
    expect(clampPage(-3, 5)).toBe(0);
    expect(clampPage(2.7, 5)).toBe(2);
    expect(clampPage(Number.NaN, 5)).toBe(0);
    expect(clampPage(3, 0)).toBe(0);
  });
});

describe('packPages', () => {
  const budget = { maxItems: 3, maxSize: 100, maxSlots: 25 };

  test('GIVEN items under every limit THEN pages hold at most maxItems each, in order', () => {
    const items = Array.from({ length: 7 }, (_, index) => ({ index, size: 10, slots: 1 }));
    const pages = packPages(items, budget);
    expect(pages.map((page) => page.map((item) => item.index))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  test('GIVEN items whose sizes add up past the budget THEN a new page starts before the overflow', () => {
    const items = [60, 30, 20, 90].map((size, index) => ({ index, size, slots: 1 }));
    expect(packPages(items, budget).map((page) => page.map((item) => item.index))).toEqual([
      [0, 1],
      [2],
      [3],
    ]);
  });

  test('GIVEN no items THEN there is one empty page', () => {
    expect(packPages([], budget)).toEqual([[]]);
  });

  test('GIVEN a first page with less room THEN an item too big for it moves to the roomier next page', () => {
    const items = [{ size: 80, slots: 1 }];
    const pages = packPages(items, (pageIndex) => ({ ...budget, maxSize: pageIndex === 0 ? 50 : 100 }));
    expect(pages).toEqual([[], [{ size: 80, slots: 1 }]]);
  });

  test('GIVEN any items that each fit a page THEN every page stays within the budget and nothing is lost', () => {
    const item = fc.record({ size: fc.integer({ min: 1, max: 100 }), slots: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const pages = packPages(items, { maxItems: 10, maxSize: 100, maxSlots: 25 });
        expect(pages.flat()).toEqual(items);
        for (const page of pages) {
          expect(page.length).toBeLessThanOrEqual(10);
          expect(page.reduce((sum, entry) => sum + entry.size, 0)).toBeLessThanOrEqual(100);
          expect(page.reduce((sum, entry) => sum + entry.slots, 0)).toBeLessThanOrEqual(25);
        }
      }),
    );
  });
});
