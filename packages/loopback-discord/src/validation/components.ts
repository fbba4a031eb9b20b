// Message components: action rows, buttons, selects and the Components V2 layout components.

import type { FieldPath, FormErrors } from '../errors.js';
import { arrayOf, isObject, type Json } from '../json.js';

export const componentsV2Flag = 1 << 15;
export const selectTypes = new Set([3, 5, 6, 7, 8]);

export function checkCustomId(
  errors: FormErrors,
  path: FieldPath,
  customId: unknown,
  seen: Set<string>,
): void {
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

export function checkSelect(errors: FormErrors, path: FieldPath, select: Json, seen: Set<string>): void {
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

/** Checks `components`: action rows of buttons and selects, or (with the Components V2 flag) layout components. */
export function checkComponents(
  errors: FormErrors,
  path: FieldPath,
  components: unknown,
  flags: number,
): void {
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
