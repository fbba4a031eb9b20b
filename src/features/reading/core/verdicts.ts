import type { Verdict } from '../../story-packs/core/index.js';

export interface VerdictStyle {
  icon: string;
  label: string;
  meaning: string;
}

/** One distinct icon per verdict, so a reader can scan a fact-check at a glance. */
export const verdictStyles: Readonly<Record<Verdict, VerdictStyle>> = {
  accurate: { icon: '✅', label: 'Accurate', meaning: 'the claim holds' },
  imprecise: { icon: '🟡', label: 'Imprecise', meaning: 'roughly right but vague or loose' },
  inaccurate: { icon: '❌', label: 'Inaccurate', meaning: 'the claim is wrong' },
  outdated: { icon: '🕰️', label: 'Outdated', meaning: 'true once, no longer' },
  unverified: { icon: '❔', label: 'Unverified', meaning: 'no reliable source confirms it' },
};

export function verdictBadge(verdict: Verdict): string {
  const style = verdictStyles[verdict];
  return `${style.icon} ${style.label}`;
}
