import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { z } from 'zod';
import { defineComponent } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import type { QuizContext } from '../discord/context.js';
import { checkRoleManagement, describeRoleManagement } from '../discord/quiz-permissions.js';
import { quizActions, quizFeature } from '../messages/quiz-messages.js';
import { requireQuizConfig } from './shared.js';

type Change = 'join' | 'leave' | 'toggle';

async function changePings(
  interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  context: QuizContext,
  change: Change,
): Promise<void> {
  if (!interaction.inCachedGuild())
    throw new UserError('The daily quiz works inside a server, not in direct messages.');
  const guild = interaction.guild;
  const config = requireQuizConfig(context, guild.id);
  if (!config.pingRoleId)
    throw new UserError(
      'This server’s quiz has no ping role, so there is nothing to join. An admin can add one with `/quiz setup ping-role:`.',
    );
  const role = guild.roles.cache.get(config.pingRoleId);
  if (!role)
    throw new UserError(
      'The quiz ping role no longer exists. Ask an admin to pick a new one with `/quiz setup`.',
    );
  const problem = describeRoleManagement(checkRoleManagement(guild, role), role);
  if (problem) throw new UserError(`I cannot change your quiz pings: ${problem} Please tell an admin.`);
  const has = interaction.member.roles.cache.has(role.id);
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
    if (
      error instanceof DiscordAPIError &&
      (error.code === RESTJSONErrorCodes.MissingPermissions ||
        error.code === RESTJSONErrorCodes.MissingAccess)
    )
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

export function runJoin(interaction: ChatInputCommandInteraction, context: QuizContext): Promise<void> {
  return changePings(interaction, context, 'join');
}

export function runLeave(interaction: ChatInputCommandInteraction, context: QuizContext): Promise<void> {
  return changePings(interaction, context, 'leave');
}

export const bellButton = defineComponent({
  feature: quizFeature,
  action: quizActions.bell,
  args: z.tuple([]),
  handle: (interaction, _args, context: QuizContext) => changePings(interaction, context, 'toggle'),
});
