import { readEnvOrExit } from '../../../platform/env.js';
import { loadContent } from '../core/loader.js';
import { formatContentReport } from '../core/report.js';

const env = readEnvOrExit(['CONTENT_DIR', 'CONTENT_STALE_DAYS'], 'The story packs were not checked');
const result = await loadContent(env.CONTENT_DIR, { today: new Date() });
const report = formatContentReport(result, { today: new Date(), staleAfterDays: env.CONTENT_STALE_DAYS });
if (result.kind === 'invalid') {
  console.error(report);
  process.exitCode = 1;
} else {
  console.log(report);
}
