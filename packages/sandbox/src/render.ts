import type {
  AutocompleteChoice,
  LoopbackAttachment,
  LoopbackMessage,
  LoopbackModal,
} from '@roundtable/loopback-discord';
import type { APIEmbed } from 'discord.js';

/** Looks up display names for mentions; unknown ids render as the raw id. */
export interface NameLookup {
  user(id: string): string | null;
  role(id: string): string | null;
  channel(id: string): string | null;
}

export interface RenderContext {
  names: NameLookup;
  /** The sandbox's short reference for the message (`#3`), used by `:click 3.1`. */
  reference: number;
  /** The current time, for relative timestamps (`<t:…:R>`). */
  now: number;
  /** Set when the message is not in the channel the member is looking at. */
  channelName?: string | null;
  /** Wrap width in characters (default 100). */
  width?: number;
  /** The sandbox's reference of another message (for "pinned message #2"), if it has one. */
  referenceOf?: (messageId: string) => number | null;
  /** The text of an attached file, for a preview of its first lines; `null` for binary or unknown files. */
  attachmentText?: (attachment: LoopbackAttachment) => string | null;
}

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2 June 2026`, in UTC. */
function formatDay(date: Date): string {
  return dayMonthYear.format(date);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** `Tuesday 2 June 2026 09:00 UTC` */
export function formatInstant(ms: number): string {
  const date = new Date(ms);
  return `${dayNames[date.getUTCDay()]} ${formatDay(date)} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

const relativeUnits: ReadonlyArray<readonly [size: number, name: string, limit: number]> = [
  [1_000, 'second', 60],
  [60_000, 'minute', 60],
  [3_600_000, 'hour', 24],
  [86_400_000, 'day', 30],
  [30 * 86_400_000, 'month', 12],
  [365 * 86_400_000, 'year', Number.POSITIVE_INFINITY],
];

/**
 * A relative time as Discord shows `<t:…:R>`: the largest unit under its next one, rounded
 * (`in 8 seconds`, `8 seconds ago`, `in 2 minutes`, `in 3 hours`, `in 2 days`); `now` under half a second.
 */
export function formatRelative(ms: number, now: number): string {
  const difference = ms - now;
  const magnitude = Math.abs(difference);
  if (magnitude < 500) return 'now';
  for (const [size, name, limit] of relativeUnits) {
    const count = Math.max(1, Math.round(magnitude / size));
    if (count < limit) {
      const text = `${count} ${name}${count === 1 ? '' : 's'}`;
      return difference > 0 ? `in ${text}` : `${text} ago`;
    }
  }
  return 'now';
}

/** Shortens a long name at a word boundary with an ellipsis (`This house believes Japan…`). */
export function shortenName(name: string, maximum = 40): string {
  if (name.length <= maximum) return name;
  const cut = name.slice(0, maximum - 1);
  const space = cut.lastIndexOf(' ');
  const kept = space >= maximum / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.!?-]+$/, '')}…`;
}

function formatTimestamp(seconds: number, style: string, now: number): string {
  const ms = seconds * 1000;
  const date = new Date(ms);
  const day = formatDay(date);
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}`;
  switch (style) {
    case 'R':
      return formatRelative(ms, now);
    case 't':
      return time;
    case 'T':
      return `${time}:${twoDigits(date.getUTCSeconds())}`;
    case 'd':
      return `${date.getUTCFullYear()}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
    case 'D':
      return day;
    case 'F':
      return `${dayNames[date.getUTCDay()]} ${day} ${time} UTC`;
    default:
      return `${day} ${time} UTC`;
  }
}

/** Turns Discord markdown and mentions into plain terminal text. */
export function formatInline(text: string, names: NameLookup, now: number): string {
  return text
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_match, seconds: string, style: string | undefined) =>
      formatTimestamp(Number(seconds), style ?? 'f', now),
    )
    .replace(/<@!?(\d+)>/g, (_match, id: string) => `@${names.user(id) ?? id}`)
    .replace(/<@&(\d+)>/g, (_match, id: string) => `@${names.role(id) ?? id}`)
    .replace(/<#(\d+)>/g, (_match, id: string) => `#${names.channel(id) ?? id}`)
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/<\/([\w -]+):\d+>/g, '/$1')
    .replace(
      /\[([^\]]+)\]\((<?)(https?:\/\/[^)>\s]+)>?\)/g,
      (_match, label: string, _angle: string, url: string) => (label === url ? url : `${label} <${url}>`),
    )
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/(^|[^*\w])\*([^*\s][^*\n]*?)\*(?![\w*])/g, '$1$2')
    .replace(/^-# /gm, '')
    .replace(/^>>> /gm, '')
    .replace(/^> /gm, '│ ');
}

/** Wraps text to `width`, prefixing every line with `indent`; keeps existing line breaks. */
export function wrap(text: string, indent: string, width: number): string[] {
  const available = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph.length === 0) {
      lines.push(indent.trimEnd());
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/(?<=\s)/)) {
      if (line.length + word.trimEnd().length > available && line.trim().length > 0) {
        lines.push(indent + line.trimEnd());
        line = word.trimStart();
      } else {
        line += word;
      }
    }
    lines.push(indent + line.trimEnd());
  }
  return lines;
}

function renderEmbed(embed: APIEmbed, names: NameLookup, now: number, width: number): string[] {
  const bar = '  │ ';
  const lines: string[] = [];
  const inline = (text: string) => formatInline(text, names, now);
  if (embed.author?.name) lines.push(...wrap(inline(embed.author.name), bar, width));
  if (embed.title) lines.push(...wrap(inline(embed.title), bar, width));
  if (embed.url) lines.push(`${bar}<${embed.url}>`);
  if (embed.description) lines.push(...wrap(inline(embed.description), bar, width));
  for (const field of embed.fields ?? []) {
    lines.push(bar.trimEnd());
    lines.push(...wrap(`▸ ${inline(field.name)}`, bar, width));
    lines.push(...wrap(inline(field.value), `${bar}  `, width));
  }
  if (embed.image?.url) lines.push(`${bar}[image <${embed.image.url}>]`);
  const footer = [
    embed.footer?.text ? inline(embed.footer.text) : null,
    embed.timestamp ? formatInstant(Date.parse(embed.timestamp)) : null,
  ].filter((part) => part !== null);
  if (footer.length > 0) lines.push(...wrap(`— ${footer.join(' · ')}`, bar, width));
  if (lines.length === 0) return [];
  lines[0] = `  ┌ ${(lines[0] ?? '').slice(bar.length)}`;
  lines.push('  └');
  return lines;
}

function textDisplays(components: unknown): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    for (const component of value) {
      if (typeof component !== 'object' || component === null) continue;
      const entry = component as { type?: number; content?: unknown; components?: unknown };
      if (entry.type === 10 && typeof entry.content === 'string') texts.push(entry.content);
      visit(entry.components);
    }
  };
  visit(components);
  return texts;
}

const buttonStyleMarks: Record<number, string> = { 1: '', 2: '', 3: ' ✓', 4: ' ✗', 5: ' ↗' };

function renderComponents(message: LoopbackMessage, context: RenderContext, width: number): string[] {
  const lines: string[] = [];
  if (message.buttons.length > 0) {
    const buttons = message.buttons.map((button, index) => {
      const label = button.label ?? button.emoji ?? button.customId ?? '?';
      const emoji = button.emoji && button.label ? `${button.emoji} ` : '';
      const state = button.disabled ? ' (disabled)' : '';
      const link = button.url ? ` ${button.url}` : '';
      return `[${index + 1}] ${emoji}${label}${buttonStyleMarks[button.style] ?? ''}${link}${state}`;
    });
    lines.push(...wrap(buttons.join('   '), '  ', width));
    lines.push(`  (click with :click ${context.reference}.N, or :click N for the latest message)`);
  }
  message.selects.forEach((select, index) => {
    const placeholder = select.placeholder ?? select.customId;
    const picks = select.maxValues > 1 ? `pick ${select.minValues}-${select.maxValues}` : 'pick one';
    const options =
      select.options.length > 0
        ? select.options
            .map((option) => `${option.value}${option.label !== option.value ? ` (${option.label})` : ''}`)
            .join(' | ')
        : 'members, roles or channels by name';
    lines.push(
      ...wrap(
        `menu ${index + 1}: ${placeholder} — ${picks}${select.disabled ? ' (disabled)' : ''}: ${options}`,
        '  ',
        width,
      ),
    );
  });
  if (message.selects.length > 0) lines.push(`  (choose with :select ${context.reference}.N value[,value])`);
  return lines;
}

/** `812 bytes`, `1.2 kB`, `3.4 MB` */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const previewLines = 5;

/** Whether a file is text, by its content type or, without one, its name. */
export function isTextFile(attachment: LoopbackAttachment): boolean {
  if (attachment.contentType) return /^text\/|^application\/(json|yaml|xml|csv)/.test(attachment.contentType);
  return /\.(txt|csv|tsv|md|json|ya?ml|log|xml|html)$/i.test(attachment.filename);
}

function renderAttachments(message: LoopbackMessage, context: RenderContext, width: number): string[] {
  if (message.attachments.length === 0) return [];
  const lines: string[] = [];
  for (const attachment of message.attachments) {
    const kind = attachment.contentType ? `, ${attachment.contentType.replace(/;.*$/, '')}` : '';
    const about = attachment.description ? ` — ${attachment.description}` : '';
    lines.push(`  📎 ${attachment.filename} (${formatSize(attachment.size)}${kind})${about}`);
    const text = isTextFile(attachment) ? (context.attachmentText?.(attachment) ?? null) : null;
    if (text === null) continue;
    const fileLines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    for (const line of fileLines.slice(0, previewLines)) {
      const shown = line.length > width - 6 ? `${line.slice(0, width - 7)}…` : line;
      lines.push(`    │ ${shown}`.trimEnd());
    }
    if (fileLines.length > previewLines)
      lines.push(
        `    │ … ${fileLines.length - previewLines} more line${fileLines.length - previewLines === 1 ? '' : 's'}`,
      );
  }
  lines.push(
    `  (save ${message.attachments.length === 1 ? 'it' : 'them'} with :save ${context.reference} DIR)`,
  );
  return lines;
}

/** `09:05` in UTC, the time shown next to each message. */
export function formatTimeOfDay(ms: number): string {
  const date = new Date(ms);
  return `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}`;
}

function headline(message: LoopbackMessage, context: RenderContext): string {
  const parts = [
    `#${context.reference} ${message.author.username}${message.author.bot ? ' [bot]' : ''}`,
    formatTimeOfDay(message.createdAt),
  ];
  if (context.channelName) parts.push(`in #${shortenName(context.channelName)}`);
  if (message.interaction) {
    const invoker = context.names.user(message.interaction.userId) ?? message.interaction.userId;
    parts.push(
      message.interaction.name
        ? `answering /${message.interaction.name} by ${invoker}`
        : `answering ${invoker}`,
    );
  }
  if (message.ephemeral) parts.push('only you can see this');
  if (message.editedAt !== null) parts.push('edited');
  if (message.pinned) parts.push('pinned');
  return parts.join(' · ');
}

/** Renders a message as readable terminal lines: header, text, embeds, numbered buttons, menus, thread. */
export function renderMessage(message: LoopbackMessage, context: RenderContext): string[] {
  const width = context.width ?? 100;
  const author = message.author.username;
  if (message.deleted) return [`#${context.reference} (deleted)`];
  if (message.type === 6) {
    const pinned = message.referenceId ? (context.referenceOf?.(message.referenceId) ?? null) : null;
    return [
      `#${context.reference} ${author} pinned ${pinned === null ? 'a message' : `message #${pinned}`}.`,
    ];
  }
  if (message.type === 18) {
    const name = shortenName(message.content);
    return [`#${context.reference} ${author} started a thread: ${name} (join it with :in ${name})`];
  }
  if (message.loading) return [`#${context.reference} ${author} is thinking…`];
  const lines = [headline(message, context)];
  if (message.content.length > 0)
    lines.push(...wrap(formatInline(message.content, context.names, context.now), '  ', width));
  for (const text of textDisplays(message.components))
    lines.push(...wrap(formatInline(text, context.names, context.now), '  ', width));
  for (const embed of message.embeds) lines.push(...renderEmbed(embed, context.names, context.now, width));
  lines.push(...renderAttachments(message, context, width));
  lines.push(...renderComponents(message, context, width));
  if (message.threadId) {
    const name = shortenName(context.names.channel(message.threadId) ?? message.threadId);
    lines.push(`  🧵 thread "${name}" (enter it with :in ${name})`);
  }
  if (message.pings.everyone || message.pings.users.length > 0 || message.pings.roles.length > 0) {
    const pinged = [
      ...(message.pings.everyone ? ['@everyone'] : []),
      ...message.pings.users.map((id) => `@${context.names.user(id) ?? id}`),
      ...message.pings.roles.map((id) => `@${context.names.role(id) ?? id}`),
    ];
    lines.push(`  (pings ${pinged.join(', ')})`);
  }
  return lines;
}

/** Renders a modal the bot opened, with how to submit it. */
export function renderModal(modal: LoopbackModal): string[] {
  const lines = [`▢ ${modal.title}`];
  for (const field of modal.fields) {
    const limits = [
      field.required ? 'required' : 'optional',
      field.style === 2 ? 'paragraph' : 'short',
      field.maxLength !== null ? `max ${field.maxLength}` : null,
    ]
      .filter((part) => part !== null)
      .join(', ');
    const placeholder = field.placeholder ? ` — e.g. ${field.placeholder}` : '';
    lines.push(`  ${field.customId}: ${field.label ?? field.customId} (${limits})${placeholder}`);
  }
  const example = modal.fields.map((field) => `${field.customId}="…"`).join(' ');
  lines.push(`  (fill it with :submit ${example})`);
  return lines;
}

/** Renders autocomplete suggestions for `option`. */
export function renderChoices(option: string, choices: readonly AutocompleteChoice[]): string[] {
  if (choices.length === 0) return [`  no suggestions for ${option}`];
  return [
    `  suggestions for ${option}:`,
    ...choices.map(
      (choice) =>
        `    ${String(choice.value)}${choice.name !== String(choice.value) ? ` — ${choice.name}` : ''}`,
    ),
  ];
}
