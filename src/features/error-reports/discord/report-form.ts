import {
  ComponentType,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { reportLinkMax, reportTextLimits } from '../core/report-input.js';
import { reportFormText } from '../messages/report-messages.js';
import { type ReportTarget, reportCustomId } from './report-target.js';

export const reportFields = { what: 'what', link: 'link' } as const;

/** The form: what is wrong (required, 10 to 1000 characters) and a source link (optional). */
export function buildReportForm(target: ReportTarget): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(reportCustomId('send', target))
    .setTitle(reportFormText.title)
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(reportFormText.whatLabel)
        .setDescription(reportFormText.whatDescription)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(reportFields.what)
            .setStyle(TextInputStyle.Paragraph)
            .setMinLength(reportTextLimits.min)
            .setMaxLength(reportTextLimits.max)
            .setRequired(true),
        ),
      new LabelBuilder()
        .setLabel(reportFormText.linkLabel)
        .setDescription(reportFormText.linkDescription)
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(reportFields.link)
            .setStyle(TextInputStyle.Short)
            .setMaxLength(reportLinkMax)
            .setRequired(false),
        ),
    );
}

/** A text field of the submitted form, or undefined when it is missing (a tampered submit). */
export function readFormField(interaction: ModalSubmitInteraction, customId: string): string | undefined {
  const field = interaction.fields.fields.get(customId);
  return field?.type === ComponentType.TextInput ? field.value : undefined;
}
