import { wrap } from './render.js';

/** An option of a registered application command, as the bot registered it (Discord's JSON). */
export interface CommandOption {
  name: string;
  type: number;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOption[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface RegisteredCommand {
  name: string;
  type: number;
  description: string;
  options?: CommandOption[];
}

export const optionTypeNames: Readonly<Record<number, string>> = {
  3: 'text',
  4: 'integer',
  5: 'true/false',
  6: '@member',
  7: '#channel',
  8: '@role',
  9: '@member or @role',
  10: 'number',
  11: 'file',
};

const channelTypeNames: Readonly<Record<number, string>> = {
  0: 'text',
  2: 'voice',
  4: 'category',
  5: 'announcement',
  10: 'announcement thread',
  11: 'thread',
  12: 'private thread',
  13: 'stage',
  15: 'forum',
  16: 'media',
};

const isGroup = (option: CommandOption) => option.type === 1 || option.type === 2;

/** Finds the option definitions for a command path such as ['quiz', 'setup']. */
export function leafOptions(
  commands: readonly RegisteredCommand[],
  path: readonly string[],
): CommandOption[] | null {
  const command = commands.find((entry) => entry.type === 1 && entry.name === path[0]);
  if (!command) return null;
  let options = command.options ?? [];
  for (const word of path.slice(1)) {
    const next = options.find((option) => option.name === word && isGroup(option));
    if (!next) return null;
    options = next.options ?? [];
  }
  return options;
}

function range(minimum: number | undefined, maximum: number | undefined, unit = ''): string | null {
  if (minimum !== undefined && maximum !== undefined) return `${minimum} to ${maximum}${unit}`;
  if (minimum !== undefined) return `at least ${minimum}${unit}`;
  if (maximum !== undefined) return `up to ${maximum}${unit}`;
  return null;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** `integer from 1 to 24`, `text, 4 to 5 characters`, `#channel (text or announcement)`, choices, suggestions. */
export function optionDetails(option: CommandOption): string {
  const type = optionTypeNames[option.type] ?? 'value';
  const parts: string[] = [];
  if (option.type === 4 || option.type === 10) {
    const values = range(option.min_value, option.max_value);
    parts.push(values ? `${type}, ${values}` : type);
  } else if (option.type === 3) {
    const lengths = range(option.min_length, option.max_length, ' characters');
    parts.push(lengths ? `${type}, ${lengths}` : type);
  } else if (option.type === 7 && option.channel_types && option.channel_types.length > 0) {
    const kinds = option.channel_types.map((kind) => channelTypeNames[kind] ?? String(kind));
    parts.push(`${type} (${listWords(kinds)})`);
  } else {
    parts.push(type);
  }
  if (option.choices && option.choices.length > 0) {
    const choices = option.choices.map((choice) =>
      String(choice.value) === choice.name ? choice.name : `${String(choice.value)} (${choice.name})`,
    );
    parts.push(`one of ${choices.join(', ')}`);
  }
  if (option.autocomplete) parts.push('suggestions with Tab or ?');
  return parts.join('; ');
}

/** `story:text`, or `[length:text]` when optional. */
function usage(options: readonly CommandOption[]): string {
  return options
    .filter((option) => !isGroup(option))
    .map((option) => {
      const text = `${option.name}:${optionTypeNames[option.type] ?? '?'}`;
      return option.required ? text : `[${text}]`;
    })
    .join(' ');
}

function optionLines(options: readonly CommandOption[], width: number): string[] {
  return options
    .filter((option) => !isGroup(option))
    .flatMap((option) => {
      const text = `· ${option.name}: ${option.description ?? ''} — ${optionDetails(option)}`;
      const [first = '', ...rest] = wrap(text, '      ', width);
      return [`    ${first.trimStart()}`, ...rest];
    });
}

/** Each chat input command (and sub-command) with its description, then its options' descriptions. */
function entries(
  command: RegisteredCommand,
): { path: string; description: string; options: CommandOption[] }[] {
  const top = command.options ?? [];
  if (!top.some(isGroup)) return [{ path: command.name, description: command.description, options: top }];
  return top.flatMap((option) =>
    option.type === 1
      ? [
          {
            path: `${command.name} ${option.name}`,
            description: option.description ?? '',
            options: option.options ?? [],
          },
        ]
      : option.type === 2
        ? (option.options ?? []).map((child) => ({
            path: `${command.name} ${option.name} ${child.name}`,
            description: child.description ?? '',
            options: child.options ?? [],
          }))
        : [],
  );
}

/** What `:commands` prints: every slash command (or those named `filter`) with descriptions, options and limits. */
export function listCommands(commands: readonly RegisteredCommand[], filter?: string, width = 100): string[] {
  const wanted = filter?.replace(/^\//, '').toLowerCase();
  const chatInput = commands.filter(
    (entry) => entry.type === 1 && (wanted === undefined || entry.name === wanted),
  );
  if (wanted !== undefined && chatInput.length === 0)
    return [`✗ no slash command /${wanted}; :commands lists them all`];
  const lines = [
    'Slash commands ([optional] options; option:? explains one, e.g. /quiz setup duration:?; :commands quiz lists one command):',
  ];
  for (const command of chatInput) {
    for (const entry of entries(command)) {
      lines.push(`  /${entry.path} ${usage(entry.options)}`.trimEnd());
      if (entry.description) lines.push(...wrap(entry.description, '    ', width));
      lines.push(...optionLines(entry.options, width));
    }
  }
  const menus = commands.filter((entry) => entry.type !== 1);
  if (wanted === undefined && menus.length > 0)
    lines.push(`Context menus: ${menus.map((entry) => `"${entry.name}"`).join(', ')} (use :menu "name" #M)`);
  return lines;
}

/** What `option:?` prints about one option before any suggestions. */
export function optionHelp(path: readonly string[], option: CommandOption): string[] {
  const lines = [
    `  ${option.name} (/${path.join(' ')}, ${option.required ? 'required' : 'optional'}): ${option.description ?? ''}`.trimEnd(),
    `    ${optionDetails(option)}`,
  ];
  return lines;
}
