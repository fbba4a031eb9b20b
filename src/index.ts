import { main } from './app/main.js';

main().catch((error: unknown) => {
  console.error('Roundtable stopped with an error:', error instanceof Error ? error.message : error);
  process.exit(1);
});
