import type { PathProblem } from './item-rules.js';
import { closestWord } from './text-distance.js';

/** The ids one pack declares: its story id and the ids of every item in its five files. */
export interface PackIds {
  readonly pack: string;
  readonly ids: ReadonlySet<string>;
}

function listAt(value: unknown, key: string): unknown[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? list : [];
}

function describeUnknownItem(id: string, own: PackIds, otherPack: string | undefined): string {
  if (otherPack !== undefined)
    return `"${id}" belongs to the pack ${otherPack}; a correction names items of its own pack (${own.pack})`;
  const suggestion = closestWord(id, own.ids);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  return `"${id}" is not an item of this pack${hint}; name an event, claim, update, debate prompt or quiz question of ${own.pack} by its id, or the story id ${own.pack} for its summary and key points`;
}

/**
 * Every entry of `items` in the story's `corrections` must be an id declared in the same pack: an item
 * of one of its files, or the story id itself (a correction of the summary or key points).
 */
export function findCorrectionReferenceProblems(
  story: unknown,
  own: PackIds,
  packOfId: ReadonlyMap<string, string>,
): PathProblem[] {
  const problems: PathProblem[] = [];
  listAt(story, 'corrections').forEach((correction, index) => {
    listAt(correction, 'items').forEach((id, position) => {
      if (typeof id !== 'string' || own.ids.has(id)) return;
      const otherPack = packOfId.get(id);
      problems.push({
        path: ['corrections', index, 'items', position],
        message: describeUnknownItem(id, own, otherPack === own.pack ? undefined : otherPack),
      });
    });
  });
  return problems;
}
