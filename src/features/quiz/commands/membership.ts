import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  RESTJSONErrorCodes,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { z } from 'zod';
import { hasDiscordCode } from '../../../platform/discord/failures.js';
import { answersClicker } from '../../../platform/discord/visibility.js';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import type { QuizContext } from '../discord/context.js';
import { discordRows } from '../discord/payloads.js';
import { checkRoleManagement, describeRoleManagement } from '../discord/quiz-permissions.js';
import type { QuizButtonRow } from '../messages/parts.js';
import { pingTexts, stopPingsRow } from '../messages/ping-messages.js';
import { quizActions, quizFeature } from '../messages/quiz-ids.js';
import { requireConfigured, requireQuizServer } from './shared.js';

type PingInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/** A private answer; a click on a private reply to the same member updates that reply in place. */
async function answer(interaction: PingInteraction, content: string, rows: QuizButtonRow[] = []) {
  const payload = { content, components: discordRows(rows), allowedMentions: { parse: [] } };
  if (!interaction.isChatInputCommand() && answersClicker(interaction)) await interaction.update(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}

/**
 * Gives or takes the quiz ping role: `/quiz join` and the 🔔 button only ever give it, `/quiz leave`
 * and "Stop pinging me" only ever take it.
 */
export async function changePings(
  interaction: PingInteraction,
  context: QuizContext,
  change: 'join' | 'leave',
): Promise<void> {
  const { guild, member } = requireQuizServer(interaction);
  const ping = requireConfigured(context.quiz.pingRole(guild.id));
  if (ping.kind === 'no-ping-role') throw new UserError(pingTexts.noPingRole);
  const role = guild.roles.cache.get(ping.roleId);
  if (!role) throw new UserError(pingTexts.roleGone);
  const problem = describeRoleManagement(checkRoleManagement(guild, role), role);
  if (problem) throw new UserError(pingTexts.cannotManage(problem));
  const has = member.roles.cache.has(role.id);
  const join = change === 'join';
  if (join === has) {
    if (has) await answer(interaction, pingTexts.alreadyJoined(role.toString()), [stopPingsRow]);
    else await answer(interaction, pingTexts.notJoined);
    return;
  }
  try {
    if (join)
      await guild.members.addRole({ user: interaction.user.id, role: role.id, reason: 'Joined quiz pings' });
    else
      await guild.members.removeRole({ user: interaction.user.id, role: role.id, reason: 'Left quiz pings' });
  } catch (error) {
    if (hasDiscordCode(error, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess))
      throw new UserError(pingTexts.refusedByDiscord(role.toString()));
    throw error;
  }
  await answer(interaction, join ? pingTexts.joined(role.toString()) : pingTexts.left);
}

/** 🔔 "Ping me for the daily quiz" under each question: joins, and never takes the pings away. */
export const bellButton = defineComponent({
  feature: quizFeature,
  action: quizActions.bell,
  args: z.tuple([]),
  handle: (interaction, _args, context: QuizContext) => changePings(interaction, context, 'join'),
});

/** "Stop pinging me" under the reply to a member who already gets pings: `/quiz leave` as a button. */
export const stopPingsButton = defineComponent({
  feature: quizFeature,
  action: quizActions.stopPings,
  args: z.tuple([]),
  handle: (interaction, _args, context: QuizContext) => changePings(interaction, context, 'leave'),
});
