import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  RESTJSONErrorCodes,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { z } from 'zod';
import { hasDiscordCode } from '../../../platform/discord/failures.js';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import type { QuizContext } from '../discord/context.js';
import { checkRoleManagement, describeRoleManagement } from '../discord/quiz-permissions.js';
import { quizActions, quizFeature } from '../messages/quiz-ids.js';
import { requireConfigured, requireQuizServer } from './shared.js';

type Change = 'join' | 'leave' | 'toggle';

/** Gives or takes the quiz ping role: `/quiz join`, `/quiz leave` and the 🔔 button. */
export async function changePings(
  interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  context: QuizContext,
  change: Change,
): Promise<void> {
  const { guild, member } = requireQuizServer(interaction);
  const ping = requireConfigured(context.quiz.pingRole(guild.id));
  if (ping.kind === 'no-ping-role')
    throw new UserError(
      'This server’s quiz has no ping role, so there is nothing to join. An admin can add one with `/quiz setup ping-role:`.',
    );
  const role = guild.roles.cache.get(ping.roleId);
  if (!role)
    throw new UserError(
      'The quiz ping role no longer exists. Ask an admin to pick a new one with `/quiz setup`.',
    );
  const problem = describeRoleManagement(checkRoleManagement(guild, role), role);
  if (problem) throw new UserError(`I cannot change your quiz pings: ${problem} Please tell an admin.`);
  const has = member.roles.cache.has(role.id);
  const join = change === 'toggle' ? !has : change === 'join';
  if (join === has) {
    await interaction.reply({
      content: has
        ? `You already get pinged for the daily quiz (${role.toString()}). Leave with \`/quiz leave\`.`
        : 'You are not on the quiz pings. Join with `/quiz join` or the 🔔 button.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  try {
    if (join)
      await guild.members.addRole({ user: interaction.user.id, role: role.id, reason: 'Joined quiz pings' });
    else
      await guild.members.removeRole({ user: interaction.user.id, role: role.id, reason: 'Left quiz pings' });
  } catch (error) {
    if (hasDiscordCode(error, RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess))
      throw new UserError(
        `Discord did not let me change ${role.toString()}: I need Manage Roles and a role above it. Please tell an admin.`,
      );
    throw error;
  }
  await interaction.reply({
    content: join
      ? `🔔 You will be pinged for each daily question (${role.toString()}). Leave any time with \`/quiz leave\`.`
      : `🔕 You will no longer be pinged for the daily quiz.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

export const bellButton = defineComponent({
  feature: quizFeature,
  action: quizActions.bell,
  args: z.tuple([]),
  handle: (interaction, _args, context: QuizContext) => changePings(interaction, context, 'toggle'),
});
