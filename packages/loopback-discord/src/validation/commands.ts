// Application command bodies (create, edit, bulk overwrite): names, descriptions, options, choices.

import { type FieldPath, FormErrors } from '../errors.js';
import { arrayOf, isObject } from '../json.js';
import { hasItems, outcome, type Validation } from './common.js';

const commandNamePattern = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

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
