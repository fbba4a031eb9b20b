import type { AutocompleteChoice } from '@roundtable/loopback-discord';
import type { RegisteredCommand } from './commands.js';
import { tokenize } from './parse.js';
import { channelsOf, threadsOf } from './places.js';
import type { SandboxWorld } from './world.js';

/** The sandbox commands Tab offers after `:`. */
export const sandboxCommandNames: readonly string[] = [
  ':click',
  ':select',
  ':submit',
  ':menu',
  ':say',
  ':in',
  ':as',
  ':clock',
  ':channels',
  ':threads',
  ':messages',
  ':show',
  ':save',
  ':who',
  ':commands',
  ':help',
  ':quit',
];

export function quoteIfNeeded(value: string): string {
  return /[\s"']/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

/** What completion needs: the world, the registered commands and the bot's autocomplete. */
export interface CompletionSource {
  world: SandboxWorld;
  commands(): RegisteredCommand[];
  suggest(
    path: readonly string[],
    option: string,
    typed: string,
    values: Record<string, string>,
  ): Promise<AutocompleteChoice[]>;
}

function placeNames(world: SandboxWorld): string[] {
  return [...channelsOf(world), ...threadsOf(world)].map((channel) => channel.name);
}

/** Tab completion: command and option names, subcommands, members, channels and the bot's autocomplete. */
export async function complete(source: CompletionSource, line: string): Promise<[string[], string]> {
  const { world } = source;
  const endsWithSpace = /\s$/.test(line);
  const tokenized = tokenize(line);
  const tokens = tokenized.ok ? tokenized.tokens : line.split(/\s+/).filter((token) => token.length > 0);
  const last = endsWithSpace ? '' : (tokens.at(-1) ?? '');
  const previous = endsWithSpace ? tokens : tokens.slice(0, -1);
  if (previous.length === 0) {
    const candidates = last.startsWith(':')
      ? sandboxCommandNames
      : source
          .commands()
          .filter((entry) => entry.type === 1)
          .map((entry) => `/${entry.name}`);
    return [candidates.filter((candidate) => candidate.startsWith(last)), last];
  }
  const head = previous[0] ?? '';
  if (head === ':as') return [Object.keys(world.members).filter((name) => name.startsWith(last)), last];
  if (head === ':in') {
    const typed = last.replace(/^#/, '');
    const names = placeNames(world).filter((name) => name.startsWith(typed));
    return [names.map((name) => (last.startsWith('#') ? `#${name}` : quoteIfNeeded(name))), last];
  }
  if (!head.startsWith('/')) return [[], last];
  const path = [head.slice(1)];
  const values: Record<string, string> = {};
  for (const token of previous.slice(1)) {
    const separator = token.indexOf(':');
    if (separator > 0) values[token.slice(0, separator)] = token.slice(separator + 1);
    else path.push(token);
  }
  const command = source.commands().find((entry) => entry.type === 1 && entry.name === path[0]);
  if (!command) return [[], last];
  let options = command.options ?? [];
  for (const word of path.slice(1)) options = options.find((option) => option.name === word)?.options ?? [];
  const separator = last.indexOf(':');
  if (separator <= 0) {
    const names = options.map((option) =>
      option.type === 1 || option.type === 2 ? option.name : `${option.name}:`,
    );
    return [names.filter((name) => name.startsWith(last) && !(name.slice(0, -1) in values)), last];
  }
  const name = last.slice(0, separator);
  const typed = last.slice(separator + 1);
  const definition = options.find((option) => option.name === name);
  if (!definition) return [[], last];
  let suggestions: string[] = [];
  if (definition.autocomplete) {
    const choices = await source.suggest(path, name, typed, values).catch(() => []);
    suggestions = choices.map((choice) => String(choice.value));
  } else if (definition.choices) {
    suggestions = definition.choices
      .map((choice) => String(choice.value))
      .filter((value) => value.startsWith(typed));
  } else if (definition.type === 7) {
    suggestions = placeNames(world)
      .map((channel) => `#${channel}`)
      .filter((channel) => channel.startsWith(typed));
  } else if (definition.type === 6 || definition.type === 9) {
    suggestions = Object.values(world.members)
      .map((member) => `@${member.username}`)
      .filter((member) => member.startsWith(typed));
  } else if (definition.type === 5) {
    suggestions = ['true', 'false'].filter((value) => value.startsWith(typed));
  }
  return [suggestions.map((value) => `${name}:${quoteIfNeeded(value)}`), last];
}
