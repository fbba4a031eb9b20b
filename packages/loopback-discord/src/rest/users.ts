import { discordErrors, singleFieldError } from '../errors.js';
import { isObject } from '../json.js';
import type { ChannelRecord } from '../model.js';
import type { RouteKit } from './kit.js';
import type { RouteTable } from './router.js';

/** The gateway URL, the bot user, direct message channels, other users and the application. */
export function registerGatewayAndUserRoutes(routes: RouteTable, kit: RouteKit): void {
  const store = kit.store;
  routes.add('GET', '/gateway', () => ({ status: 200, body: { url: kit.options.gatewayUrl() } }));
  routes.add('GET', '/gateway/bot', () => ({
    status: 200,
    body: {
      url: kit.options.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    },
  }));
  routes.add('GET', '/users/@me', () => ({
    status: 200,
    body: {
      ...store.toApiUser(store.botUser),
      verified: true,
      mfa_enabled: false,
      flags: 0,
      locale: 'en-US',
    },
  }));
  routes.add('POST', '/users/@me/channels', ({ body }) => {
    const recipientId = isObject(body) && typeof body.recipient_id === 'string' ? body.recipient_id : '';
    const recipient = store.users.get(recipientId);
    if (!recipient)
      return singleFieldError(
        ['recipient_id'],
        'NUMBER_TYPE_COERCE',
        `Value "${recipientId}" is not snowflake.`,
      );
    const existing = store.directChannelByUser.get(recipient.id);
    const channel =
      (existing ? store.channels.get(existing) : undefined) ??
      ((): ChannelRecord => {
        const created: ChannelRecord = {
          id: store.ids.next(),
          guildId: '',
          recipientId: recipient.id,
          type: 1,
          name: recipient.username,
          position: 0,
          parentId: null,
          topic: null,
          rateLimitPerUser: 0,
          nsfw: false,
          overwrites: [],
          lastMessageId: null,
          thread: null,
          lastPostAtByUser: new Map(),
        };
        store.channels.set(created.id, created);
        store.directChannelByUser.set(recipient.id, created.id);
        return created;
      })();
    return { status: 200, body: store.toApiChannel(channel) };
  });
  routes.add('GET', '/users/:user', ({ params }) => {
    const user = store.users.get(params.user ?? '');
    return user ? { status: 200, body: store.toApiUser(user) } : discordErrors.unknownUser();
  });
  const application = () => ({
    status: 200,
    body: {
      id: store.applicationId,
      name: store.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: (1 << 15) | (1 << 19),
      owner: store.toApiUser(store.botUser),
      team: null,
      bot: store.toApiUser(store.botUser),
      approximate_guild_count: store.guilds.size,
      integration_types_config: { '0': {} },
    },
  });
  routes.add('GET', '/applications/@me', application);
  routes.add('GET', '/oauth2/applications/@me', application);
}
