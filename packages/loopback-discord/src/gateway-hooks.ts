import { type GatewayEvent, type GatewayHooks, gatewayIntents } from './gateway.js';
import type { LoopbackStore } from './store.js';

/** How the gateway reads the store: READY, GUILD_CREATE on identify, and REQUEST_GUILD_MEMBERS chunks. */
export function gatewayHooks(store: LoopbackStore, onEvent: (event: GatewayEvent) => void): GatewayHooks {
  return {
    ready: () => ({
      user: { ...store.toApiUser(store.botUser), verified: true, mfa_enabled: false, flags: 0 },
      application: { id: store.applicationId, flags: (1 << 15) | (1 << 19) },
      guildIds: [...store.guilds.values()]
        .filter((guild) => store.member(guild.id, store.botUser.id))
        .map((guild) => guild.id),
    }),
    guildCreate: (guildId, session) => {
      const guild = store.guilds.get(guildId);
      return guild
        ? store.toApiGuildCreate(guild, (session.intents & gatewayIntents.guildMembers) !== 0)
        : { id: guildId, unavailable: true };
    },
    memberChunk: ({ guildId, userIds, query, limit }) => {
      const ids = userIds ?? store.guilds.get(guildId)?.memberIds ?? [];
      const members = ids.flatMap((id) => {
        const member = store.member(guildId, id);
        const user = store.users.get(id);
        if (!member || !user) return [];
        if (query && !user.username.toLowerCase().startsWith(query.toLowerCase())) return [];
        return [store.toApiMember(member)];
      });
      return limit > 0 ? members.slice(0, limit) : members;
    },
    onEvent,
  };
}
