import { type CreditCheck, checkCredit } from '../core/credits.js';
import type { CreditOutcome } from '../core/outcomes.js';
import { threadTasks } from '../messages/moderation-log.js';
import { creditNotice } from '../messages/notices.js';
import type { DebateDeps } from './deps.js';
import { debateInThread } from './find-debate.js';
import { okValue, onThread } from './thread-access.js';

export interface CreditTarget {
  guildId: string;
  /** The thread the message is in. */
  threadId: string;
  messageId: string;
  authorId: string;
  authorIsBot: boolean;
  creditorId: string;
}

/** Whether a member may credit a message ("Changed my view"), before asking what changed their view. */
export function canCredit(deps: DebateDeps, target: CreditTarget): CreditCheck {
  return checkCredit({
    creditorId: target.creditorId,
    authorId: target.authorId,
    authorIsBot: target.authorIsBot,
    debate: debateInThread(deps, target.guildId, target.threadId),
    alreadyCredited: deps.moderation.hasCredited(target.messageId, target.creditorId),
  });
}

export interface CreditRequest {
  guildId: string;
  threadId: string;
  messageId: string;
  creditorId: string;
  /** Already checked and cleaned. */
  explanation: string;
}

/**
 * "Changed my view": checks the message (it must still be in the debate thread) and the debate, read
 * once, stores the credit once and shows it in the thread.
 */
export async function creditMessage(deps: DebateDeps, request: CreditRequest): Promise<CreditOutcome> {
  const { discord, clock, moderation } = deps;
  const { guildId, threadId, creditorId } = request;
  const message = await discord.findThreadMessage(threadId, request.messageId);
  if (!message || message.channelId !== threadId) return { kind: 'refused', reason: 'message-gone' };
  const debate = debateInThread(deps, guildId, threadId);
  const check = checkCredit({
    creditorId,
    authorId: message.authorId,
    authorIsBot: message.authorIsBot,
    debate,
    alreadyCredited: moderation.hasCredited(message.id, creditorId),
  });
  if (check.kind === 'refused') return check;
  if (!debate) return { kind: 'refused', reason: 'not-debate-thread' };
  const stored = moderation.addCredit({
    debateId: debate.id,
    guildId,
    messageId: message.id,
    authorId: message.authorId,
    creditorId,
    explanation: request.explanation,
    createdAt: clock.now(),
  });
  if (stored === 'duplicate') return { kind: 'refused', reason: 'already-credited' };
  const posted = await onThread(deps, debate, threadTasks.post, async (target) =>
    okValue(
      await target.post({
        content: creditNotice({
          guildId,
          threadId,
          messageId: message.id,
          authorId: message.authorId,
          creditorId,
          explanation: request.explanation,
        }),
        mentionNobody: true,
      }),
    ),
  );
  return { kind: 'credited', shownInThread: posted.kind === 'ok' };
}
