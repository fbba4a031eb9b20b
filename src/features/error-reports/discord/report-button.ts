import { type APIButtonComponent, ButtonStyle, ComponentType } from 'discord.js';
import { type ReportTarget, reportCustomId } from './report-target.js';

export const reportButtonLabel = 'Report an error';

/** The "Report an error" button under a reading answer: it opens the report form for whoever clicks. */
export function reportErrorButton(target: ReportTarget): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: reportCustomId('open', target),
    label: reportButtonLabel,
    emoji: { name: '🚩' },
  };
}
