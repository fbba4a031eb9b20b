import { Client, type ClientOptions, GatewayIntentBits, Options } from 'discord.js';

/** Guilds for channels, roles and threads; GuildMessages to count debate messages (no message content). */
export const gatewayIntents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

/**
 * A discord.js client that pings nobody by default and caches only what Roundtable reads; `ws` can change
 * how its gateway shards are managed (see `gateway-watch.ts`).
 */
export function createClient(apiUrl: string, ws: ClientOptions['ws'] = {}): Client {
  const keepSelf = {
    maxSize: 0,
    keepOverLimit: (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id,
  };
  return new Client({
    intents: gatewayIntents,
    rest: { api: apiUrl },
    ws,
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMemberManager: keepSelf,
      UserManager: keepSelf,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      ThreadMemberManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      GuildForumThreadManager: 0,
      GuildTextThreadManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3_600, lifetime: 14_400 },
    },
  });
}
