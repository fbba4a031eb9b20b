import type { Runner } from './child.js';

/** What every benchmark is run with. */
export interface BenchContext {
  /** Tiny sizes that only prove the scripts still work; the figures mean nothing. */
  smoke: boolean;
  runner: Runner;
  /** Child processes write CPU profiles into bench/results/profiles. */
  cpuProfile: boolean;
  /** A scratch folder, removed after the run. */
  workDir: string;
  log(line: string): void;
}

/** The same gateway intents Roundtable asks for, as a bitfield for the bare client. */
export { gatewayIntents } from '../../src/platform/discord/client.js';
