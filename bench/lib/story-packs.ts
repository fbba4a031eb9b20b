import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Writes `count` story packs into `<target>/stories`, each a copy of one of the real packs in
 * `<source>/stories` whose every id is prefixed (`g007-usj-q-...`) and whose title is numbered, so
 * ids stay unique across packs as the loader requires.
 */
export function generateStoryPacks(source: string, target: string, count: number): void {
  const originals = readdirSync(path.join(source, 'stories'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (originals.length === 0) throw new Error(`no story packs in ${source}/stories`);
  for (let index = 0; index < count; index += 1) {
    const original = originals[index % originals.length] as string;
    const folder = path.join(source, 'stories', original);
    const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    const texts = new Map(files.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
    const ids = new Set<string>();
    for (const text of texts.values())
      for (const match of text.matchAll(/^\s*(?:- )?id:\s*"?([a-z0-9-]+)"?\s*$/gm))
        if (match[1]) ids.add(match[1]);
    const prefix = `g${String(index + 1).padStart(3, '0')}`;
    const patterns = [...ids]
      .sort((left, right) => right.length - left.length)
      .map((id) => ({ pattern: new RegExp(`(?<![a-z0-9-])${escapeForRegExp(id)}(?![a-z0-9-])`, 'g'), id }));
    const storyId = `${prefix}-${original}`;
    const packDir = path.join(target, 'stories', storyId);
    mkdirSync(packDir, { recursive: true });
    for (const [name, text] of texts) {
      let rewritten = text;
      for (const { pattern, id } of patterns) rewritten = rewritten.replace(pattern, `${prefix}-${id}`);
      if (name === 'story.yaml') rewritten = rewritten.replace(/^title: "(.*)"$/m, `title: "$1 (${prefix})"`);
      writeFileSync(path.join(packDir, name), rewritten);
    }
  }
}
