import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';
import type { QuizButtonRow, QuizCard, QuizMessage } from '../messages/parts.js';
import type { QuizMessageEdit } from '../use-cases/quiz-channels.js';

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export function discordRows(rows: readonly QuizButtonRow[]): ButtonRow[] {
  return rows.map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((button) => ({
      type: ComponentType.Button,
      style: button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      custom_id: button.customId,
      label: button.label,
      ...(button.disabled === undefined ? {} : { disabled: button.disabled }),
      ...(button.emoji === undefined ? {} : { emoji: { name: button.emoji } }),
    })),
  }));
}

/** A private reply or an update in place. */
export function discordCard(card: QuizCard): { embeds: APIEmbed[]; components: ButtonRow[] } {
  return { embeds: card.embeds, components: discordRows(card.rows) };
}

/** A message posted in the quiz channel: it pings only the roles it names. */
export function discordMessage(message: QuizMessage): {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: MessageMentionOptions;
} {
  return {
    content: message.content,
    embeds: message.embeds,
    components: discordRows(message.rows),
    allowedMentions:
      message.pingRoleIds.length > 0 ? { parse: [], roles: message.pingRoleIds } : { parse: [] },
  };
}

export function discordEdit(edit: QuizMessageEdit): { embeds: APIEmbed[]; components?: ButtonRow[] } {
  return edit.rows === undefined
    ? { embeds: edit.embeds }
    : { embeds: edit.embeds, components: discordRows(edit.rows) };
}
