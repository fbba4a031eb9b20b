import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { checkBotPermissions, modLogPermissions } from '../../../platform/discord/permissions.js';
import type { ChatInputCommand } from '../../../platform/router/command.js';
import { UserError } from '../../../platform/router/errors.js';
import { formatDuration } from '../../debate/core/duration.js';
import { maximumTimeoutMinutes } from '../../debate/core/escalation.js';
import type { SettingsContext } from '../discord/context.js';

function requireAdmin(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild())
    throw new UserError('Settings belong to a server. Use this in a server channel.');
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    throw new UserError('Only server admins (Manage Server) can change Roundtable settings.');
  return interaction.guildId;
}

function describeTimeout(minutes: number): string {
  return minutes === 0 ? 'no timeout' : `a timeout of ${formatDuration(minutes * 60_000)}`;
}

async function setModLog(
  interaction: ChatInputCommandInteraction,
  context: SettingsContext,
  guildId: string,
): Promise<void> {
  const chosen = interaction.options.getChannel('channel', true, [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
  ]);
  const channel = interaction.guild?.channels.cache.get(chosen.id);
  if (!channel || channel.isThread() || !channel.isTextBased())
    throw new UserError('Pick a text channel of this server for the mod log.');
  const me = context.client.user;
  const check = checkBotPermissions(me ? channel.permissionsFor(me) : null, modLogPermissions, channel.id);
  if (check.kind === 'missing') throw new UserError(check.message);
  context.settings.update(guildId, { modLogChannelId: channel.id }, context.clock.now());
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let confirmation = 'I posted a first line there.';
  try {
    await channel.send({
      content: `📋 <@${interaction.user.id}> chose this channel as Roundtable's mod log: debate moderator actions and reports are posted here.`,
      allowedMentions: { parse: [] },
    });
  } catch (error) {
    context.logger.warn({ err: error, guildId, channelId: channel.id }, 'could not post to the new mod log');
    confirmation = 'I could not post there just now; check my permissions in that channel.';
  }
  await interaction.editReply({
    content: `The mod log is now <#${channel.id}>: every debate moderator action and report is posted there. ${confirmation}`,
  });
}

async function setDebateWarnings(
  interaction: ChatInputCommandInteraction,
  context: SettingsContext,
  guildId: string,
): Promise<void> {
  const limit = interaction.options.getInteger('limit');
  const timeoutMinutes = interaction.options.getInteger('timeout-minutes');
  if (limit !== null && (limit < 1 || limit > 10)) throw new UserError('The warning limit is from 1 to 10.');
  if (timeoutMinutes !== null && (timeoutMinutes < 0 || timeoutMinutes > maximumTimeoutMinutes))
    throw new UserError('The timeout is from 0 (none) to 40320 minutes (28 days).');
  const current =
    limit === null && timeoutMinutes === null
      ? context.settings.get(guildId)
      : context.settings.update(
          guildId,
          {
            ...(limit === null ? {} : { debateWarningLimit: limit }),
            ...(timeoutMinutes === null ? {} : { debateTimeoutMinutes: timeoutMinutes }),
          },
          context.clock.now(),
        );
  const changed = limit !== null || timeoutMinutes !== null;
  await interaction.reply({
    content: `${changed ? 'Saved. ' : ''}At ${current.debateWarningLimit} ${current.debateWarningLimit === 1 ? 'warning' : 'warnings'} in a debate, a member is removed from the thread and gets ${describeTimeout(current.debateTimeoutMinutes)} (when I have Timeout Members).`,
    flags: MessageFlags.Ephemeral,
  });
}

type SettingHandler = (
  interaction: ChatInputCommandInteraction,
  context: SettingsContext,
  guildId: string,
) => Promise<void>;

const handlers = new Map<string, SettingHandler>([
  ['modlog', setModLog],
  ['debate-warnings', setDebateWarnings],
]);

export default {
  kind: 'chat-input',
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription("Roundtable's settings for this server (admins)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((subcommand) =>
      subcommand
        .setName('modlog')
        .setDescription('Choose the channel where moderator actions and reports are posted')
        .addChannelOption((option) =>
          option
            .setName('channel')
            .setDescription('A text channel moderators can read')
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    )
    .addSubcommand((subcommand) =>
      subcommand
        .setName('debate-warnings')
        .setDescription('How many debate warnings lead to removal, and the timeout then (empty: show)')
        .addIntegerOption((option) =>
          option
            .setName('limit')
            .setDescription('Warnings before removal (1-10, default 3)')
            .setMinValue(1)
            .setMaxValue(10),
        )
        .addIntegerOption((option) =>
          option
            .setName('timeout-minutes')
            .setDescription('Timeout at the limit in minutes (0 for none, default 60, at most 40320)')
            .setMinValue(0)
            .setMaxValue(maximumTimeoutMinutes),
        ),
    )
    .toJSON(),
  audience: 'admin',
  help: 'Server settings: the mod-log channel and the debate warning limit and timeout.',
  subcommands: {
    modlog: { audience: 'admin', help: 'Choose the mod-log channel for debate moderation and reports.' },
    'debate-warnings': {
      audience: 'admin',
      help: 'Set how many debate warnings lead to removal and a timeout.',
    },
  },
  async execute(interaction, context) {
    const guildId = requireAdmin(interaction);
    const handler = handlers.get(interaction.options.getSubcommand());
    if (handler === undefined) throw new UserError('This setting is no longer available.');
    await handler(interaction, context, guildId);
  },
} satisfies ChatInputCommand<SettingsContext>;
