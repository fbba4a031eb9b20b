import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commands } from '../../../src/app/commands.js';
import type { Command } from '../../../src/platform/router/command.js';

const chatInputName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const list: readonly Command[] = commands;

function problemsOfOptions(
  path: string,
  options: readonly APIApplicationCommandOption[] | undefined,
): string[] {
  const problems: string[] = [];
  const all = options ?? [];
  if (all.length > 25) problems.push(`${path}: ${all.length} options (at most 25)`);
  const names = new Set<string>();
  let seenOptional = false;
  for (const option of all) {
    const where = `${path} ${option.name}`;
    if (!chatInputName.test(option.name) || option.name !== option.name.toLowerCase())
      problems.push(`${where}: name must be 1-32 lowercase letters, digits, - or _`);
    if (names.has(option.name)) problems.push(`${where}: duplicate option name`);
    names.add(option.name);
    if (option.description.length < 1 || option.description.length > 100)
      problems.push(`${where}: description must be 1-100 characters`);
    const nested =
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nested) {
      problems.push(...problemsOfOptions(where, option.options));
      continue;
    }
    if (option.required && seenOptional) problems.push(`${where}: required option after an optional one`);
    if (!option.required) seenOptional = true;
    if ('choices' in option && option.choices) {
      if (option.choices.length > 25)
        problems.push(`${where}: ${option.choices.length} choices (at most 25)`);
      if ('autocomplete' in option && option.autocomplete)
        problems.push(`${where}: choices and autocomplete together`);
      for (const choice of option.choices)
        if (choice.name.length < 1 || choice.name.length > 100) problems.push(`${where}: choice name 1-100`);
    }
  }
  return problems;
}

describe('command definitions', () => {
  test('GIVEN the command list THEN it is not empty and every name is unique per type', () => {
    expect(list.length).toBeGreaterThan(0);
    const keys = list.map(
      (command) => `${command.data.type ?? ApplicationCommandType.ChatInput}:${command.data.name}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(list.map((command) => [command.data.name, command] as const))(
    'GIVEN /%s THEN it follows Discord rules for names, descriptions, options and choices',
    (_name, command) => {
      const problems: string[] = [];
      if (command.kind === 'chat-input') {
        const data = command.data;
        if (!chatInputName.test(data.name) || data.name !== data.name.toLowerCase())
          problems.push(`${data.name}: name must be 1-32 lowercase letters, digits, - or _`);
        if (data.description.length < 1 || data.description.length > 100)
          problems.push(`${data.name}: description must be 1-100 characters`);
        problems.push(...problemsOfOptions(`/${data.name}`, data.options));
        if (command.components?.some((route) => route.feature.length + route.action.length > 40))
          problems.push(`${data.name}: component route names leave too little room for arguments`);
      } else {
        expect(command.data.type).toBe(ApplicationCommandType.Message);
        if (command.data.name.length < 1 || command.data.name.length > 32)
          problems.push(`${command.data.name}: context menu name must be 1-32 characters`);
      }
      if (command.help.length < 1 || command.help.length > 200)
        problems.push(`${command.data.name}: help text 1-200`);
      expect(problems).toEqual([]);
    },
  );

  test('GIVEN moderator and admin commands THEN Discord hides them by default from members without permission', () => {
    for (const command of list) {
      if (command.audience === 'everyone') continue;
      expect(command.data.default_member_permissions, command.data.name).toBeTruthy();
    }
  });
});
