import { isObject, type Json } from './json.js';
import type { MessageRecord } from './model.js';
import type { LoopbackStore } from './store.js';
import type {
  LoopbackButton,
  LoopbackMessage,
  LoopbackModal,
  LoopbackModalField,
  LoopbackSelect,
} from './types.js';

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function emojiText(emoji: unknown): string | null {
  if (!isObject(emoji)) return null;
  if (typeof emoji.name === 'string') return emoji.id ? `:${emoji.name}:` : emoji.name;
  return null;
}

function walkComponents(components: unknown, visit: (component: Json) => void): void {
  if (!Array.isArray(components)) return;
  for (const component of components) {
    if (!isObject(component)) continue;
    visit(component);
    walkComponents(component.components, visit);
    if (isObject(component.accessory)) visit(component.accessory);
    if (isObject(component.component)) visit(component.component);
  }
}

export function buttonsOf(components: unknown): LoopbackButton[] {
  const buttons: LoopbackButton[] = [];
  walkComponents(components, (component) => {
    if (component.type !== 2) return;
    buttons.push({
      label: stringOrNull(component.label),
      customId: stringOrNull(component.custom_id),
      url: stringOrNull(component.url),
      style: typeof component.style === 'number' ? component.style : 1,
      disabled: component.disabled === true,
      emoji: emojiText(component.emoji),
    });
  });
  return buttons;
}

export function selectsOf(components: unknown): LoopbackSelect[] {
  const selects: LoopbackSelect[] = [];
  walkComponents(components, (component) => {
    const type = component.type;
    if (typeof type !== 'number' || ![3, 5, 6, 7, 8].includes(type)) return;
    selects.push({
      type,
      customId: String(component.custom_id ?? ''),
      placeholder: stringOrNull(component.placeholder),
      minValues: typeof component.min_values === 'number' ? component.min_values : 1,
      maxValues: typeof component.max_values === 'number' ? component.max_values : 1,
      disabled: component.disabled === true,
      options: (Array.isArray(component.options) ? component.options : []).filter(isObject).map((option) => ({
        label: String(option.label ?? ''),
        value: String(option.value ?? ''),
        description: stringOrNull(option.description),
        isDefault: option.default === true,
      })),
    });
  });
  return selects;
}

export const ephemeralFlag = 1 << 6;
export const loadingFlag = 1 << 7;

export function toLoopbackMessage(store: LoopbackStore, record: MessageRecord): LoopbackMessage {
  const author = store.users.get(record.authorId);
  return structuredClone({
    kind: 'message' as const,
    id: record.id,
    type: record.type,
    channelId: record.channelId,
    guildId: record.guildId,
    author: { id: record.authorId, username: author?.username ?? 'unknown', bot: author?.bot ?? false },
    content: record.content,
    embeds: record.embeds,
    components: record.components,
    buttons: buttonsOf(record.components),
    selects: selectsOf(record.components),
    attachments: record.attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      size: attachment.size,
      contentType: attachment.content_type ?? null,
      description: attachment.description ?? null,
      url: attachment.url,
    })),
    flags: record.flags,
    ephemeral: (record.flags & ephemeralFlag) !== 0,
    loading: (record.flags & loadingFlag) !== 0,
    pinned: record.pinned,
    deleted: record.deleted,
    createdAt: record.createdAt,
    editedAt: record.editedAt,
    threadId: record.threadId,
    referenceId: record.reference?.messageId ?? null,
    interaction: record.interaction
      ? { id: record.interaction.id, name: record.interaction.name, userId: record.interaction.userId }
      : null,
    pings: record.pings,
  });
}

function modalField(input: Json, label: string | null): LoopbackModalField {
  return {
    customId: String(input.custom_id ?? ''),
    label: label ?? stringOrNull(input.label),
    style: typeof input.style === 'number' ? input.style : 1,
    required: input.required !== false,
    value: stringOrNull(input.value),
    placeholder: stringOrNull(input.placeholder),
    minLength: typeof input.min_length === 'number' ? input.min_length : null,
    maxLength: typeof input.max_length === 'number' ? input.max_length : null,
  };
}

/** Reads the text inputs of a modal callback's `data`, from action rows or label components. */
export function toLoopbackModal(
  data: Json,
  context: { interactionId: string; sourceMessageId: string | null; channelId: string },
): LoopbackModal {
  const fields: LoopbackModalField[] = [];
  for (const component of Array.isArray(data.components) ? data.components : []) {
    if (!isObject(component)) continue;
    if (component.type === 1) {
      for (const child of Array.isArray(component.components) ? component.components : []) {
        if (isObject(child) && child.type === 4) fields.push(modalField(child, null));
      }
    } else if (component.type === 18 && isObject(component.component) && component.component.type === 4) {
      fields.push(modalField(component.component, stringOrNull(component.label)));
    }
  }
  return {
    kind: 'modal',
    interactionId: context.interactionId,
    customId: String(data.custom_id ?? ''),
    title: String(data.title ?? ''),
    fields,
    sourceMessageId: context.sourceMessageId,
    channelId: context.channelId,
  };
}
