import type { PlannedRound } from '../core/rounds.js';
import { type EmbedContent, renderOpeningCard } from '../messages/render.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateThread } from './debate-discord.js';
import type { DebateDeps } from './deps.js';
import { okValue } from './thread-access.js';

type CardDeps = Pick<DebateDeps, 'content' | 'debates'>;

function openingCard(deps: CardDeps, debate: DebateRecord, rounds: readonly PlannedRound[]): EmbedContent {
  const prompt = debate.promptId === null ? undefined : deps.content.getDebatePrompt(debate.promptId);
  return renderOpeningCard({
    id: debate.id,
    motion: debate.motion,
    context: prompt?.context,
    format: debate.format,
    closesAt: debate.closesAt,
    slowmodeSeconds: debate.debateSlowmode,
    rounds,
    status: debate.status,
    closedAt: debate.closedAt ?? undefined,
  });
}

/** Posts the opening card with the stance buttons, within work on the thread; gives its message id. */
export async function postOpeningCard(
  deps: CardDeps,
  debate: DebateRecord,
  rounds: readonly PlannedRound[],
  thread: DebateThread,
): Promise<string> {
  return okValue(await thread.postCard({ debateId: debate.id, embed: openingCard(deps, debate, rounds) }));
}

/** Shows the debate as it is now on its opening card; the buttons are disabled once it has closed. */
export async function refreshOpeningCard(
  deps: CardDeps,
  debate: DebateRecord,
  thread: DebateThread,
): Promise<void> {
  if (debate.cardMessageId === null) return;
  const card = {
    debateId: debate.id,
    embed: openingCard(deps, debate, deps.debates.listRounds(debate.id)),
    closed: debate.status === 'closed',
  };
  okValue(await thread.editCard(debate.cardMessageId, card));
}
