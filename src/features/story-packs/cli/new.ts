import { readEnvOrExit } from '../../../platform/env.js';
import { createStoryPackScaffold } from '../core/scaffold.js';

const { CONTENT_DIR: contentDir } = readEnvOrExit(['CONTENT_DIR'], 'No story pack was created');
const storyId = process.argv[2];

if (storyId === undefined || process.argv.length > 3) {
  console.error(
    'Usage: npm run content:new -- <story-id>   (for example: npm run content:new -- us-japan-alliance)',
  );
  process.exitCode = 1;
} else {
  const result = await createStoryPackScaffold(contentDir, storyId);
  switch (result.kind) {
    case 'invalid-id':
      console.error(result.reason);
      process.exitCode = 1;
      break;
    case 'exists':
      console.error(
        `${result.folder} already exists; nothing was written. Choose another id or edit that pack.`,
      );
      process.exitCode = 1;
      break;
    case 'created':
      console.log(
        [
          `Created ${result.folder} with ${result.files.join(', ')}.`,
          'Replace every TODO with sourced facts (see content/README.md), then run: npm run content:check',
        ].join('\n'),
      );
      break;
  }
}
