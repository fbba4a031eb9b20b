/**
 * Helpers for tests that drive a bare discord.js client against the loopback Discord
 * (`@roundtable/loopback-discord/testing`). A bot under test usually builds its own client; these are
 * for tests of the loopback itself and of tools built on it, such as the terminal sandbox.
 */
import { Client, GatewayIntentBits } from 'discord.js';
import type { LoopbackDiscord } from './server.js';

/** Guilds, Guild Members, Guild Messages and Message Content: enough for every dispatch the loopback sends. */
export const defaultIntents: readonly number[] = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/** A discord.js client pointed at the loopback server (`rest.api`), not yet logged in. */
export function createBareClient(
  discord: LoopbackDiscord,
  intents: readonly number[] = defaultIntents,
): Client {
  return new Client({ intents: [...intents], rest: { api: discord.apiUrl } });
}

/** Logs the client in and resolves, with the milliseconds it took, once discord.js emitted `clientReady`. */
export async function loginAndWaitReady(client: Client, token: string): Promise<number> {
  const startedAt = performance.now();
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(token);
  await ready;
  return performance.now() - startedAt;
}
