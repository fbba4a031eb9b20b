import { loadContent } from '../core/loader.js';
import { formatContentReport } from '../core/report.js';

const contentDir = process.env.CONTENT_DIR?.trim() || './content';
const result = await loadContent(contentDir, { today: new Date() });
const report = formatContentReport(result);
if (result.kind === 'invalid') {
  console.error(report);
  process.exitCode = 1;
} else {
  console.log(report);
}
