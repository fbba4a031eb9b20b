import { performance } from 'node:perf_hooks';
import type {
  AutocompleteChoice,
  ChannelRef,
  GuildRef,
  LoopbackDiscord,
  LoopbackMessage,
  LoopbackModal,
  MemberRef,
  RoleRef,
} from '@roundtable/loopback-discord';
import { LoopbackUsageError } from '@roundtable/loopback-discord';
import { startWorld, type World } from '../../support/harness.js';
import type { MentionTargets } from './hostile.js';
import { changedTables, readStoredState } from './stored-state.js';

/** One server of the fuzz world: channels, a quiz role, a moderator, an admin, members and warn targets. */
export interface FuzzServer {
  guild: GuildRef;
  politics: ChannelRef;
  quiz: ChannelRef;
  modLog: ChannelRef;
  role: RoleRef;
  mod: MemberRef;
  admin: MemberRef;
  members: MemberRef[];
  /** Members only ever warned, never acting, so warnings and timeouts do not get in the fuzz's way. */
  targets: MemberRef[];
}

function seedServer(discord: LoopbackDiscord, name: string, memberCount: number): FuzzServer {
  const guild = discord.seedGuild({ name });
  const prefix = name.toLowerCase();
  return {
    guild,
    politics: discord.addChannel(guild, { name: 'politics' }),
    quiz: discord.addChannel(guild, { name: 'quiz' }),
    modLog: discord.addChannel(guild, { name: 'mod-log' }),
    role: discord.addRole(guild, { name: 'Quiz', mentionable: true }),
    mod: discord.addMember(guild, {
      username: `${prefix}-mod`,
      permissions: ['ManageThreads', 'ManageMessages'],
    }),
    admin: discord.addMember(guild, { username: `${prefix}-admin`, permissions: ['ManageGuild'] }),
    members: Array.from({ length: memberCount }, (_, index) =>
      discord.addMember(guild, { username: `${prefix}-member-${index + 1}` }),
    ),
    targets: Array.from({ length: 3 }, (_, index) =>
      discord.addMember(guild, { username: `${prefix}-target-${index + 1}` }),
    ),
  };
}

function seedFuzzServers(discord: LoopbackDiscord) {
  return { home: seedServer(discord, 'Home', 12), away: seedServer(discord, 'Away', 3) };
}

/** The outcome of one fuzz case as a member sees it. */
export type CaseOutcome =
  | { kind: 'answered'; reply: LoopbackMessage | LoopbackModal | AutocompleteChoice[]; latencyMs: number }
  | { kind: 'client-refused'; reason: string };

/** Figures a fuzz suite prints and RELIABILITY.md quotes. */
export interface FuzzFigures {
  cases: number;
  answered: number;
  clientRefused: number;
  changedState: number;
  requests: number;
  maxLatencyMs: number;
  latencies: number[];
}

export interface FuzzCase {
  label: string;
  /** Whether the input is valid, so that stored data may change. */
  mayChange: boolean;
  /** A message that must not be edited by this case (another member's paged message). */
  untouchable?: LoopbackMessage;
  act(): Promise<LoopbackMessage | LoopbackModal | AutocompleteChoice[]>;
}

/**
 * The loopback Discord with the real bot, two servers with the daily quiz posted and a debate open in each,
 * a mod log, member messages to report and credit, and a paged summary owned by a member. `check` runs one
 * case and verifies what every case must hold.
 */
export async function startFuzzWorld() {
  const world = await startWorld({
    seed: seedFuzzServers,
    start: '2026-11-26T08:00:00Z',
    loopback: { recordLimit: 1_000_000 },
    botOptions: { quizCountEditIntervalMs: 600_000 },
  });
  const { discord, home, away } = world;
  for (const server of [home, away]) {
    await discord.slash(
      'quiz setup',
      {
        channel: server.quiz.id,
        time: '09:00',
        timezone: 'Europe/London',
        'ping-role': server.role.id,
      },
      { as: server.admin, channel: server.quiz },
    );
    await discord.slash(
      'settings modlog',
      { channel: server.modLog.id },
      { as: server.admin, channel: server.politics },
    );
  }
  await world.tick('2026-11-26T09:00:00Z');
  const questionOf = (server: FuzzServer): LoopbackMessage => {
    const question = discord.messagesIn(server.quiz).find((message) => message.buttons.length > 0);
    if (!question) throw new Error(`no quiz question in ${server.guild.name}`);
    return question;
  };
  const debateIn = async (server: FuzzServer) => {
    await discord.slash(
      'debate start',
      { motion: 'Japan should double its defence budget', duration: '7d' },
      { as: server.mod, channel: server.politics },
    );
    const thread = discord.threadsIn(server.politics).at(-1);
    if (!thread) throw new Error('no debate thread');
    const card = discord.messagesIn(thread).find((message) => message.buttons.length > 0);
    if (!card) throw new Error('no opening card');
    return { thread, card };
  };
  const homeDebate = await debateIn(home);
  const awayDebate = await debateIn(away);
  world.clock.advance(10_000);
  const argument = discord.postMessage(
    homeDebate.thread,
    home.members[1] as MemberRef,
    'Budgets follow threats.',
  );
  const awayArgument = discord.postMessage(
    awayDebate.thread,
    away.members[0] as MemberRef,
    'Not in our name.',
  );
  const chatter = discord.postMessage(home.politics, home.members[2] as MemberRef, 'What do we think?');
  const summary = await discord.slash(
    'summary',
    { story: 'us-japan-alliance', length: 'full' },
    { as: home.members[0] as MemberRef, channel: home.politics },
  );
  const prompt = await discord.slash('debate prompt', {}, { as: home.mod, channel: home.politics });
  const privateReplies = [
    await discord.slash('quiz practice', {}, { as: home.members[3] as MemberRef, channel: home.quiz }),
    await discord.slash(
      'timeline',
      { story: 'us-japan-alliance', ephemeral: true },
      { as: home.members[3] as MemberRef, channel: home.politics },
    ),
    await discord.slash(
      'factcheck',
      { story: 'japan-defence-buildup', ephemeral: true },
      { as: home.members[3] as MemberRef, channel: home.politics },
    ),
    await discord.slash('help', {}, { as: home.members[3] as MemberRef, channel: home.politics }),
  ];
  await waitForQuiet(discord);

  const mentionTargets: MentionTargets = {
    userIds: [home, away].flatMap((server) => [
      server.mod.id,
      server.admin.id,
      ...server.members.map((member) => member.id),
    ]),
    roleIds: [home.role.id, home.guild.everyoneRoleId, away.role.id],
    channelIds: [home.politics.id, home.quiz.id, away.politics.id, homeDebate.thread.id],
  };

  const figures: FuzzFigures = {
    cases: 0,
    answered: 0,
    clientRefused: 0,
    changedState: 0,
    requests: 0,
    maxLatencyMs: 0,
    latencies: [],
  };
  const violations: string[] = [];
  discord.onMessage((change, message) => {
    if (change !== 'created') return;
    const { users, roles, everyone } = message.pings;
    if (users.length > 0 || roles.length > 0 || everyone)
      violations.push(
        `message ${message.id} (type ${message.type}, in ${message.channelId}, reply to ${message.referenceId}) by ${message.author.username} pinged ${JSON.stringify(message.pings)}: ${JSON.stringify(message.content.slice(0, 300))}`,
      );
  });

  /** Runs one case and checks it: answered within 3 s, every body accepted, no ping, no change unless valid. */
  async function check(fuzzCase: FuzzCase): Promise<CaseOutcome> {
    violations.length = 0;
    world.clock.advance(1_000);
    const firstRequest = discord.requests.length;
    const firstLog = world.logs.length;
    const before = readStoredState(world.db);
    const untouched = fuzzCase.untouchable ? discord.message(fuzzCase.untouchable.id) : null;
    const startedAt = performance.now();
    let outcome: CaseOutcome;
    try {
      const reply = await fuzzCase.act();
      outcome = { kind: 'answered', reply, latencyMs: performance.now() - startedAt };
    } catch (error) {
      if (!(error instanceof LoopbackUsageError)) throw new Error(`${fuzzCase.label}: ${String(error)}`);
      outcome = { kind: 'client-refused', reason: error.message };
    }
    const problems = [...violations];
    const after = readStoredState(world.db);
    const changed = changedTables(before, after);
    if (changed.length > 0 && !fuzzCase.mayChange)
      problems.push(`stored data changed on invalid input: ${changed.join(', ')}`);
    for (const request of discord.requests.slice(firstRequest)) {
      const code = (request.response as { code?: number } | null)?.code;
      if (request.status === 400 || code === 10062 || code === 40060)
        problems.push(
          `${request.method} ${request.path} answered ${request.status}: ${JSON.stringify(request.response)}`,
        );
    }
    for (const line of world.logs.slice(firstLog)) {
      if (line.level >= 50 || /expired/.test(line.msg))
        problems.push(`logged: ${line.msg} ${JSON.stringify(line.err ?? '').slice(0, 600)}`);
    }
    if (untouched) {
      const now = discord.message(untouched.id);
      if (now?.editedAt !== untouched.editedAt)
        problems.push(`another member's message ${untouched.id} was changed`);
    }
    if (outcome.kind === 'answered' && outcome.latencyMs >= 3_000)
      problems.push(`answered after ${Math.round(outcome.latencyMs)} ms`);
    if (problems.length > 0) throw new Error(`${fuzzCase.label}:\n- ${problems.join('\n- ')}`);
    figures.cases += 1;
    figures.requests += discord.requests.length - firstRequest;
    if (changed.length > 0) figures.changedState += 1;
    if (outcome.kind === 'answered') {
      figures.answered += 1;
      figures.latencies.push(outcome.latencyMs);
      figures.maxLatencyMs = Math.max(figures.maxLatencyMs, outcome.latencyMs);
    } else figures.clientRefused += 1;
    return outcome;
  }

  const homeQuestion = questionOf(home);
  const awayQuestion = questionOf(away);
  /** Every custom id the bot put on a message in either server. */
  const genuineIds = [
    homeQuestion,
    awayQuestion,
    homeDebate.card,
    awayDebate.card,
    summary,
    prompt,
    ...privateReplies,
  ].flatMap((message) =>
    'buttons' in message
      ? [
          ...message.buttons.flatMap((button) => (button.customId ? [button.customId] : [])),
          ...message.selects.map((select) => select.customId),
        ]
      : [],
  );

  return {
    world,
    discord,
    home,
    away,
    homeQuestion,
    awayQuestion,
    genuineIds,
    homeDebate: { ...homeDebate, argument },
    awayDebate: { ...awayDebate, argument: awayArgument },
    chatter,
    summary,
    prompt,
    mentionTargets,
    figures,
    check,
  };
}

export type FuzzWorld = Awaited<ReturnType<typeof startFuzzWorld>>;

/** Waits until the bot has sent nothing for 50 ms, so that gateway events and late requests have settled. */
async function waitForQuiet(discord: LoopbackDiscord): Promise<void> {
  let seen = -1;
  while (seen !== discord.requests.length) {
    seen = discord.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type { World };

/** The 99th percentile of latencies, in ms. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** One line of figures for the test output. */
export function describeFigures(name: string, figures: FuzzFigures): string {
  return `[reliability] ${name}: ${figures.cases} cases (${figures.answered} answered by the bot, ${figures.clientRefused} refused by the Discord client), ${figures.changedState} valid inputs changed stored data, ${figures.requests} REST requests, latency p99 ${Math.round(percentile(figures.latencies, 0.99))} ms, max ${Math.round(figures.maxLatencyMs)} ms`;
}
