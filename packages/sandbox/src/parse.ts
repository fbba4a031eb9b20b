/** A reference to a message the sandbox printed (`#3`) or, when `null`, the latest one that fits. */
export type MessageReference = number | null;

/** One line typed into the sandbox, understood. */
export type SandboxInput =
  | { kind: 'empty' }
  | { kind: 'slash'; path: string[]; options: Record<string, string> }
  | { kind: 'click'; message: MessageReference; button: number | string }
  | { kind: 'select'; message: MessageReference; menu: number; values: string[] }
  | { kind: 'submit'; values: Record<string, string> }
  | { kind: 'menu'; name: string; message: MessageReference }
  | { kind: 'as'; member: string }
  | { kind: 'say'; text: string }
  | { kind: 'in'; channel: string }
  | { kind: 'clock'; deltaMs: number }
  | { kind: 'clock'; until: { hours: number; minutes: number } }
  | { kind: 'threads' }
  | { kind: 'channels' }
  | { kind: 'messages'; count: number }
  | { kind: 'show'; message: number }
  | { kind: 'save'; message: MessageReference; directory: string }
  | { kind: 'who' }
  | { kind: 'commands'; filter?: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'invalid'; problem: string };

export type Tokenized = { ok: true; tokens: string[] } | { ok: false; problem: string };

/** Splits a line into words; double or single quotes keep spaces (`story:"us japan"` is one word), `\` escapes. */
export function tokenize(line: string): Tokenized {
  const tokens: string[] = [];
  let current = '';
  let started = false;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] ?? '';
    if (character === '\\' && index + 1 < line.length) {
      current += line[index + 1];
      started = true;
      index += 1;
    } else if (quote) {
      if (character === quote) quote = null;
      else current += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      started = true;
    } else if (/\s/.test(character)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += character;
      started = true;
    }
  }
  if (quote) return { ok: false, problem: `unclosed ${quote} quote` };
  if (started) tokens.push(current);
  return { ok: true, tokens };
}

const durationUnits: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  w: 7 * 86_400_000,
};

/** Reads `+1d`, `2h`, `+30m`, `+1d2h30m`, `90s`; returns milliseconds or `null`. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().replace(/^\+/, '');
  if (!/^(\d+(\.\d+)?[wdhms])+$/.test(trimmed)) return null;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)([wdhms])/g)) {
    total += Number(match[1]) * (durationUnits[match[2] ?? 's'] ?? 0);
  }
  return Math.round(total);
}

/** `3.2` → message 3, item 2; `2` → latest message, item 2; a word → latest message, by label. */
function parseItemReference(text: string): { message: MessageReference; item: number | string } {
  const dotted = /^#?(\d+)\.(\d+)$/.exec(text);
  if (dotted) return { message: Number(dotted[1]), item: Number(dotted[2]) };
  if (/^\d+$/.test(text)) return { message: null, item: Number(text) };
  return { message: null, item: text };
}

function parseMessageReference(text: string | undefined): MessageReference | 'invalid' {
  if (text === undefined) return null;
  const match = /^#?(\d+)$/.exec(text);
  return match ? Number(match[1]) : 'invalid';
}

function keyValues(tokens: readonly string[], usage: string): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (const token of tokens) {
    const separator = token.search(/[:=]/);
    if (separator <= 0) return `expected name=value, got "${token}" (${usage})`;
    values[token.slice(0, separator)] = token.slice(separator + 1);
  }
  return values;
}

function parseSlash(tokens: string[]): SandboxInput {
  const [first, ...rest] = tokens;
  const name = (first ?? '').slice(1);
  if (name.length === 0) return { kind: 'commands' };
  const path = [name];
  const options: Record<string, string> = {};
  for (const token of rest) {
    const separator = token.indexOf(':');
    if (separator > 0) {
      options[token.slice(0, separator)] = token.slice(separator + 1);
    } else if (Object.keys(options).length === 0) {
      path.push(token);
    } else {
      return {
        kind: 'invalid',
        problem: `"${token}" is not an option; write name:value (quote values with spaces)`,
      };
    }
  }
  return { kind: 'slash', path, options };
}

/** Understands one line of sandbox input. */
export function parseInput(line: string): SandboxInput {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.startsWith('//')) return { kind: 'empty' };
  if (trimmed.startsWith(':say ')) return { kind: 'say', text: trimmed.slice(5).trim() };
  const tokenized = tokenize(trimmed);
  if (!tokenized.ok) return { kind: 'invalid', problem: tokenized.problem };
  const tokens = tokenized.tokens;
  const [head = '', ...rest] = tokens;
  if (head.startsWith('/')) return parseSlash(tokens);
  if (!head.startsWith(':')) {
    return { kind: 'invalid', problem: 'type a slash command (/help), or :help for the sandbox commands' };
  }
  switch (head.toLowerCase()) {
    case ':click':
    case ':c': {
      const target = rest.join(' ');
      if (target.length === 0)
        return { kind: 'invalid', problem: 'usage: :click N, :click #M.N or :click Label' };
      const reference = parseItemReference(target);
      return { kind: 'click', message: reference.message, button: reference.item };
    }
    case ':select': {
      const [target, ...values] = rest;
      if (!target || values.length === 0)
        return { kind: 'invalid', problem: 'usage: :select N value[,value] or :select #M.N value' };
      const reference = parseItemReference(target);
      if (typeof reference.item !== 'number')
        return { kind: 'invalid', problem: 'menus are numbered: :select 1 value' };
      return {
        kind: 'select',
        message: reference.message,
        menu: reference.item,
        values: values
          .join(' ')
          .split(',')
          .map((value) => value.trim())
          .filter((value) => value.length > 0),
      };
    }
    case ':submit': {
      const values = keyValues(rest, ':submit field="text" ...');
      return typeof values === 'string' ? { kind: 'invalid', problem: values } : { kind: 'submit', values };
    }
    case ':menu': {
      const [name, reference] = rest;
      if (!name) return { kind: 'invalid', problem: 'usage: :menu "Command name" #M' };
      const message = parseMessageReference(reference);
      if (message === 'invalid')
        return { kind: 'invalid', problem: `"${reference ?? ''}" is not a message number like #3` };
      return { kind: 'menu', name, message };
    }
    case ':as':
      return rest[0]
        ? { kind: 'as', member: rest[0].replace(/^@/, '') }
        : { kind: 'invalid', problem: 'usage: :as you|mod|admin' };
    case ':say':
      return { kind: 'invalid', problem: 'usage: :say text' };
    case ':in':
      return rest.length > 0
        ? { kind: 'in', channel: rest.join(' ').replace(/^#/, '') }
        : { kind: 'invalid', problem: 'usage: :in <thread or #channel>' };
    case ':clock': {
      const time = /^(\d{1,2}):(\d{2})$/.exec(rest.join(''));
      const [hours, minutes] = [Number(time?.[1]), Number(time?.[2])];
      if (time && hours < 24 && minutes < 60) return { kind: 'clock', until: { hours, minutes } };
      const delta = parseDuration(rest.join(''));
      return delta === null
        ? {
            kind: 'invalid',
            problem: 'usage: :clock +1d, +2h, +30m, +1d2h, or :clock 08:55 (the next 08:55 UTC)',
          }
        : { kind: 'clock', deltaMs: delta };
    }
    case ':threads':
      return { kind: 'threads' };
    case ':channels':
      return { kind: 'channels' };
    case ':show': {
      const message = parseMessageReference(rest[0]);
      return typeof message === 'number' && rest.length === 1
        ? { kind: 'show', message }
        : { kind: 'invalid', problem: 'usage: :show N (a message number like #3)' };
    }
    case ':save': {
      const usage =
        'usage: :save N DIR (the files of message #N into DIR), or :save DIR for the latest files';
      if (rest.length === 2) {
        const message = parseMessageReference(rest[0]);
        return message === 'invalid' || message === null || !rest[1]
          ? { kind: 'invalid', problem: usage }
          : { kind: 'save', message, directory: rest[1] };
      }
      const [directory] = rest;
      return rest.length === 1 && directory && !/^#?\d+$/.test(directory)
        ? { kind: 'save', message: null, directory }
        : { kind: 'invalid', problem: usage };
    }
    case ':messages':
    case ':history': {
      const count = rest[0] ? Number(rest[0]) : 10;
      return Number.isInteger(count) && count > 0
        ? { kind: 'messages', count }
        : { kind: 'invalid', problem: 'usage: :messages [count]' };
    }
    case ':who':
      return { kind: 'who' };
    case ':commands':
      return rest[0] ? { kind: 'commands', filter: rest[0] } : { kind: 'commands' };
    case ':help':
    case ':h':
    case ':?':
      return { kind: 'help' };
    case ':quit':
    case ':exit':
    case ':q':
      return { kind: 'quit' };
    default:
      return { kind: 'invalid', problem: `unknown sandbox command ${head}; :help lists them` };
  }
}

/** What `:help` prints (the session adds the server's channels). */
export const sandboxHelp: readonly string[] = [
  'Type slash commands as in Discord, options as name:value (quote values with spaces):',
  '  /summary story:us-japan-alliance      /quiz setup channel:#quiz time:09:00 timezone:UTC',
  '  /factcheck story:"us japan"           /help',
  'Suggestions: press Tab after option:, or end a value with ? (/summary story:jap?);',
  'option:? explains an option (/quiz setup duration:?), :commands lists them all.',
  'Sandbox commands:',
  '  :click N | :click #M.N | :click Label   press button N of the latest (or #M) message',
  '  :select N value[,value] | :select #M.N v   choose in a select menu',
  '  :submit field="text" ...                  fill and send the modal the bot opened',
  '  :menu "Report to moderators" #M           run a message context menu command on message #M',
  '  :say text                                 post a message as the current member here',
  '  :in #news | :in 1 | :in <thread name>     move to a channel, or to thread 1 of :threads',
  '  :channels | :threads                      list the channels, or the threads (numbered)',
  '  :as you | mod | admin                     act as another member; :who lists members',
  '  :clock +1d | +2h | +30m | 08:55           move the clock forward (to the next 08:55 UTC) and run',
  '                                            scheduled work on the way (quiz posts and closes)',
  '  :messages [N]                             show the last N messages here',
  '  :show N                                   show message #N whole (edits print as one line)',
  '  :save N DIR                               write the files attached to message #N into DIR',
  "  :commands [name]                          list the bot's slash commands, options and limits",
  '  :quit                                     leave (also Ctrl+D)',
];
