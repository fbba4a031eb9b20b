import { discordErrors, type ErrorAnswer, type FieldPath, FormErrors } from './errors.js';
import { isSnowflake } from './snowflake.js';

/** Result of checking a request body against Discord's documented limits. */
export type Validation = { ok: true } | { ok: false; answer: ErrorAnswer };

const valid: Validation = { ok: true };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function outcome(errors: FormErrors): Validation {
  return errors.isEmpty ? valid : { ok: false, answer: errors.toAnswer() };
}

export const componentsV2Flag = 1 << 15;
export const threadArchiveDurations = [60, 1440, 4320, 10080] as const;
const commandNamePattern = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

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

const selectTypes = new Set([3, 5, 6, 7, 8]);

function checkCustomId(errors: FormErrors, path: FieldPath, customId: unknown, seen: Set<string>): void {
  if (typeof customId !== 'string' || customId.length === 0) {
    errors.required(path);
    return;
  }
  errors.lengthBetween(path, customId, 1, 100);
  if (seen.has(customId))
    errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(customId);
}

function checkButton(errors: FormErrors, path: FieldPath, button: Json, seen: Set<string>): void {
  const style = button.style;
  if (typeof style !== 'number' || style < 1 || style > 6) {
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
  }
  errors.maxLength([...path, 'label'], button.label as string, 80);
  const hasLabel = typeof button.label === 'string' && button.label.length > 0;
  if (!hasLabel && !isObject(button.emoji) && style !== 6) {
    errors.add(path, 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or an emoji is required');
  }
  if (style === 5) {
    if (typeof button.url !== 'string' || button.url.length === 0) {
      errors.add([...path, 'url'], 'BUTTON_COMPONENT_URL_REQUIRED', 'A url is required');
    } else {
      errors.maxLength([...path, 'url'], button.url, 512);
      if (!/^(https?|discord):\/\//.test(button.url))
        errors.add([...path, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    }
    if (button.custom_id !== undefined && button.custom_id !== null) {
      errors.add(
        [...path, 'custom_id'],
        'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
        'A custom id cannot be used with a link button',
      );
    }
  } else if (style !== 6) {
    checkCustomId(errors, [...path, 'custom_id'], button.custom_id, seen);
    if (button.url !== undefined && button.url !== null) {
      errors.add(
        [...path, 'url'],
        'BUTTON_COMPONENT_URL_NOT_ALLOWED',
        'A url can only be used with a link button',
      );
    }
  }
}

function checkSelect(errors: FormErrors, path: FieldPath, select: Json, seen: Set<string>): void {
  checkCustomId(errors, [...path, 'custom_id'], select.custom_id, seen);
  errors.maxLength([...path, 'placeholder'], select.placeholder as string, 150);
  errors.integerBetween([...path, 'min_values'], select.min_values, 0, 25);
  errors.integerBetween([...path, 'max_values'], select.max_values, 1, 25);
  if (select.type !== 3) return;
  const options = select.options;
  if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
    errors.add([...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
    return;
  }
  const values = new Set<string>();
  options.forEach((option, index) => {
    const at = [...path, 'options', index];
    if (!isObject(option)) return;
    for (const key of ['label', 'value'] as const) {
      if (typeof option[key] !== 'string' || (option[key] as string).length === 0)
        errors.required([...at, key]);
      else errors.lengthBetween([...at, key], option[key] as string, 1, 100);
    }
    errors.maxLength([...at, 'description'], option.description as string, 100);
    if (typeof option.value === 'string') {
      if (values.has(option.value)) {
        errors.add(
          [...at, 'value'],
          'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED',
          'Select component option value cannot be duplicated',
        );
      }
      values.add(option.value);
    }
  });
  if (typeof select.min_values === 'number' && select.min_values > options.length) {
    errors.add([...path, 'min_values'], 'BASE_TYPE_MAX', `Must be less than or equal to ${options.length}.`);
  }
}

function checkActionRow(errors: FormErrors, path: FieldPath, row: Json, seen: Set<string>): void {
  const children = row.components;
  if (!Array.isArray(children) || children.length < 1 || children.length > 5) {
    errors.add([...path, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
    return;
  }
  const hasSelect = children.some((child) => isObject(child) && selectTypes.has(child.type as number));
  children.forEach((child, index) => {
    const at = [...path, 'components', index];
    if (!isObject(child)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    if (hasSelect && children.length > 1 && (index > 0 || !selectTypes.has(child.type as number))) {
      errors.add(at, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    if (child.type === 2) checkButton(errors, at, child, seen);
    else if (selectTypes.has(child.type as number)) checkSelect(errors, at, child, seen);
    else
      errors.add(
        [...at, 'type'],
        'UNION_TYPE_CHOICES',
        'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).',
      );
  });
}

function countComponents(components: unknown[]): number {
  let count = 0;
  for (const component of components) {
    if (!isObject(component)) continue;
    count += 1;
    count += countComponents(arrayOf(component.components));
    if (isObject(component.accessory)) count += 1;
  }
  return count;
}

function checkComponentV2(errors: FormErrors, path: FieldPath, component: Json, seen: Set<string>): void {
  switch (component.type) {
    case 1:
      checkActionRow(errors, path, component, seen);
      return;
    case 10:
      if (typeof component.content !== 'string' || component.content.length === 0)
        errors.required([...path, 'content']);
      errors.maxLength([...path, 'content'], component.content as string, 4000);
      return;
    case 9:
      arrayOf(component.components).forEach((child, index) => {
        if (isObject(child)) checkComponentV2(errors, [...path, 'components', index], child, seen);
      });
      if (isObject(component.accessory) && component.accessory.type === 2) {
        checkButton(errors, [...path, 'accessory'], component.accessory, seen);
      }
      return;
    case 17:
      arrayOf(component.components).forEach((child, index) => {
        if (isObject(child)) checkComponentV2(errors, [...path, 'components', index], child, seen);
      });
      return;
    case 11:
    case 12:
    case 13:
    case 14:
      return;
    default:
      errors.add(
        [...path, 'type'],
        'UNION_TYPE_CHOICES',
        'Value of field "type" is not a valid top-level component.',
      );
  }
}

function checkComponents(errors: FormErrors, path: FieldPath, components: unknown, flags: number): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
    return;
  }
  const seen = new Set<string>();
  if ((flags & componentsV2Flag) !== 0) {
    if (countComponents(components) > 40)
      errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 40 or fewer in length.');
    components.forEach((component, index) => {
      if (isObject(component)) checkComponentV2(errors, [...path, index], component, seen);
    });
    return;
  }
  errors.maxItems(path, components, 5);
  components.forEach((row, index) => {
    const at = [...path, index];
    if (!isObject(row)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    } else if (row.type !== 1) {
      errors.add([...at, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    } else {
      checkActionRow(errors, at, row, seen);
    }
  });
}

function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
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

/** Checks an autocomplete result (`type: 8`) callback body. */
export function validateAutocompleteData(data: unknown): Validation {
  const errors = new FormErrors();
  const choices = isObject(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.required(['data', 'choices']);
    return outcome(errors);
  }
  errors.maxItems(['data', 'choices'], choices, 25);
  choices.forEach((choice, index) => {
    const at = ['data', 'choices', index];
    if (!isObject(choice)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    if (typeof choice.name !== 'string') errors.required([...at, 'name']);
    else errors.lengthBetween([...at, 'name'], choice.name, 1, 100);
    if (typeof choice.value === 'string') errors.lengthBetween([...at, 'value'], choice.value, 1, 100);
    else if (typeof choice.value !== 'number') errors.required([...at, 'value']);
  });
  return outcome(errors);
}

function checkTextInput(
  errors: FormErrors,
  path: FieldPath,
  input: Json,
  seen: Set<string>,
  labelled: boolean,
): void {
  checkCustomId(errors, [...path, 'custom_id'], input.custom_id, seen);
  if (input.style !== 1 && input.style !== 2)
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.');
  if (labelled) {
    if (input.label !== undefined && input.label !== null) {
      errors.add(
        [...path, 'label'],
        'TEXT_INPUT_LABEL_NOT_ALLOWED',
        'A text input inside a label cannot have its own label',
      );
    }
  } else if (typeof input.label !== 'string' || input.label.length === 0) {
    errors.required([...path, 'label']);
  } else {
    errors.lengthBetween([...path, 'label'], input.label, 1, 45);
  }
  errors.integerBetween([...path, 'min_length'], input.min_length, 0, 4000);
  errors.integerBetween([...path, 'max_length'], input.max_length, 1, 4000);
  errors.maxLength([...path, 'value'], input.value as string, 4000);
  errors.maxLength([...path, 'placeholder'], input.placeholder as string, 100);
}

/** Checks a modal (`type: 9`) callback body. */
export function validateModalData(data: unknown): Validation {
  const errors = new FormErrors();
  if (!isObject(data)) {
    errors.required(['data']);
    return outcome(errors);
  }
  if (typeof data.custom_id !== 'string' || data.custom_id.length === 0)
    errors.required(['data', 'custom_id']);
  else errors.lengthBetween(['data', 'custom_id'], data.custom_id, 1, 100);
  if (typeof data.title !== 'string' || data.title.length === 0) errors.required(['data', 'title']);
  else errors.lengthBetween(['data', 'title'], data.title, 1, 45);
  const components = data.components;
  if (!Array.isArray(components) || components.length < 1 || components.length > 5) {
    errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
    return outcome(errors);
  }
  const seen = new Set<string>();
  components.forEach((component, index) => {
    const at = ['data', 'components', index];
    if (!isObject(component)) return;
    if (component.type === 1) {
      const children = arrayOf(component.components);
      if (children.length !== 1) {
        errors.add([...at, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 1 in length.');
      }
      children.forEach((child, childIndex) => {
        if (!isObject(child)) return;
        if (child.type === 4) checkTextInput(errors, [...at, 'components', childIndex], child, seen, false);
        else
          errors.add(
            [...at, 'components', childIndex, 'type'],
            'UNION_TYPE_CHOICES',
            'Value of field "type" must be one of (4,).',
          );
      });
    } else if (component.type === 18) {
      if (typeof component.label !== 'string' || component.label.length === 0)
        errors.required([...at, 'label']);
      else errors.lengthBetween([...at, 'label'], component.label, 1, 45);
      errors.maxLength([...at, 'description'], component.description as string, 100);
      const child = component.component;
      if (!isObject(child)) errors.required([...at, 'component']);
      else if (child.type === 4) checkTextInput(errors, [...at, 'component'], child, seen, true);
      else if (selectTypes.has(child.type as number)) checkSelect(errors, [...at, 'component'], child, seen);
    } else if (component.type !== 10) {
      errors.add([...at, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
    }
  });
  return outcome(errors);
}

function checkCommandName(errors: FormErrors, path: FieldPath, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length === 0) {
    errors.required(path);
    return;
  }
  if (!chatInput) {
    errors.lengthBetween(path, name, 1, 32);
    return;
  }
  if (!commandNamePattern.test(name)) {
    errors.add(path, 'STRING_TYPE_REGEX', 'String value did not match validation regex.');
  } else if (name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function checkDescription(errors: FormErrors, path: FieldPath, description: unknown): void {
  if (typeof description !== 'string') errors.required(path);
  else errors.lengthBetween(path, description, 1, 100);
}

function checkOptions(errors: FormErrors, path: FieldPath, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_LIST', 'Must be an array.');
    return;
  }
  errors.maxItems(path, options, 25);
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, index) => {
    const at = [...path, index];
    if (!isObject(option)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    checkCommandName(errors, [...at, 'name'], option.name, true);
    checkDescription(errors, [...at, 'description'], option.description);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add(
          [...at, 'name'],
          'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(option.name);
    }
    const type = option.type;
    if (typeof type !== 'number' || type < 1 || type > 11) {
      errors.add(
        [...at, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.',
      );
      return;
    }
    if (type === 1 || type === 2) {
      if (type === 2 && depth > 0)
        errors.add(
          [...at, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command groups cannot be nested',
        );
      if (type === 1 && depth > 1)
        errors.add(
          [...at, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-commands cannot be nested this deep',
        );
      const children = arrayOf(option.options);
      if (type === 2) {
        children.forEach((child, childIndex) => {
          if (isObject(child) && child.type !== 1) {
            errors.add(
              [...at, 'options', childIndex, 'type'],
              'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
              'Sub-command groups may only contain sub-commands',
            );
          }
        });
      }
      checkOptions(errors, [...at, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true) {
      if (optionalSeen) {
        errors.add(
          at,
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
    } else {
      optionalSeen = true;
    }
    const choices = option.choices;
    if (choices !== undefined && choices !== null) {
      errors.maxItems([...at, 'choices'], choices as unknown[], 25);
      arrayOf(choices).forEach((choice, choiceIndex) => {
        const choicePath = [...at, 'choices', choiceIndex];
        if (!isObject(choice)) return;
        if (typeof choice.name !== 'string') errors.required([...choicePath, 'name']);
        else errors.lengthBetween([...choicePath, 'name'], choice.name, 1, 100);
        if (typeof choice.value === 'string')
          errors.lengthBetween([...choicePath, 'value'], choice.value, 1, 100);
      });
      if (option.autocomplete === true && hasItems(choices)) {
        errors.add(
          [...at, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
          'Autocomplete cannot be used with choices',
        );
      }
    }
    if (option.min_length !== undefined)
      errors.integerBetween([...at, 'min_length'], option.min_length, 0, 6000);
    if (option.max_length !== undefined)
      errors.integerBetween([...at, 'max_length'], option.max_length, 1, 6000);
  });
}

/** Checks one application command as sent in a create or bulk overwrite body. */
function checkCommand(errors: FormErrors, path: FieldPath, command: unknown): void {
  if (!isObject(command)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = command.type ?? 1;
  const chatInput = type === 1;
  checkCommandName(errors, [...path, 'name'], command.name, chatInput);
  if (chatInput) {
    checkDescription(errors, [...path, 'description'], command.description);
    checkOptions(errors, [...path, 'options'], command.options, 0);
  } else if (typeof command.description === 'string' && command.description.length > 0) {
    errors.add(
      [...path, 'description'],
      'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION',
      'Context menu commands cannot have a description',
    );
  }
}

/** Checks a bulk overwrite (`PUT .../commands`) body. */
export function validateCommandList(body: unknown): Validation {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_LIST', 'Must be an array.');
    return outcome(errors);
  }
  const seen = new Set<string>();
  body.forEach((command, index) => {
    checkCommand(errors, [index], command);
    if (isObject(command) && typeof command.name === 'string') {
      const key = `${String(command.type ?? 1)}:${command.name}`;
      if (seen.has(key))
        errors.add(
          [index, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      seen.add(key);
    }
  });
  const chatInputCount = body.filter((command) => isObject(command) && (command.type ?? 1) === 1).length;
  if (chatInputCount > 100) errors.add([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  return outcome(errors);
}

export function validateCommand(body: unknown): Validation {
  const errors = new FormErrors();
  checkCommand(errors, [], body);
  return outcome(errors);
}

/** Checks a thread creation body (with or without a starter message). */
export function validateThreadBody(body: unknown): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) {
    errors.required(['name']);
    return outcome(errors);
  }
  if (typeof body.name !== 'string' || body.name.length === 0) errors.required(['name']);
  else errors.lengthBetween(['name'], body.name, 1, 100);
  errors.oneOf(['auto_archive_duration'], body.auto_archive_duration, threadArchiveDurations);
  errors.integerBetween(['rate_limit_per_user'], body.rate_limit_per_user, 0, 21600);
  if (body.type !== undefined && body.type !== null) errors.oneOf(['type'], body.type, [10, 11, 12]);
  return outcome(errors);
}

/** Checks a `PATCH /channels/:id` body. */
export function validateChannelPatch(body: unknown, isThread: boolean): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) return valid;
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') errors.required(['name']);
    else errors.lengthBetween(['name'], body.name, 1, 100);
  }
  errors.maxLength(['topic'], body.topic as string, 1024);
  errors.integerBetween(['rate_limit_per_user'], body.rate_limit_per_user, 0, 21600);
  if (isThread) errors.oneOf(['auto_archive_duration'], body.auto_archive_duration, threadArchiveDurations);
  for (const key of ['archived', 'locked', 'invitable'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'boolean') {
      errors.add([key], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
    }
  }
  return outcome(errors);
}

const maximumTimeoutMs = 28 * 24 * 60 * 60 * 1000;

/** Checks a `PATCH /guilds/:g/members/:u` body; `now` is the server clock. */
export function validateMemberPatch(body: unknown, now: number): Validation {
  const errors = new FormErrors();
  if (!isObject(body)) return valid;
  const until = body.communication_disabled_until;
  if (until !== undefined && until !== null) {
    const at = typeof until === 'string' ? Date.parse(until) : Number.NaN;
    if (Number.isNaN(at)) {
      errors.add(
        ['communication_disabled_until'],
        'DATE_TYPE_PARSE',
        'Could not parse ' + String(until) + '.',
      );
    } else if (at - now > maximumTimeoutMs) {
      errors.add(
        ['communication_disabled_until'],
        'INVALID_COMMUNICATION_DISABLED_TIMESTAMP',
        'Invalid communication disabled timestamp',
      );
    }
  }
  if (body.nick !== undefined && body.nick !== null) errors.maxLength(['nick'], body.nick as string, 32);
  if (body.roles !== undefined && !Array.isArray(body.roles))
    errors.add(['roles'], 'BASE_TYPE_LIST', 'Must be an array.');
  return outcome(errors);
}
