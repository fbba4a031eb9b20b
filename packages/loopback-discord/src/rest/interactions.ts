import { answerCallback } from '../interactions/callback.js';
import {
  deleteWebhookMessage,
  editWebhookMessage,
  followUp,
  getWebhookMessage,
  type WebhookMessageTarget,
} from '../interactions/webhooks.js';
import type { RouteKit } from './kit.js';
import type { RouteTable } from './router.js';

function target(params: Record<string, string>): WebhookMessageTarget {
  return {
    applicationId: params.application ?? '',
    token: params.token ?? '',
    messageId: params.message ?? '',
  };
}

/** Interaction callbacks and the interaction webhook; none needs the bot token. */
export function registerInteractionRoutes(routes: RouteTable, kit: RouteKit): void {
  const hub = kit.hub;
  const unauthenticated = { authenticated: false };
  routes.add(
    'POST',
    '/interactions/:interaction/:token/callback',
    ({ params, body, query, files }) =>
      answerCallback(
        hub,
        params.interaction ?? '',
        params.token ?? '',
        body,
        query.get('with_response') === 'true',
        kit.uploads(files),
      ),
    { authenticated: false, exemptFromGlobalLimit: true },
  );
  routes.add(
    'POST',
    '/webhooks/:application/:token',
    ({ params, body, files }) =>
      followUp(hub, params.application ?? '', params.token ?? '', body, kit.uploads(files)),
    unauthenticated,
  );
  const message = '/webhooks/:application/:token/messages/:message';
  routes.add('GET', message, ({ params }) => getWebhookMessage(hub, target(params)), unauthenticated);
  routes.add(
    'PATCH',
    message,
    ({ params, body, files }) => editWebhookMessage(hub, target(params), body, kit.uploads(files)),
    unauthenticated,
  );
  routes.add('DELETE', message, ({ params }) => deleteWebhookMessage(hub, target(params)), unauthenticated);
}
