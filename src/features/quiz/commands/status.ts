import { type ChatInputCommandInteraction, MessageFlags, TimestampStyles, time } from 'discord.js';
import { questionBankOf } from '../core/bank.js';
import { scheduleOf } from '../core/config.js';
import { questionsLeft } from '../core/questions.js';
import type { QuizRound } from '../core/round.js';
import { nextWindow } from '../core/schedule.js';
import { localDateAt } from '../core/time.js';
import type { QuizContext } from '../discord/context.js';
import { missingChannelPermissions } from '../discord/quiz-permissions.js';
import { hasManageServer, readQuizConfig, requireCachedGuild } from './shared.js';

/** Discord's error texts can name channels and permissions, so only members who manage the server see them. */
function describeRound(round: QuizRound, guildId: string, showReasons: boolean): string {
  const link = round.messageId
    ? ` ([question](https://discord.com/channels/${guildId}/${round.channelId}/${round.messageId}))`
    : '';
  switch (round.state) {
    case 'posting':
      if (!round.lastError) return 'being posted';
      return `not posted yet; retrying ${round.retryAt ? time(new Date(round.retryAt), TimestampStyles.RelativeTime) : 'soon'}${showReasons ? ` after: ${round.lastError}` : ''}`;
    case 'open':
      return `open until ${time(new Date(round.closesAt), TimestampStyles.RelativeTime)}${link}${round.late ? ', posted late' : ''}`;
    case 'closed': {
      const results =
        round.resultsState === 'failed'
          ? `; ⚠️ results could not be published${showReasons ? `: ${round.lastError ?? 'unknown reason'}` : ''}`
          : round.resultsState === 'pending'
            ? '; results being published'
            : '';
      return `closed with ${round.players ?? 0} player${round.players === 1 ? '' : 's'}${link}${results}`;
    }
    case 'failed':
      return showReasons
        ? `⚠️ failed: ${round.failure ?? 'unknown reason'}. Once that is fixed, \`/quiz setup\` posts the question again while its answers could still be open.`
        : '⚠️ failed: the question could not be posted. Members with Manage Server can see why here.';
  }
}

export async function runStatus(
  interaction: ChatInputCommandInteraction,
  context: QuizContext,
): Promise<void> {
  const guildId = requireCachedGuild(interaction).guildId;
  const state = readQuizConfig(context, guildId);
  if (state.kind === 'none') {
    await interaction.reply({
      content: 'The daily quiz is not set up in this server. An admin can start it with `/quiz setup`.',
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (state.kind === 'invalid') {
    await interaction.reply({
      content: `⚠️ The stored quiz settings of this server are damaged and are being ignored (${state.problems.join('; ')}). An admin can run \`/quiz setup\` again to fix them.`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const config = state.config;
  const now = context.clock.now();
  const rounds = context.quiz.storage.rounds;
  const today = localDateAt(now, config.timeZone);
  const bank = questionBankOf(context.content);
  const left = questionsLeft(bank, rounds.history(guildId), today);
  const stories = new Set(bank.map((question) => question.storyId)).size;
  const lines = [
    `**Daily quiz** · ${config.paused ? '⏸️ paused' : '▶️ active'}`,
    `Channel: <#${config.channelId}>`,
    `Posts at **${config.postTime}** ${config.timeZone}; answers open for ${config.durationMinutes / 60} hours.`,
  ];
  if (config.paused) lines.push('Next question: none while paused (`/quiz resume` to restart).');
  else {
    const next = nextWindow(scheduleOf(config), now, (date) => Boolean(rounds.byDate(guildId, date)));
    lines.push(
      next.postAt <= now
        ? `Next question: due now (posting within a minute).`
        : `Next question: ${time(new Date(next.postAt), TimestampStyles.LongDateTime)} (${time(new Date(next.postAt), TimestampStyles.RelativeTime)})`,
    );
  }
  lines.push(
    `Ping role: ${config.pingRoleId ? `<@&${config.pingRoleId}>` : 'none'}`,
    `Question bank: ${left.unasked} of ${left.askable} questions not asked yet, from ${stories} stor${stories === 1 ? 'y' : 'ies'}${left.unasked === 0 && left.askable > 0 ? ' (repeating the least recently asked)' : ''}.`,
  );
  const latest = rounds.latest(guildId);
  if (latest)
    lines.push(
      `Latest round (${latest.localDate}): ${describeRound(latest, guildId, hasManageServer(interaction))}`,
    );
  const channel = interaction.guild?.channels.cache.get(config.channelId);
  if (!channel) lines.push('⚠️ The quiz channel no longer exists: run `/quiz setup` with a new channel.');
  else {
    const missing = missingChannelPermissions(channel);
    if (missing.length > 0) lines.push(`⚠️ I lack ${missing.join(', ')} in <#${channel.id}>.`);
  }
  await interaction.reply({ content: lines.join('\n'), flags: MessageFlags.Ephemeral });
}
