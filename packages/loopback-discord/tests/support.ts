import { Client, GatewayIntentBits } from 'discord.js';
import type { LoopbackDiscord } from '../src/index.js';

/** A bare discord.js client pointed at the loopback server, not yet logged in. */
export function createBareClient(discord: LoopbackDiscord, intents: number[] = defaultIntents): Client {
  return new Client({ intents, rest: { api: discord.apiUrl } });
}

export const defaultIntents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/** Logs the client in and resolves once discord.js emitted clientReady. */
export async function loginAndWaitReady(client: Client, token: string): Promise<number> {
  const startedAt = performance.now();
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(token);
  await ready;
  return performance.now() - startedAt;
}

export const sampleCommands = [
  {
    name: 'summary',
    description: 'Summarise a story',
    options: [
      { type: 3, name: 'story', description: 'Which story', required: true, autocomplete: true },
      { type: 4, name: 'depth', description: 'How deep', required: false, min_value: 1, max_value: 3 },
    ],
  },
  {
    name: 'quiz',
    description: 'Daily quiz',
    options: [
      {
        type: 1,
        name: 'setup',
        description: 'Set the quiz up',
        options: [
          { type: 7, name: 'channel', description: 'Where', required: true },
          { type: 8, name: 'role', description: 'Who to ping', required: false },
          { type: 5, name: 'enabled', description: 'On or off', required: false },
        ],
      },
    ],
  },
  { name: 'Report to moderators', type: 3 },
];

/** Sends a raw REST request to the loopback server, with the bot token unless `authenticated` is false. */
export async function rawRequest(
  discord: LoopbackDiscord,
  method: string,
  path: string,
  body?: unknown,
  options: { authenticated?: boolean } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.authenticated !== false) headers.Authorization = `Bot ${discord.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${discord.apiUrl}/v10${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
    headers: response.headers,
  };
}
