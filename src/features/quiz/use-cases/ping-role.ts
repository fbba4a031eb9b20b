import { type QuizReads, readConfig, type Unconfigured } from './read-config.js';

export type PingRoleOutcome = Unconfigured | { kind: 'no-ping-role' } | { kind: 'ok'; roleId: string };

/** `/quiz join`, `/quiz leave` and the bell: the role the server's quiz pings. */
export function pingRole(reads: QuizReads, guildId: string): PingRoleOutcome {
  const state = readConfig(reads, guildId);
  if (state.kind !== 'ok') return state;
  return state.config.pingRoleId ? { kind: 'ok', roleId: state.config.pingRoleId } : { kind: 'no-ping-role' };
}
