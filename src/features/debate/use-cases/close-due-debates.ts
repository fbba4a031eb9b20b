import { acrossGuilds, inGuild } from './across-guilds.js';
import { closeDebate } from './close-debate.js';
import type { DebateDeps } from './deps.js';
import { finishDebate } from './finish-debate.js';

/** Scheduled: closes debates whose time has come and finishes closed ones with work left. */
export async function closeDueDebates(deps: DebateDeps, now: number): Promise<void> {
  const { debates, logger } = deps;
  deps.openThreads.reload();
  const due = debates.listDueToClose(now);
  const unfinished = debates.listUnfinished();
  await acrossGuilds(
    [...due, ...unfinished].map((debate) => debate.guildId),
    async (guildId) => {
      for (const debate of inGuild(due, guildId)) {
        try {
          await closeDebate(deps, { debateId: debate.id, by: null, reason: null });
        } catch (error) {
          logger.error({ err: error, debateId: debate.id, guildId }, 'could not close a debate');
        }
      }
      for (const debate of inGuild(debates.listUnfinished(), guildId)) {
        try {
          await finishDebate(deps, debate.id);
        } catch (error) {
          logger.error({ err: error, debateId: debate.id, guildId }, 'could not finish a debate');
        }
      }
    },
  );
}
