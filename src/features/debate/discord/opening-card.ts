import type { Message, ThreadChannel } from 'discord.js';
import type { PlannedRound } from '../core/rounds.js';
import { type EmbedContent, renderOpeningCard } from '../messages/render.js';
import type { DebateRecord } from '../storage/debate-record.js';
import type { DebateDeps } from '../use-cases/deps.js';
import { stanceButtons } from './components.js';

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

/** Posts the opening card with the stance buttons. */
export function postOpeningCard(
  deps: CardDeps,
  debate: DebateRecord,
  rounds: readonly PlannedRound[],
  thread: ThreadChannel,
): Promise<Message<true>> {
  return thread.send({
    embeds: [openingCard(deps, debate, rounds)],
    components: [stanceButtons(debate.id)],
  });
}

/** Shows the debate as it is now on its opening card; the buttons are disabled once it has closed. */
export async function refreshOpeningCard(
  deps: CardDeps,
  debate: DebateRecord,
  thread: ThreadChannel,
): Promise<void> {
  if (debate.cardMessageId === null) return;
  await thread.messages.edit(debate.cardMessageId, {
    embeds: [openingCard(deps, debate, deps.debates.listRounds(debate.id))],
    components: [stanceButtons(debate.id, debate.status === 'closed')],
  });
}
