import { noUploads, type UploadAttachments } from '../attachments.js';
import { discordErrors, FormErrors, type RouteAnswer } from '../errors.js';
import { isObject } from '../json.js';
import type { MessageRecord } from '../model.js';
import { validateMessageBody } from '../validation/messages.js';
import { validateAutocompleteData, validateModalData } from '../validation/responses.js';
import { ephemeralFlag, loadingFlag, toLoopbackModal } from '../views.js';
import { acknowledgeWindowMs, type InteractionHub, type InteractionRecord, interactionTypes } from './hub.js';

const route = 'POST /interactions/:interaction/:token/callback';

/** The callback types Discord accepts for an interaction of this type. */
function allowedResponseTypes(record: InteractionRecord): number[] {
  switch (record.type) {
    case interactionTypes.command:
      return [4, 5, 9];
    case interactionTypes.component:
      return [4, 5, 6, 7, 9];
    case interactionTypes.autocomplete:
      return [8];
    case interactionTypes.modalSubmit:
      return record.sourceMessageId ? [4, 5, 6, 7] : [4, 5];
    default:
      return [];
  }
}

/**
 * `POST /interactions/:id/:token/callback`: the bot's one acknowledgement of an interaction, within
 * 3 seconds of the server clock. Types 4 (reply), 5 (deferred reply), 6 (deferred update), 7 (update),
 * 8 (autocomplete choices) and 9 (modal). Files uploaded with a reply or update become its attachments.
 */
export function answerCallback(
  hub: InteractionHub,
  interactionId: string,
  token: string,
  body: unknown,
  withResponse: boolean,
  uploads: UploadAttachments = noUploads,
): RouteAnswer {
  const record = hub.records.get(interactionId);
  if (!record || record.token !== token) return hub.refuse(record, route, discordErrors.unknownInteraction());
  if (record.responseType !== null) return hub.refuse(record, route, discordErrors.alreadyAcknowledged());
  if (hub.clock.now() - record.createdAt > acknowledgeWindowMs) {
    return hub.refuse(record, route, discordErrors.unknownInteraction());
  }
  if (!isObject(body) || typeof body.type !== 'number') {
    const errors = new FormErrors();
    errors.required(['type']);
    return hub.refuse(record, route, errors.toAnswer());
  }
  const type = body.type;
  const data = isObject(body.data) ? body.data : {};
  const allowed = allowedResponseTypes(record);
  if (!allowed.includes(type)) {
    const errors = new FormErrors();
    errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
    return hub.refuse(record, route, errors.toAnswer());
  }
  let resourceMessage: MessageRecord | null = null;
  switch (type) {
    case 4: {
      const check = validateMessageBody(data, 'create', ['data']);
      if (!check.ok) return hub.refuse(record, route, check.answer);
      const created = hub.createResponseMessage(record, data, 0, uploads);
      if ('status' in created) return hub.refuse(record, route, created);
      record.originalMessageId = created.id;
      resourceMessage = created;
      break;
    }
    case 5: {
      const flags = typeof data.flags === 'number' ? data.flags & ephemeralFlag : 0;
      const created = hub.createResponseMessage(record, { content: '', flags }, loadingFlag);
      if ('status' in created) return hub.refuse(record, route, created);
      record.originalMessageId = created.id;
      resourceMessage = created;
      break;
    }
    case 6:
      record.originalMessageId = record.sourceMessageId;
      break;
    case 7: {
      const check = validateMessageBody(data, 'edit', ['data']);
      if (!check.ok) return hub.refuse(record, route, check.answer);
      const source = record.sourceMessageId ? hub.store.messages.get(record.sourceMessageId) : undefined;
      if (!source || source.deleted) return hub.refuse(record, route, discordErrors.unknownMessage());
      const result = hub.applyEdit(source, data, uploads);
      if (result) return hub.refuse(record, route, result);
      record.originalMessageId = source.id;
      resourceMessage = source;
      break;
    }
    case 8: {
      const check = validateAutocompleteData(data);
      if (!check.ok) return hub.refuse(record, route, check.answer);
      record.choices = (Array.isArray(data.choices) ? data.choices : []).filter(isObject).map((choice) => ({
        name: String(choice.name),
        value: typeof choice.value === 'number' ? choice.value : String(choice.value),
      }));
      break;
    }
    case 9: {
      const check = validateModalData(data);
      if (!check.ok) return hub.refuse(record, route, check.answer);
      record.modal = {
        view: toLoopbackModal(data, {
          interactionId: record.id,
          sourceMessageId: record.sourceMessageId,
          channelId: record.channelId,
        }),
        raw: structuredClone(data),
      };
      break;
    }
    default:
      return hub.refuse(record, route, discordErrors.unknownInteraction());
  }
  record.responseType = type;
  record.acknowledgedAt = hub.clock.now();
  hub.notify(record);
  if (!withResponse) return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: record.id,
        type: record.type,
        ...(resourceMessage
          ? {
              response_message_id: resourceMessage.id,
              response_message_loading: (resourceMessage.flags & loadingFlag) !== 0,
              response_message_ephemeral: (resourceMessage.flags & ephemeralFlag) !== 0,
            }
          : {}),
      },
      resource: {
        type,
        ...(resourceMessage
          ? { message: hub.store.toApiMessage(resourceMessage, { withGuildFields: false }) }
          : {}),
      },
    },
  };
}
