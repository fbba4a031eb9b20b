import type { PageItems } from '../../../error-reports/discord/report-target.js';
import type { PageView } from '../../messages/page-view.js';

/** The items a page shows, for the report button under it: nothing for a page without items. */
export function itemsOf(page: PageView): { items?: PageItems } {
  return page.groups === undefined ? {} : { items: page.groups };
}
