import type { LoopbackButton, LoopbackMessage } from '@roundtable/loopback-discord';
import type { APIEmbed } from 'discord.js';
import { formatInline, formatTimeOfDay, type RenderContext, shortenName, wrap } from './render.js';

// What changed between two versions of a message, in a few words, so an edit prints as one line
// ("edited: title "Debate" → "Debate (closed)"; buttons disabled") instead of the whole message again.

const shortValue = 40;

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > shortValue ? `${flat.slice(0, shortValue - 1)}…` : flat}"`;
}

/** `"old" → "new"` when both are short, otherwise just whether it changed. */
function change(before: string, after: string): string {
  if (before.length === 0) return `${quoted(after)} added`;
  if (after.length === 0) return 'removed';
  return before.length <= shortValue && after.length <= shortValue
    ? `${quoted(before)} → ${quoted(after)}`
    : 'changed';
}

function embedChanges(before: APIEmbed, after: APIEmbed, inline: (text: string) => string): string[] {
  const changes: string[] = [];
  const title = (embed: APIEmbed) => inline(embed.title ?? '');
  if (title(before) !== title(after)) changes.push(`title ${change(title(before), title(after))}`);
  const description = (embed: APIEmbed) => inline(embed.description ?? '');
  if (description(before) !== description(after))
    changes.push(`description ${change(description(before), description(after))}`);
  const beforeFields = before.fields ?? [];
  const afterFields = after.fields ?? [];
  for (let index = 0; index < Math.max(beforeFields.length, afterFields.length); index += 1) {
    const was = beforeFields[index];
    const now = afterFields[index];
    if (!now) {
      if (was) changes.push(`field ${quoted(inline(was.name))} removed`);
      continue;
    }
    if (!was) {
      changes.push(`field ${quoted(inline(now.name))} added`);
      continue;
    }
    const [wasName, nowName] = [inline(was.name), inline(now.name)];
    const [wasValue, nowValue] = [inline(was.value), inline(now.value)];
    if (wasName !== nowName) changes.push(`field ${quoted(wasName)} → ${quoted(nowName)}`);
    else if (wasValue !== nowValue) changes.push(`field ${quoted(nowName)} ${change(wasValue, nowValue)}`);
  }
  const footer = (embed: APIEmbed) => inline(embed.footer?.text ?? '');
  if (footer(before) !== footer(after)) changes.push(`footer ${change(footer(before), footer(after))}`);
  if ((before.image?.url ?? '') !== (after.image?.url ?? '')) changes.push('image');
  if ((before.url ?? '') !== (after.url ?? '')) changes.push('link');
  return changes;
}

const buttonName = (button: LoopbackButton) => button.label ?? button.emoji ?? button.customId ?? '?';

function buttonChanges(before: readonly LoopbackButton[], after: readonly LoopbackButton[]): string[] {
  if (before.length !== after.length) {
    return after.length === 0
      ? ['buttons removed']
      : [`buttons now ${after.map((button) => quoted(buttonName(button))).join(', ')}`];
  }
  const changes: string[] = [];
  const renamed = after.flatMap((button, index) => {
    const was = before[index];
    return was && buttonName(was) !== buttonName(button)
      ? [`button ${quoted(buttonName(was))} → ${quoted(buttonName(button))}`]
      : [];
  });
  changes.push(...renamed);
  const toggled = after.filter((button, index) => before[index]?.disabled !== button.disabled);
  if (toggled.length > 0) {
    const all = toggled.length === after.length;
    const disabled = toggled.every((button) => button.disabled);
    const enabled = toggled.every((button) => !button.disabled);
    const state = disabled ? 'disabled' : enabled ? 'enabled' : 'enabled or disabled';
    changes.push(
      all
        ? `buttons ${state}`
        : `${toggled.map((button) => `button ${quoted(buttonName(button))}`).join(', ')} ${state}`,
    );
  }
  return changes;
}

/** The changes from `before` to `after`, in a few words each; empty when nothing a member sees changed but the pin. */
export function describeEdit(
  before: LoopbackMessage,
  after: LoopbackMessage,
  context: Pick<RenderContext, 'names' | 'now'>,
): string[] {
  const inline = (text: string) => formatInline(text, context.names, context.now);
  const changes: string[] = [];
  if (inline(before.content) !== inline(after.content))
    changes.push(`text ${change(inline(before.content), inline(after.content))}`);
  const embeds = Math.max(before.embeds.length, after.embeds.length);
  for (let index = 0; index < embeds; index += 1) {
    const was = before.embeds[index];
    const now = after.embeds[index];
    const prefix = embeds > 1 ? `embed ${index + 1} ` : '';
    if (!now) changes.push(`${prefix}embed removed`.trimStart());
    else if (!was) changes.push(`embed ${quoted(inline(now.title ?? now.description ?? ''))} added`);
    else changes.push(...embedChanges(was, now, inline).map((text) => `${prefix}${text}`));
  }
  const files = (message: LoopbackMessage) => message.attachments.map((file) => file.filename).join(', ');
  if (files(before) !== files(after))
    changes.push(after.attachments.length === 0 ? 'files removed' : `files now ${files(after)}`);
  const buttons = buttonChanges(before.buttons, after.buttons);
  changes.push(...buttons);
  const menus = JSON.stringify(before.selects) !== JSON.stringify(after.selects);
  if (menus) changes.push('menus');
  const layout = (message: LoopbackMessage) =>
    JSON.stringify(message.components).replace(/"custom_id":"[^"]*"/g, '');
  if (buttons.length === 0 && !menus && layout(before) !== layout(after)) changes.push('layout');
  if (before.pinned && !after.pinned) changes.push('unpinned');
  return changes;
}

/** `#2 Roundtable [bot] · edited 10:05: title "Debate" → "Debate (closed)"; buttons disabled (:show 2 for all of it)` */
export function renderEdit(
  message: LoopbackMessage,
  changes: readonly string[],
  context: RenderContext,
): string[] {
  const author = `${message.author.username}${message.author.bot ? ' [bot]' : ''}`;
  const where = context.channelName ? ` · in #${shortenName(context.channelName)}` : '';
  const when = formatTimeOfDay(message.editedAt ?? context.now);
  const text = `#${context.reference} ${author} · edited ${when}${where}: ${changes.join('; ')} (:show ${context.reference} for all of it)`;
  const [first = '', ...rest] = wrap(text, '  ', context.width ?? 100);
  return [first.trimStart(), ...rest];
}
