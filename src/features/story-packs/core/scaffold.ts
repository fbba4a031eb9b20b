import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ID_LIMIT, ID_PATTERN, TEXT_LIMITS as L, MAX_TAGS } from './limits.js';
import type { PackFileName } from './schema.js';

/** A short prefix for item ids, from the initials of the story id: `us-japan-alliance` gives `uja`. */
export function itemPrefixOf(storyId: string): string {
  const words = storyId.split('-');
  return words.length === 1 ? storyId.slice(0, 3) : words.map((word) => word.charAt(0)).join('');
}

const SOURCE_EXAMPLE = `{ name: "TODO outlet or document", url: "https://example.com/TODO" }`;

/** The five files of a new pack: commented, with `TODO` placeholders the check flags until replaced. */
export function scaffoldStoryPack(storyId: string): Record<PackFileName, string> {
  const p = itemPrefixOf(storyId);
  return {
    'story.yaml': `schema_version: 1 # always 1
id: ${storyId} # must equal the folder name
# The title shown on the story card (at most ${L.storyTitle.max} characters).
title: "TODO story title"
# 1 to ${MAX_TAGS} lowercase tags, words joined by hyphens (north-korea). Used by search.
tags: [TODO-tag]
# The day you last checked every fact in this pack, "YYYY-MM-DD". Not in the future.
as_of: "TODO YYYY-MM-DD"
# The article(s) this pack is based on. published may be "YYYY", "YYYY-MM" or "YYYY-MM-DD".
articles:
  - outlet: "TODO outlet"
    title: "TODO article title"
    url: "https://example.com/TODO"
    published: "TODO YYYY-MM-DD"
summary:
  # Plain text, at most ${L.summaryShort.max} characters.
  short: "TODO one-paragraph summary"
  # Markdown (**bold**, lists), at most ${L.summaryFull.max} characters.
  full: |
    TODO the full summary, with the context a reader needs.
# At least 3 key points, each at most ${L.keyPoint.max} characters, each with at least one source.
key_points:
  - text: "TODO first key point"
    sources:
      - ${SOURCE_EXAMPLE}
  - text: "TODO second key point"
    sources:
      - ${SOURCE_EXAMPLE}
  - text: "TODO third key point"
    sources:
      # published is optional: "YYYY-MM-DD"
      - { name: "TODO outlet or document", url: "https://example.com/TODO", published: "TODO YYYY-MM-DD" }
    # Optional on a key point, event, claim or update: the day by which the fact is expected to
    # change; readers are told it is due for review after it. Remove the # to use it.
    # review_by: "2027-03-31"
# Once the pack is published, record each correction of fact here (see content/README.md):
# corrections:
#   - date: "YYYY-MM-DD" # the day you corrected it
#     items: [${p}-the-item-id] # ids of this pack's items, or the story id for the summary
#     wrong: "what the pack said"
#     right: "what it says now"
#     why: "why it changed"
`,
    'timeline.yaml': `schema_version: 1
# Dated events, in any order (they are shown oldest first).
events:
  # id: lowercase words joined by hyphens, unique across all packs; start it with "${p}-".
  - id: ${p}-TODO-event
    # "YYYY", "YYYY-MM" or "YYYY-MM-DD": only as precise as your source.
    date: "TODO YYYY-MM-DD"
    title: "TODO what happened" # at most ${L.eventTitle.max} characters
    detail: "TODO why it matters" # at most ${L.eventDetail.max} characters
    sources:
      - ${SOURCE_EXAMPLE}
`,
    'factchecks.yaml': `schema_version: 1
# Claims made BY THE ARTICLE, checked.
claims:
  - id: ${p}-fc-TODO
    claim: "TODO short quote from the article" # at most ${L.claim.max} characters
    # accurate | imprecise | inaccurate | outdated | unverified
    verdict: TODO
    correction: "TODO the correct fact" # at most ${L.correction.max} characters
    sources:
      - ${SOURCE_EXAMPLE}
# Dated developments since the article that change what a reader should take from it.
# Write "updates: []" if there are none.
updates:
  - id: ${p}-up-TODO
    date: "TODO YYYY-MM-DD" # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    title: "TODO what changed" # at most ${L.eventTitle.max} characters
    detail: "TODO what it means" # at most ${L.eventDetail.max} characters
    sources:
      - ${SOURCE_EXAMPLE}
`,
    'debates.yaml': `schema_version: 1
prompts:
  - id: ${p}-db-TODO
    motion: "This house believes TODO" # at most ${L.motion.max} characters
    # At most ${L.debateContext.max} characters; every fact in it is sourced below.
    context: "TODO the facts both sides start from"
    # At least 3 arguments on each side, each at most ${L.argument.max} characters.
    for:
      - "TODO first argument for"
      - "TODO second argument for"
      - "TODO third argument for"
    against:
      - "TODO first argument against"
      - "TODO second argument against"
      - "TODO third argument against"
    # At least 2 discussion questions, each at most ${L.discussionQuestion.max} characters.
    questions:
      - "TODO first question"
      - "TODO second question"
    sources:
      - ${SOURCE_EXAMPLE}
`,
    'quiz.yaml': `schema_version: 1
questions:
  - id: ${p}-q-TODO
    question: "TODO the question" # at most ${L.question.max} characters
    # 2 to 5 different choices, each at most ${L.choice.max} characters (a Discord button label).
    choices: ["TODO choice A", "TODO choice B", "TODO choice C", "TODO choice D"]
    answer: TODO # the letter of the right choice: A is the first
    explanation: "TODO why that choice is right" # at most ${L.explanation.max} characters
    source: ${SOURCE_EXAMPLE}
    difficulty: TODO # easy | medium | hard
    # Optional: the last day the question may be asked, for facts that change
    # (who holds an office, a current budget). Remove the # to use it.
    # valid_until: "2027-12-31"
`,
  };
}

export type ScaffoldResult =
  | { kind: 'created'; folder: string; files: readonly string[] }
  | { kind: 'invalid-id'; reason: string }
  | { kind: 'exists'; folder: string };

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

/** Writes a new pack folder `<contentDir>/stories/<storyId>/`, refusing a bad id or an existing folder. */
export async function createStoryPackScaffold(contentDir: string, storyId: string): Promise<ScaffoldResult> {
  if (!ID_PATTERN.test(storyId)) {
    return {
      kind: 'invalid-id',
      reason: `"${storyId}" is not a valid story id: use lowercase letters, digits and single hyphens, e.g. us-japan-alliance`,
    };
  }
  if (storyId.length > ID_LIMIT.max) {
    return {
      kind: 'invalid-id',
      reason: `"${storyId}" is ${storyId.length} characters; a story id has at most ${ID_LIMIT.max}`,
    };
  }
  const folder = path.join(contentDir, 'stories', storyId);
  if (await exists(folder)) return { kind: 'exists', folder };
  await mkdir(folder, { recursive: true });
  const files = Object.entries(scaffoldStoryPack(storyId));
  for (const [name, text] of files) await writeFile(path.join(folder, name), text, { flag: 'wx' });
  return { kind: 'created', folder, files: files.map(([name]) => name) };
}
