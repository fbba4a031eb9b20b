import type { Client } from 'discord.js';
import {
  type ChannelRef,
  type GuildRef,
  type LoopbackDiscord,
  type MemberRef,
  startLoopbackDiscord,
} from '../src/index.js';
import { createBareClient, loginAndWaitReady } from '../src/testing.js';

/** A loopback Discord with one guild, one text channel and members, and a bare client (logged in unless `login: false`). */
export type BareWorld<Member extends string = 'alice'> = {
  discord: LoopbackDiscord;
  client: Client;
  guild: GuildRef;
  channel: ChannelRef;
} & Record<Member, MemberRef>;

export async function startBareWorld<Member extends string = 'alice'>(options: {
  guildName: string;
  channelName: string;
  token?: string;
  /** Usernames of the members to add (default `['alice']`). */
  members?: readonly Member[];
  login?: boolean;
}): Promise<BareWorld<Member>> {
  const discord = await startLoopbackDiscord(options.token ? { token: options.token } : {});
  const guild = discord.seedGuild({ name: options.guildName });
  const channel = discord.addChannel(guild, { name: options.channelName });
  const members = (options.members ?? ['alice']).map((username) => [
    username,
    discord.addMember(guild, { username }),
  ]);
  const client = createBareClient(discord);
  if (options.login !== false) await loginAndWaitReady(client, discord.token);
  return { discord, client, guild, channel, ...Object.fromEntries(members) } as BareWorld<Member>;
}

/** Destroys the client first, or discord.js would try to reconnect, then closes the server. */
export async function stopBareWorld(world: { client: Client; discord: LoopbackDiscord }): Promise<void> {
  await world.client.destroy();
  await world.discord.close();
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
