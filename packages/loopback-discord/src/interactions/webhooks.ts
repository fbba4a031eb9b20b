import { noUploads, type UploadAttachments } from '../attachments.js';
import { discordErrors, type ErrorAnswer, type RouteAnswer } from '../errors.js';
import { isObject } from '../json.js';
import type { MessageRecord } from '../model.js';
import { validateMessageBody } from '../validation/messages.js';
import { loadingFlag } from '../views.js';
import { type InteractionHub, type InteractionRecord, tokenLifetimeMs } from './hub.js';

// The interaction webhook (`/webhooks/:application/:token`): the original response (`@original`)
// and follow-ups, usable for 15 minutes of the server clock.

/** Resolves the interaction for a webhook route, or the answer Discord gives for a bad one. */
function interactionFor(
  hub: InteractionHub,
  applicationId: string,
  token: string,
  route: string,
): InteractionRecord | ErrorAnswer {
  if (applicationId !== hub.store.applicationId) return discordErrors.unknownWebhook();
  const record = hub.byToken(token);
  if (!record) return discordErrors.invalidWebhookToken();
  if (hub.clock.now() - record.createdAt > tokenLifetimeMs)
    return hub.refuse(record, route, discordErrors.invalidWebhookToken());
  return record;
}

export interface WebhookMessageTarget {
  applicationId: string;
  token: string;
  messageId: string;
}

/** The interaction and one of its messages (`@original` or a follow-up id). */
function messageFor(
  hub: InteractionHub,
  target: WebhookMessageTarget,
  route: string,
): { record: InteractionRecord; message: MessageRecord } | ErrorAnswer {
  const record = interactionFor(hub, target.applicationId, target.token, route);
  if ('status' in record) return record;
  const id = target.messageId === '@original' ? record.originalMessageId : target.messageId;
  const known = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
  const message = known ? hub.store.messages.get(id) : undefined;
  if (!message || message.deleted) return hub.refuse(record, route, discordErrors.unknownMessage());
  return { record, message };
}

function apiMessage(hub: InteractionHub, message: MessageRecord): unknown {
  return hub.store.toApiMessage(message, { withGuildFields: false });
}

export function getWebhookMessage(hub: InteractionHub, target: WebhookMessageTarget): RouteAnswer {
  const found = messageFor(hub, target, 'GET /webhooks/:application/:token/messages/:message');
  return 'status' in found ? found : { status: 200, body: apiMessage(hub, found.message) };
}

export function editWebhookMessage(
  hub: InteractionHub,
  target: WebhookMessageTarget,
  body: unknown,
  uploads: UploadAttachments = noUploads,
): RouteAnswer {
  const route = 'PATCH /webhooks/:application/:token/messages/:message';
  const found = messageFor(hub, target, route);
  if ('status' in found) return found;
  const { record, message } = found;
  const check = validateMessageBody(body, 'edit');
  if (!check.ok) return hub.refuse(record, route, check.answer);
  const failure = hub.applyEdit(message, isObject(body) ? body : {}, uploads);
  if (failure) return hub.refuse(record, route, failure);
  hub.notify(record);
  return { status: 200, body: apiMessage(hub, message) };
}

export function deleteWebhookMessage(hub: InteractionHub, target: WebhookMessageTarget): RouteAnswer {
  const found = messageFor(hub, target, 'DELETE /webhooks/:application/:token/messages/:message');
  if ('status' in found) return found;
  hub.engine.deleteMessage(found.message);
  hub.notify(found.record);
  return { status: 204 };
}

/** `POST /webhooks/:application/:token`: a follow-up, or the answer that replaces a deferred reply's loading message. */
export function followUp(
  hub: InteractionHub,
  applicationId: string,
  token: string,
  body: unknown,
  uploads: UploadAttachments = noUploads,
): RouteAnswer {
  const route = 'POST /webhooks/:application/:token';
  const record = interactionFor(hub, applicationId, token, route);
  if ('status' in record) return record;
  if (record.responseType === null) return hub.refuse(record, route, discordErrors.unknownWebhook());
  const check = validateMessageBody(body, 'create');
  if (!check.ok) return hub.refuse(record, route, check.answer);
  const data = isObject(body) ? body : {};
  const original = record.originalMessageId ? hub.store.messages.get(record.originalMessageId) : undefined;
  if (record.responseType === 5 && original && (original.flags & loadingFlag) !== 0) {
    const uploaded = uploads(original.channelId, original.visibleTo !== null, data);
    hub.engine.editMessage(original, { ...data, flags: undefined }, 'interaction', uploaded);
    hub.notify(record);
    return { status: 200, body: apiMessage(hub, original) };
  }
  const created = hub.createResponseMessage(record, data, 0, uploads);
  if ('status' in created) return hub.refuse(record, route, created);
  record.followUpIds.push(created.id);
  hub.notify(record);
  return { status: 200, body: apiMessage(hub, created) };
}
