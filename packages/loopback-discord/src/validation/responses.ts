// Interaction callback data other than messages: autocomplete choices and modals.

import { type FieldPath, FormErrors } from '../errors.js';
import { arrayOf, isObject, type Json } from '../json.js';
import { outcome, type Validation } from './common.js';
import { checkCustomId, checkSelect, selectTypes } from './components.js';

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
