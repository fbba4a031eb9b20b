import { cleanText, neutraliseMentions, truncateAtWord } from '../../../platform/text.js';

export const reportReasonMinimum = 3;
export const reportReasonMaximum = 500;

export type ReportRefusal = 'own-message' | 'already-reported';

export type ReportCheck = { kind: 'allowed' } | { kind: 'refused'; reason: ReportRefusal };

/** A member reports a message once; reporting your own message makes no sense. */
export function checkReport(input: {
  reporterId: string;
  authorId: string;
  alreadyReported: boolean;
}): ReportCheck {
  if (input.reporterId === input.authorId) return { kind: 'refused', reason: 'own-message' };
  if (input.alreadyReported) return { kind: 'refused', reason: 'already-reported' };
  return { kind: 'allowed' };
}

export type ReasonCheck =
  | { kind: 'ok'; reason: string }
  | { kind: 'too-short'; minimum: number }
  | { kind: 'too-long'; maximum: number };

export function checkReportReason(raw: string | null | undefined): ReasonCheck {
  const reason = neutraliseMentions(cleanText(raw ?? ''));
  if (reason.length < reportReasonMinimum) return { kind: 'too-short', minimum: reportReasonMinimum };
  if (reason.length > reportReasonMaximum) return { kind: 'too-long', maximum: reportReasonMaximum };
  return { kind: 'ok', reason };
}

/** A moderator's free-text reason (warn, close): cleaned, mentions neutralised, cut to `maximum`. */
export function cleanModeratorReason(raw: string | null | undefined, maximum = 500): string | undefined {
  const reason = neutraliseMentions(cleanText(raw ?? ''));
  if (reason.length === 0) return undefined;
  return truncateAtWord(reason, maximum);
}
