import { REST } from 'discord.js';
import { deployCommands } from '../platform/discord/deploy.js';
import { readEnvOrExit } from '../platform/env.js';
import { commands } from './commands.js';

const env = readEnvOrExit(
  ['DISCORD_TOKEN', 'DISCORD_API_URL', 'DISCORD_DEV_GUILD_ID'],
  'No commands were registered',
);
const rest = new REST({ api: env.DISCORD_API_URL }).setToken(env.DISCORD_TOKEN);
const { registered } = await deployCommands(rest, commands, env.DISCORD_DEV_GUILD_ID);
const scope = env.DISCORD_DEV_GUILD_ID
  ? `guild ${env.DISCORD_DEV_GUILD_ID}`
  : 'every server (global; may take up to an hour to appear)';
console.log(`Registered ${registered.length} commands for ${scope}:`);
for (const command of registered) console.log(`- ${command.type === 1 ? '/' : ''}${command.name}`);
