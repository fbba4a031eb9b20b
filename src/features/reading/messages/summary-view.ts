import type { Story } from '../../story-packs/core/index.js';
import { formatDate } from '../../story-packs/core/index.js';
import { splitText } from '../core/text-split.js';
import { correctedLine } from './corrections-view.js';
import { embedLimits, type FieldGroup, listFields, textFields } from './embed-layout.js';
import type { PageView, ReadingTime } from './page-view.js';
import { buildPages, factsCheckedLines, itemFields, linkOrLabel } from './page-view.js';
import { withReviewNote } from './review-note.js';

export type SummaryLength = 'short' | 'full';

const keyPointsPerPage = 10;

function articleLine(article: Story['articles'][number]): string {
  return `${linkOrLabel(article.title, article.url)} (${article.outlet}, ${formatDate(article.published)})`;
}

/**
 * The summary of a story: the summary text under the facts-checked line, then the articles it is based
 * on, then each key point with its sources.
 */
export function buildSummaryPages(story: Story, length: SummaryLength, time: ReadingTime): PageView[] {
  const header = [factsCheckedLines(story.as_of, time), correctedLine(story)]
    .filter((line) => line !== '')
    .join('\n');
  const room = embedLimits.description - header.length - 2;
  const [opening = '', ...overflow] = splitText(story.summary[length], room);
  const groups: FieldGroup[] = [
    ...overflow.map((chunk) => textFields('Summary (continued)', chunk)),
    listFields(
      story.articles.length === 1 ? 'Based on' : 'Based on these articles',
      story.articles.map(articleLine),
    ),
    ...story.key_points.map((point, index) => {
      const shown = withReviewNote(
        `Key point ${index + 1} of ${story.key_points.length}`,
        point.text,
        point.review_by,
        time,
      );
      return itemFields(shown.name, shown.body, point.sources);
    }),
  ];
  const firstArticle = story.articles[0];
  return buildPages(
    {
      title: story.title,
      ...(firstArticle === undefined ? {} : { url: firstArticle.url }),
      firstDescription: `${header}\n\n${opening}`,
      laterDescription: `${header}\n\nKey points of the story, continued.`,
      footer: `Roundtable · Summary (${length}) · ${story.id}`,
    },
    groups,
    keyPointsPerPage,
  );
}
