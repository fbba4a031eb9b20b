import { escapeMarkdown } from '../../../platform/text.js';
import type { Article, FactCheck, Story, Update, Verdict } from '../../story-packs/core/index.js';
import { compareDates, formatDate } from '../../story-packs/core/index.js';
import { verdictBadge, verdictStyles } from '../core/verdicts.js';
import { correctedLine } from './corrections-view.js';
import type { FieldGroup } from './embed-layout.js';
import type { PageView, ReadingTime } from './page-view.js';
import { buildPages, factsCheckedLines, itemFields, linkOrLabel } from './page-view.js';
import { withReviewNote } from './review-note.js';

const itemsPerPage = 8;

function verdictLegend(claims: readonly FactCheck[]): string {
  const used = new Set<Verdict>(claims.map((claim) => claim.verdict));
  return (Object.keys(verdictStyles) as Verdict[])
    .filter((verdict) => used.has(verdict))
    .map((verdict) => `${verdictStyles[verdict].icon} ${verdictStyles[verdict].meaning}`)
    .join(' · ');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * What the page holds, the headline quoted as a title and not read as part of the sentence:
 * `Each claim made in “[headline](url)”, from Outlet, is checked below, then what has happened since.`
 */
function openingLine(article: Article | undefined, hasUpdates: boolean): string {
  const since = hasUpdates ? ', then what has happened since' : '';
  if (article === undefined) return `Each claim the article makes is checked below${since}.`;
  const headline = `“${linkOrLabel(article.title, article.url)}”`;
  return `Each claim made in ${headline}, from ${escapeMarkdown(article.outlet)}, is checked below${since}.`;
}

/** The items of a fact-check in the order its pages show them: the claims, then the updates by date. */
export function factCheckItems(
  claims: readonly FactCheck[],
  updates: readonly Update[],
): (FactCheck | Update)[] {
  return [...claims, ...[...updates].sort((left, right) => compareDates(left.date, right.date))];
}

/** The article's claims with their verdicts and corrections, then the dated updates since the article. */
export function buildFactCheckPages(
  story: Story,
  claims: readonly FactCheck[],
  updates: readonly Update[],
  time: ReadingTime,
): PageView[] {
  const sortedUpdates = [...updates].sort((left, right) => compareDates(left.date, right.date));
  const intro = [
    openingLine(story.articles[0], sortedUpdates.length > 0),
    verdictLegend(claims),
    factsCheckedLines(story.as_of, time),
    correctedLine(story),
  ]
    .filter((line) => line !== '')
    .join('\n');
  const groups: FieldGroup[] = [
    ...claims.map((claim, index) => {
      const shown = withReviewNote(
        `Claim ${index + 1}: ${verdictBadge(claim.verdict)}`,
        `${quote(claim.claim)}\n**${claim.verdict === 'accurate' ? 'Context' : 'Correction'}:** ${claim.correction}`,
        claim.review_by,
        time,
      );
      return itemFields(shown.name, shown.body, claim.sources);
    }),
    ...sortedUpdates.map((update) => {
      const shown = withReviewNote(
        `Update, ${formatDate(update.date)}: ${update.title}`,
        update.detail,
        update.review_by,
        time,
      );
      return itemFields(shown.name, shown.body, update.sources);
    }),
  ];
  return buildPages(
    {
      title: `Fact-check: ${story.title}`,
      firstDescription: intro,
      footer: `Roundtable · Fact-check · ${story.id}`,
    },
    groups,
    itemsPerPage,
  );
}
