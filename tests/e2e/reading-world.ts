import type { ContentLibrary } from '../../src/features/story-packs/core/index.js';
import { seedPolitics, startWorld, type World } from '../support/harness.js';

export type ReadingWorld = World<ReturnType<typeof seedPolitics>>;

/** #politics with alice, bob, carol, a moderator and an admin, and the bot reading `content` (default: the real packs). */
export function startReadingWorld(content?: ContentLibrary): Promise<ReadingWorld> {
  return startWorld({ seed: seedPolitics, ...(content === undefined ? {} : { content }) });
}

/** Moves the bot's clock past the per-member cooldown of the public reading commands. */
export function waitOutCooldown(world: ReadingWorld): void {
  world.clock.advance(11_000);
}

/**
 * Restarts the bot on the same database and clock with other story packs (as after a deploy that changed
 * them), runs `body`, then restarts it again on the world's own packs.
 */
export async function withPacksAfterRestart(
  world: ReadingWorld,
  content: ContentLibrary,
  body: () => Promise<void>,
): Promise<void> {
  await world.restart(content);
  try {
    await body();
  } finally {
    await world.restart();
  }
}
