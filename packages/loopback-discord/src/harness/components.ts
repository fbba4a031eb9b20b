import { LoopbackUsageError } from '../commands.js';
import { interactionTypes } from '../interactions/hub.js';
import type { Json } from '../json.js';
import type { MessageRecord } from '../model.js';
import type { ChannelRef, LoopbackMessage, LoopbackModal, LoopbackModalField } from '../types.js';
import { toLoopbackMessage } from '../views.js';
import { type ActorContext, answerOf, type Expectation, messageAnswerOf } from './answers.js';
import type { HarnessState } from './state.js';

/** The value a member submits for a text input, checked as the Discord client checks it. */
function checkedValue(
  field: LoopbackModalField | undefined,
  customId: string,
  typed: string | undefined,
): string {
  const value = typed ?? field?.value ?? '';
  const name = field?.label ?? customId;
  if (field?.required && value.length === 0) throw new LoopbackUsageError(`modal field ${name} is required`);
  if (field?.maxLength !== null && field?.maxLength !== undefined && value.length > field.maxLength) {
    throw new LoopbackUsageError(`modal field ${name} takes at most ${field.maxLength} characters`);
  }
  if (
    field?.minLength !== null &&
    field?.minLength !== undefined &&
    value.length > 0 &&
    value.length < field.minLength
  ) {
    throw new LoopbackUsageError(`modal field ${name} needs at least ${field.minLength} characters`);
  }
  return value;
}

/** The submitted components of a modal: its action rows (legacy) and labels, each with its text input's value. */
function submittedComponents(raw: Json, submitted: (customId: string) => string): Json[] {
  const input = (component: Json): Json => ({
    type: 4,
    custom_id: String(component.custom_id),
    value: submitted(String(component.custom_id)),
  });
  return (Array.isArray(raw.components) ? raw.components : []).flatMap((component: unknown): Json[] => {
    const entry = component as Json;
    if (entry.type === 1 && Array.isArray(entry.components)) {
      return [{ type: 1, components: (entry.components as Json[]).map(input) }];
    }
    if (entry.type === 18 && typeof entry.component === 'object' && entry.component !== null) {
      const child = entry.component as Json;
      if (child.type !== 4) return [];
      return [{ type: 18, ...(entry.id !== undefined ? { id: entry.id } : {}), component: input(child) }];
    }
    return [];
  });
}

/** Acting as a member on what the bot posted: buttons, select menus, modals, and forged interactions. */
export class ComponentActions {
  constructor(private readonly state: HarnessState) {}

  #startComponent(record: MessageRecord, actor: ActorContext, label: string, data: Json) {
    return this.state.hub.start({
      type: interactionTypes.component,
      userId: actor.as.id,
      channel: this.state.channel(record.channelId),
      label,
      data,
      sourceMessage: record,
    });
  }

  async click(
    message: LoopbackMessage | string,
    button: string | number,
    context: ActorContext & { expect?: Expectation },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.state.visibleMessage(message, context.as, `click ${String(button)}`);
    const current = toLoopbackMessage(this.state.store, record);
    const target =
      typeof button === 'number'
        ? current.buttons[button - 1]
        : (current.buttons.find((entry) => entry.label === button) ??
          current.buttons.find((entry) => entry.customId === button));
    const available = current.buttons
      .map((entry, index) => `${index + 1}. ${entry.label ?? entry.emoji ?? entry.customId ?? '?'}`)
      .join(', ');
    if (!target)
      throw new LoopbackUsageError(
        `no button ${String(button)} on message ${record.id} (buttons: ${available || 'none'})`,
      );
    if (target.disabled)
      throw new LoopbackUsageError(`button ${target.label ?? target.customId ?? ''} is disabled`);
    if (target.url || !target.customId)
      throw new LoopbackUsageError(
        `button ${target.label ?? ''} is a link to ${target.url ?? '?'}, not an interaction`,
      );
    const interaction = this.#startComponent(record, context, `button "${target.label ?? target.customId}"`, {
      custom_id: target.customId,
      component_type: 2,
    });
    return answerOf(this.state, interaction, context.expect);
  }

  async select(
    message: LoopbackMessage | string,
    menu: string,
    values: readonly string[],
    context: ActorContext & { expect?: Expectation },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.state.visibleMessage(message, context.as, `select ${menu}`);
    const current = toLoopbackMessage(this.state.store, record);
    const target =
      current.selects.find((entry) => entry.customId === menu) ??
      current.selects.find((entry) => entry.placeholder === menu);
    if (!target) throw new LoopbackUsageError(`no select menu ${menu} on message ${record.id}`);
    if (target.disabled) throw new LoopbackUsageError(`select menu ${menu} is disabled`);
    if (values.length < target.minValues || values.length > target.maxValues) {
      throw new LoopbackUsageError(
        `select menu ${menu} takes ${target.minValues} to ${target.maxValues} values`,
      );
    }
    if (target.type === 3) {
      for (const value of values) {
        if (!target.options.some((option) => option.value === value)) {
          throw new LoopbackUsageError(
            `select menu ${menu} has no option ${value} (options: ${target.options.map((option) => option.value).join(', ')})`,
          );
        }
      }
    }
    const interaction = this.#startComponent(
      record,
      context,
      `select "${target.placeholder ?? target.customId}"`,
      {
        custom_id: target.customId,
        component_type: target.type,
        values: [...values],
      },
    );
    return answerOf(this.state, interaction, context.expect);
  }

  async submitModal(
    modal: LoopbackModal,
    values: Readonly<Record<string, string>>,
    context: ActorContext,
  ): Promise<LoopbackMessage> {
    const opened = this.state.hub.records.get(modal.interactionId);
    if (!opened?.modal) throw new LoopbackUsageError('this modal was not opened by the bot');
    const view = opened.modal.view;
    for (const key of Object.keys(values)) {
      if (!view.fields.some((field) => field.customId === key || field.label === key)) {
        throw new LoopbackUsageError(
          `modal ${view.title} has no field ${key} (fields: ${view.fields.map((field) => field.customId).join(', ')})`,
        );
      }
    }
    const components = submittedComponents(opened.modal.raw, (customId) => {
      const field = view.fields.find((entry) => entry.customId === customId);
      return checkedValue(
        field,
        customId,
        values[customId] ?? (field?.label ? values[field.label] : undefined),
      );
    });
    const source = opened.sourceMessageId ? this.state.store.messages.get(opened.sourceMessageId) : undefined;
    const interaction = this.state.hub.start({
      type: interactionTypes.modalSubmit,
      userId: context.as.id,
      channel: this.state.channel(opened.channelId),
      label: `modal "${view.title}"`,
      data: { custom_id: view.customId, components },
      sourceMessage: source ?? null,
    });
    return messageAnswerOf(this.state, interaction);
  }

  forgeComponent(
    message: LoopbackMessage | string,
    forged: { customId: string; componentType?: number; values?: readonly string[] },
    context: ActorContext & { expect?: Expectation },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const record = this.state.visibleMessage(message, context.as, `forged component ${forged.customId}`);
    const interaction = this.#startComponent(record, context, `forged component "${forged.customId}"`, {
      custom_id: forged.customId,
      component_type: forged.componentType ?? 2,
      ...(forged.values ? { values: [...forged.values] } : {}),
    });
    return answerOf(this.state, interaction, context.expect ?? 'any');
  }

  async forgeModalSubmit(
    channelRef: ChannelRef,
    forged: { customId: string; fields: Readonly<Record<string, string>>; sourceMessage?: LoopbackMessage },
    context: ActorContext,
  ): Promise<LoopbackMessage> {
    const source = forged.sourceMessage
      ? this.state.visibleMessage(forged.sourceMessage, context.as, `forged modal ${forged.customId}`)
      : null;
    const interaction = this.state.hub.start({
      type: interactionTypes.modalSubmit,
      userId: context.as.id,
      channel: this.state.channel(channelRef),
      label: `forged modal "${forged.customId}"`,
      data: {
        custom_id: forged.customId,
        components: Object.entries(forged.fields).map(([customId, value]) => ({
          type: 18,
          component: { type: 4, custom_id: customId, value },
        })),
      },
      sourceMessage: source,
    });
    return messageAnswerOf(this.state, interaction);
  }
}
