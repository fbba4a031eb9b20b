import type {
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  MemberRef,
  RoleRef,
} from '@roundtable/loopback-discord';
import { questionBankOf } from '../../src/features/quiz/core/bank.js';
import { type BankQuestion, chooseQuestion } from '../../src/features/quiz/core/questions.js';
import { createQuizStorage } from '../../src/features/quiz/storage/index.js';
import type { ContentLibrary } from '../../src/features/story-packs/core/index.js';
import { startWorld } from '../support/harness.js';

export interface QuizServer {
  guild: GuildRef;
  channel: ChannelRef;
  role: RoleRef;
  admin: MemberRef;
  alice: MemberRef;
  bob: MemberRef;
  carol: MemberRef;
}

function seedQuizServers(discord: LoopbackDiscord, count: number): QuizServer[] {
  const servers: QuizServer[] = [];
  for (let index = 0; index < count; index += 1) {
    const guild = discord.seedGuild({ name: `Politics ${index + 1}` });
    servers.push({
      guild,
      channel: discord.addChannel(guild, { name: 'quiz' }),
      role: discord.addRole(guild, { name: 'Quiz', mentionable: true }),
      admin: discord.addMember(guild, { username: `admin${index + 1}`, permissions: ['ManageGuild'] }),
      alice: discord.addMember(guild, { username: `alice${index + 1}` }),
      bob: discord.addMember(guild, { username: `bob${index + 1}` }),
      carol: discord.addMember(guild, { username: `carol${index + 1}` }),
    });
  }
  return servers;
}

/**
 * The shared harness (loopback Discord, real bot, manual clock from 2026-11-25 07:00 UTC, captured logs)
 * with quiz servers seeded and quiz helpers. Answer-count edits wait a minute unless flushed. The bot
 * reads the real story packs unless given others.
 */
export async function startQuizWorld(options: { servers?: number; content?: ContentLibrary } = {}) {
  const world = await startWorld({
    seed: (discord) => ({ servers: seedQuizServers(discord, options.servers ?? 1) }),
    start: '2026-11-25T07:00:00Z',
    botOptions: { quizCountEditIntervalMs: 60_000 },
    ...(options.content ? { content: options.content } : {}),
  });
  const storage = createQuizStorage(world.db);
  const { discord, content } = world;
  return Object.assign(world, {
    storage,
    server: world.servers[0] as QuizServer,
    /** The question the schedule will ask the server on `localDate`, given what it asked before. */
    expectedQuestion(target: QuizServer, localDate: string): BankQuestion {
      const choice = chooseQuestion({
        bank: questionBankOf(content),
        history: storage.rounds.history(target.guild.id),
        guildId: target.guild.id,
        localDate,
      });
      if (choice.kind === 'empty') throw new Error('no question left');
      return choice.question;
    },
    setUp(target: QuizServer, values: Record<string, string | number> = {}) {
      return discord.slash(
        'quiz setup',
        { channel: target.channel.id, time: '09:00', timezone: 'Europe/London', ...values },
        { as: target.admin, channel: target.channel },
      );
    },
    /** Messages the bot posted in the server's quiz channel, oldest first. */
    posts(target: QuizServer): LoopbackMessage[] {
      return discord.messagesIn(target.channel).filter((message) => message.author.bot && !message.ephemeral);
    },
  });
}

export type QuizWorld = Awaited<ReturnType<typeof startQuizWorld>>;
