// Message bodies (channel messages, interaction responses, webhooks): content, embeds, allowed mentions.

import { discordErrors, type FieldPath, FormErrors } from '../errors.js';
import { arrayOf, isObject, type Json } from '../json.js';
import { isSnowflake } from '../snowflake.js';
import { hasItems, outcome, type Validation, valid } from './common.js';
import { checkComponents } from './components.js';

function embedTextLength(embed: Json): number {
  let total = 0;
  const add = (value: unknown): void => {
    if (typeof value === 'string') total += value.length;
  };
  add(embed.title);
  add(embed.description);
  if (isObject(embed.footer)) add(embed.footer.text);
  if (isObject(embed.author)) add(embed.author.name);
  for (const field of arrayOf(embed.fields)) {
    if (isObject(field)) {
      add(field.name);
      add(field.value);
    }
  }
  return total;
}

function checkEmbeds(errors: FormErrors, path: FieldPath, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
    return;
  }
  errors.maxItems(path, embeds, 10);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = [...path, index];
    if (!isObject(embed)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    total += embedTextLength(embed);
    errors.maxLength([...at, 'title'], embed.title as string, 256);
    errors.maxLength([...at, 'description'], embed.description as string, 4096);
    errors.maxLength([...at, 'url'], embed.url as string, 2048);
    if (embed.color !== undefined && embed.color !== null)
      errors.integerBetween([...at, 'color'], embed.color, 0, 0xffffff);
    if (isObject(embed.footer)) {
      if (typeof embed.footer.text !== 'string' || embed.footer.text.length === 0)
        errors.required([...at, 'footer', 'text']);
      errors.maxLength([...at, 'footer', 'text'], embed.footer.text as string, 2048);
    }
    if (isObject(embed.author)) {
      if (typeof embed.author.name !== 'string' || embed.author.name.length === 0)
        errors.required([...at, 'author', 'name']);
      errors.maxLength([...at, 'author', 'name'], embed.author.name as string, 256);
    }
    const fields = arrayOf(embed.fields);
    errors.maxItems([...at, 'fields'], fields, 25);
    fields.forEach((field, fieldIndex) => {
      const fieldPath = [...at, 'fields', fieldIndex];
      if (!isObject(field)) return;
      if (typeof field.name !== 'string' || field.name.length === 0) errors.required([...fieldPath, 'name']);
      if (typeof field.value !== 'string' || field.value.length === 0)
        errors.required([...fieldPath, 'value']);
      errors.maxLength([...fieldPath, 'name'], field.name as string, 256);
      errors.maxLength([...fieldPath, 'value'], field.value as string, 1024);
    });
  });
  if (total > 6000) errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function checkAllowedMentions(errors: FormErrors, path: FieldPath, allowed: unknown): void {
  if (allowed === undefined || allowed === null) return;
  if (!isObject(allowed)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = allowed.parse;
  if (parse !== undefined && parse !== null) {
    if (!Array.isArray(parse)) errors.add([...path, 'parse'], 'BASE_TYPE_LIST', 'Must be an array.');
    else
      parse.forEach((entry, index) => {
        if (entry !== 'users' && entry !== 'roles' && entry !== 'everyone') {
          errors.add(
            [...path, 'parse', index],
            'BASE_TYPE_CHOICES',
            "Value must be one of ('roles', 'users', 'everyone').",
          );
        }
      });
  }
  for (const key of ['users', 'roles'] as const) {
    const ids = allowed[key];
    if (ids === undefined || ids === null) continue;
    if (!Array.isArray(ids)) {
      errors.add([...path, key], 'BASE_TYPE_LIST', 'Must be an array.');
      continue;
    }
    errors.maxItems([...path, key], ids, 100);
    ids.forEach((id, index) => {
      if (!isSnowflake(id))
        errors.add([...path, key, index], 'NUMBER_TYPE_COERCE', `Value "${String(id)}" is not snowflake.`);
    });
    if (ids.length > 0 && Array.isArray(parse) && parse.includes(key)) {
      errors.add(
        path,
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${key}"] and ${key}: [ids...] are mutually exclusive.`,
      );
    }
  }
  if (allowed.replied_user !== undefined && typeof allowed.replied_user !== 'boolean') {
    errors.add([...path, 'replied_user'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
}

/** Where a message body comes from; edits may leave fields out, creations may not be empty. */
export type MessageBodyKind = 'create' | 'edit';

/** Checks a message create/edit body (channel message, interaction response, webhook) against Discord's limits. */
export function validateMessageBody(body: unknown, kind: MessageBodyKind, path: FieldPath = []): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) {
    if (kind === 'edit' && (body === undefined || body === null)) return valid;
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return outcome(errors);
  }
  if (errors.string([...path, 'content'], body.content))
    errors.maxLength([...path, 'content'], body.content as string, 2000);
  checkEmbeds(errors, [...path, 'embeds'], body.embeds);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  checkComponents(errors, [...path, 'components'], body.components, flags);
  checkAllowedMentions(errors, [...path, 'allowed_mentions'], body.allowed_mentions);
  const nonce = body.nonce;
  if (typeof nonce === 'string') errors.maxLength([...path, 'nonce'], nonce, 25);
  else if (nonce !== undefined && nonce !== null && typeof nonce !== 'number') {
    errors.add([...path, 'nonce'], 'BASE_TYPE_STRING', 'Must be a string or an integer.');
  }
  if (typeof body.thread_name === 'string')
    errors.lengthBetween([...path, 'thread_name'], body.thread_name, 1, 100);
  if (!errors.isEmpty) return outcome(errors);
  if (kind === 'create') {
    const content = typeof body.content === 'string' ? body.content : '';
    const empty =
      content.length === 0 &&
      !hasItems(body.embeds) &&
      !hasItems(body.components) &&
      !hasItems(body.attachments) &&
      !hasItems(body.sticker_ids) &&
      !isObject(body.poll);
    if (empty) return { ok: false, answer: discordErrors.emptyMessage() };
  }
  return valid;
}

/** Checks that an edited message would not end up empty. */
export function validateEditedMessage(
  content: string,
  embeds: unknown[],
  components: unknown[],
  attachments: unknown[],
): Validation {
  if (content.length === 0 && embeds.length === 0 && components.length === 0 && attachments.length === 0) {
    return { ok: false, answer: discordErrors.emptyMessage() };
  }
  return valid;
}
