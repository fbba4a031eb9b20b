import type { PageView } from '../../../src/features/reading/messages/page-view.js';

/** Every way a page breaks Discord's embed limits, as readable lines (empty when it fits). */
export function embedProblems(page: PageView): string[] {
  const problems: string[] = [];
  if (page.title.length > 256) problems.push(`title ${page.title.length} > 256`);
  if (page.description.length > 4096) problems.push(`description ${page.description.length} > 4096`);
  if (page.footer.length > 2048) problems.push(`footer ${page.footer.length} > 2048`);
  if (page.fields.length > 25) problems.push(`${page.fields.length} fields > 25`);
  page.fields.forEach((field, index) => {
    if (field.name.length < 1 || field.name.length > 256)
      problems.push(`field ${index} name ${field.name.length}`);
    if (field.value.length < 1 || field.value.length > 1024)
      problems.push(`field ${index} value ${field.value.length}`);
  });
  const total =
    page.title.length +
    page.description.length +
    page.footer.length +
    page.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  if (total > 6000) problems.push(`total ${total} > 6000`);
  return problems;
}

/** The words of a text, for checking that splitting kept every word whole. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
