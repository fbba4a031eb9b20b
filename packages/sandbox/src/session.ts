import {
  type AutocompleteChoice,
  type ChannelRef,
  type GuildRef,
  type LoopbackDiscord,
  type LoopbackMessage,
  type LoopbackModal,
  LoopbackRefusalError,
  LoopbackUsageError,
  type MemberRef,
} from '@roundtable/loopback-discord';
import { type MessageReference, parseInput, type SandboxInput, sandboxHelp, tokenize } from './parse.js';
import { formatInstant, type NameLookup, renderChoices, renderMessage, renderModal } from './render.js';

/** What the session needs from its surroundings: the server, the seeded guild and a way to run due work. */
export interface SandboxWorld {
  discord: LoopbackDiscord;
  guild: GuildRef;
  home: ChannelRef;
  /** Members the newcomer can act as, by short name (`you`, `mod`, `admin`). */
  members: Readonly<Record<string, MemberRef>>;
  /** Runs the bot's scheduled work for the current clock (quiz posts and closes, debate closes). */
  runScheduledWork(): Promise<void>;
}

interface CommandOption {
  name: string;
  type: number;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOption[];
}

interface RegisteredCommand {
  name: string;
  type: number;
  description: string;
  options?: CommandOption[];
}

/** The result of one line: whether to keep reading and whether the line failed. */
export type StepResult = { kind: 'continue'; failed: boolean } | { kind: 'quit' };

/** The clock moves in minute steps, running scheduled work at each, as the bot's minute tick would. */
const clockStepMs = 60_000;

const optionTypeNames: Record<number, string> = {
  3: 'text',
  4: 'integer',
  5: 'true/false',
  6: '@member',
  7: '#channel',
  8: '@role',
  9: '@member or @role',
  10: 'number',
  11: 'file',
};

function quoteIfNeeded(value: string): string {
  return /[\s"']/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

/**
 * One newcomer's terminal session against the loopback Discord: runs parsed input as member actions,
 * keeps short message references (#3) for clicking, and prints what the current member can see.
 */
export class SandboxSession {
  actor: MemberRef;
  channel: ChannelRef;
  readonly #world: SandboxWorld;
  readonly #print: (lines: readonly string[]) => void;
  readonly #references = new Map<string, number>();
  readonly #ids = new Map<number, string>();
  readonly #printed = new Map<string, string>();
  #pendingModal: LoopbackModal | null = null;
  #latestWithComponents: string | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(world: SandboxWorld, print: (lines: readonly string[]) => void) {
    this.#world = world;
    this.#print = print;
    const first = Object.values(world.members)[0];
    if (!first) throw new Error('the sandbox needs at least one member');
    this.actor = first;
    this.channel = world.home;
  }

  /** Starts printing messages as they appear (bot posts, edits, other members' messages). */
  start(): void {
    this.#unsubscribe = this.#world.discord.onMessage((change, message) => {
      if (change === 'deleted') {
        if (this.#printed.has(message.id)) this.#show(message);
        return;
      }
      this.#show(message);
    });
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  get prompt(): string {
    return `${this.actor.username} in #${this.channel.name}> `;
  }

  #names(): NameLookup {
    const discord = this.#world.discord;
    const lookup = (kind: 'user' | 'role' | 'channel') => (id: string) => {
      const found = discord.nameOf(id);
      return found && found.kind === kind ? found.name : null;
    };
    return { user: lookup('user'), role: lookup('role'), channel: lookup('channel') };
  }

  #referenceOf(messageId: string): number {
    const existing = this.#references.get(messageId);
    if (existing !== undefined) return existing;
    const reference = this.#references.size + 1;
    this.#references.set(messageId, reference);
    this.#ids.set(reference, messageId);
    return reference;
  }

  #canSee(message: LoopbackMessage): boolean {
    const visibleTo = this.#world.discord.visibleTo(message);
    return visibleTo === null || visibleTo === this.actor.id;
  }

  /** Prints a message unless the member cannot see it, it is still loading, or it looks as printed before. */
  #show(message: LoopbackMessage, force = false): void {
    if (!this.#canSee(message) || message.loading) return;
    const reference = this.#referenceOf(message.id);
    const channelName =
      message.channelId === this.channel.id
        ? null
        : (this.#world.discord.nameOf(message.channelId)?.name ?? null);
    const lines = renderMessage(message, {
      names: this.#names(),
      reference,
      now: this.#world.discord.clock.now(),
      channelName,
    });
    const text = lines.join('\n');
    if (!force && this.#printed.get(message.id) === text) return;
    this.#printed.set(message.id, text);
    if (!message.deleted && (message.buttons.length > 0 || message.selects.length > 0))
      this.#latestWithComponents = message.id;
    this.#print(lines);
  }

  #messageFor(reference: MessageReference, needs: 'components' | 'any'): LoopbackMessage {
    const discord = this.#world.discord;
    const id =
      reference === null
        ? needs === 'components'
          ? this.#latestWithComponents
          : null
        : this.#ids.get(reference);
    if (!id) {
      throw new LoopbackUsageError(
        reference === null
          ? 'no message with buttons or menus yet'
          : `no message #${reference} (messages are numbered as they appear)`,
      );
    }
    const message = discord.message(id);
    if (!message || message.deleted)
      throw new LoopbackUsageError(`message #${reference ?? this.#referenceOf(id)} was deleted`);
    return message;
  }

  #commands(): RegisteredCommand[] {
    const discord = this.#world.discord;
    return [
      ...discord.registeredCommands(this.#world.guild),
      ...discord.registeredCommands(),
    ] as unknown as RegisteredCommand[];
  }

  /** Finds the option definitions for a command path such as ['quiz', 'setup']. */
  #leafOptions(path: readonly string[]): CommandOption[] | null {
    const command = this.#commands().find((entry) => entry.type === 1 && entry.name === path[0]);
    if (!command) return null;
    let options = command.options ?? [];
    for (const word of path.slice(1)) {
      const next = options.find((option) => option.name === word && (option.type === 1 || option.type === 2));
      if (!next) return null;
      options = next.options ?? [];
    }
    return options;
  }

  /** Shows the outcome of an interaction: a message (printed if new), or a modal to fill. */
  #showOutcome(outcome: LoopbackMessage | LoopbackModal): void {
    if (outcome.kind === 'modal') {
      this.#pendingModal = outcome;
      this.#print(renderModal(outcome));
      return;
    }
    this.#show(outcome);
  }

  async #suggest(
    path: readonly string[],
    option: string,
    typed: string,
    values: Record<string, string>,
  ): Promise<AutocompleteChoice[]> {
    return this.#world.discord.autocomplete(path.join(' '), option, typed, {
      as: this.actor,
      channel: this.channel,
      values,
    });
  }

  async #runSlash(path: string[], options: Record<string, string>): Promise<void> {
    const leaf = this.#leafOptions(path) ?? [];
    const asking = Object.entries(options).find(([name, value]) => {
      const definition = leaf.find((option) => option.name === name);
      return (
        value.endsWith('?') && (definition?.autocomplete === true || (definition?.choices?.length ?? 0) > 0)
      );
    });
    if (asking) {
      const [name, value] = asking;
      const typed = value.slice(0, -1);
      const definition = leaf.find((option) => option.name === name);
      const others = Object.fromEntries(Object.entries(options).filter(([key]) => key !== name));
      const choices = definition?.autocomplete
        ? await this.#suggest(path, name, typed, others)
        : (definition?.choices ?? []).filter(
            (choice) =>
              String(choice.value).includes(typed) || choice.name.toLowerCase().includes(typed.toLowerCase()),
          );
      this.#print(renderChoices(name, choices));
      return;
    }
    const outcome = await this.#world.discord.slash(path.join(' '), options, {
      as: this.actor,
      channel: this.channel,
      expect: 'any',
    });
    this.#showOutcome(outcome);
  }

  #listCommands(): string[] {
    const lines = ['Slash commands:'];
    for (const command of this.#commands().filter((entry) => entry.type === 1)) {
      const describe = (options: readonly CommandOption[]) =>
        options
          .filter((option) => option.type !== 1 && option.type !== 2)
          .map((option) => {
            const text = `${option.name}:${optionTypeNames[option.type] ?? '?'}`;
            return option.required ? text : `[${text}]`;
          })
          .join(' ');
      const subcommands = (command.options ?? []).flatMap((option) =>
        option.type === 1
          ? [[option.name, option.options ?? []] as const]
          : option.type === 2
            ? (option.options ?? []).map(
                (child) => [`${option.name} ${child.name}`, child.options ?? []] as const,
              )
            : [],
      );
      if (subcommands.length === 0) {
        lines.push(
          `  /${command.name} ${describe(command.options ?? [])}`.trimEnd() + ` — ${command.description}`,
        );
      } else {
        for (const [name, options] of subcommands)
          lines.push(`  /${command.name} ${name} ${describe(options)}`.trimEnd());
      }
    }
    const menus = this.#commands().filter((entry) => entry.type !== 1);
    if (menus.length > 0)
      lines.push(
        `Context menus: ${menus.map((entry) => `"${entry.name}"`).join(', ')} (use :menu "name" #M)`,
      );
    return lines;
  }

  #findChannel(name: string): ChannelRef | null {
    const discord = this.#world.discord;
    const byName = discord.channelNamed(this.#world.guild, name);
    if (byName) return byName;
    const threads = discord.threadsIn(this.#world.home);
    if (/^\d+$/.test(name)) return threads[Number(name) - 1] ?? null;
    const lowered = name.toLowerCase();
    return threads.find((thread) => thread.name.toLowerCase().startsWith(lowered)) ?? null;
  }

  async #execute(input: SandboxInput): Promise<StepResult> {
    const discord = this.#world.discord;
    switch (input.kind) {
      case 'empty':
        return { kind: 'continue', failed: false };
      case 'invalid':
        this.#print([`✗ ${input.problem}`]);
        return { kind: 'continue', failed: true };
      case 'help':
        this.#print(sandboxHelp);
        return { kind: 'continue', failed: false };
      case 'quit':
        return { kind: 'quit' };
      case 'commands':
        this.#print(this.#listCommands());
        return { kind: 'continue', failed: false };
      case 'slash':
        await this.#runSlash(input.path, input.options);
        return { kind: 'continue', failed: false };
      case 'click': {
        const message = this.#messageFor(input.message, 'components');
        const outcome = await discord.click(message, input.button, { as: this.actor, expect: 'any' });
        this.#showOutcome(outcome);
        return { kind: 'continue', failed: false };
      }
      case 'select': {
        const message = this.#messageFor(input.message, 'components');
        const menu = message.selects[input.menu - 1];
        if (!menu)
          throw new LoopbackUsageError(`message #${this.#referenceOf(message.id)} has no menu ${input.menu}`);
        const outcome = await discord.select(message, menu.customId, input.values, {
          as: this.actor,
          expect: 'any',
        });
        this.#showOutcome(outcome);
        return { kind: 'continue', failed: false };
      }
      case 'submit': {
        const modal = this.#pendingModal;
        if (!modal) throw new LoopbackUsageError('no modal is open');
        const reply = await discord.submitModal(modal, input.values, { as: this.actor });
        this.#pendingModal = null;
        this.#show(reply);
        return { kind: 'continue', failed: false };
      }
      case 'menu': {
        const message = this.#messageFor(input.message, 'any');
        const outcome = await discord.contextMenu(input.name, message, { as: this.actor, expect: 'any' });
        this.#showOutcome(outcome);
        return { kind: 'continue', failed: false };
      }
      case 'as': {
        const member =
          this.#world.members[input.member] ?? discord.memberNamed(this.#world.guild, input.member);
        if (!member) throw new LoopbackUsageError(`no member ${input.member}; :who lists them`);
        this.actor = member;
        this.#pendingModal = null;
        this.#print([`(now acting as ${member.username})`]);
        return { kind: 'continue', failed: false };
      }
      case 'say': {
        const outcome = discord.attemptPostMessage(this.channel, this.actor, input.text);
        if (!outcome.ok) {
          this.#print([`✗ Discord does not let ${this.actor.username} post here: ${outcome.refusal}`]);
          return { kind: 'continue', failed: true };
        }
        this.#show(outcome.message);
        return { kind: 'continue', failed: false };
      }
      case 'in': {
        const target = this.#findChannel(input.channel);
        if (!target)
          throw new LoopbackUsageError(`no channel or thread "${input.channel}"; :threads lists threads`);
        this.channel = target;
        const thread = discord.channel(target).thread;
        this.#print([
          `(now in #${target.name}${thread ? `, a thread${thread.locked ? ', locked' : ''}${thread.archived ? ', archived' : ''}` : ''})`,
        ]);
        return { kind: 'continue', failed: false };
      }
      case 'threads': {
        const threads = discord.threadsIn(this.#world.home);
        this.#print(
          threads.length === 0
            ? ['(no threads yet)']
            : threads.map((thread, index) => {
                const state = discord.channel(thread).thread;
                const flags = [state?.locked ? 'locked' : null, state?.archived ? 'archived' : null].filter(
                  (flag) => flag !== null,
                );
                return `  ${index + 1}. ${thread.name}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
              }),
        );
        return { kind: 'continue', failed: false };
      }
      case 'messages': {
        const messages = discord.messagesIn(this.channel, { visibleTo: this.actor }).slice(-input.count);
        if (messages.length === 0) this.#print([`(no messages in #${this.channel.name})`]);
        for (const message of messages) this.#show(message, true);
        return { kind: 'continue', failed: false };
      }
      case 'who': {
        this.#print(
          Object.entries(this.#world.members).map(([name, member]) => {
            const view = discord.member(member);
            const state =
              view.timedOut && view.timeoutUntil !== null
                ? `, timed out until ${formatInstant(view.timeoutUntil)}`
                : '';
            return `  ${name}${member.id === this.actor.id ? ' (you are acting as this member)' : ''}: roles ${view.roleNames.join(', ') || 'none'}${state}`;
          }),
        );
        return { kind: 'continue', failed: false };
      }
      case 'clock': {
        const target = discord.clock.now() + input.deltaMs;
        this.#print([`⏰ moving the clock to ${formatInstant(target)}…`]);
        let remaining = input.deltaMs;
        while (remaining > 0) {
          const step = Math.min(clockStepMs, remaining);
          discord.clock.advance(step);
          remaining -= step;
          await this.#world.runScheduledWork();
        }
        this.#print([`⏰ it is now ${formatInstant(discord.clock.now())}`]);
        return { kind: 'continue', failed: false };
      }
    }
  }

  /** Runs one typed line; usage mistakes and refusals are printed, never thrown. */
  async run(line: string): Promise<StepResult> {
    try {
      const result = await this.#execute(parseInput(line));
      await this.settle();
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const prefix =
        error instanceof LoopbackUsageError || error instanceof LoopbackRefusalError
          ? '✗'
          : '✗ the bot did not answer:';
      this.#print([`${prefix} ${message}`]);
      await this.settle();
      return { kind: 'continue', failed: true };
    }
  }

  /** Waits until the bot has been quiet (no REST request) for a moment, so output is complete before the next prompt. */
  async settle(quietMs = 120, maximumMs = 5_000): Promise<void> {
    const discord = this.#world.discord;
    const deadline = Date.now() + maximumMs;
    let seen = discord.requests.length;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (discord.requests.length !== seen) {
        seen = discord.requests.length;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) {
        return;
      }
    }
  }

  /** Tab completion: command and option names, subcommands, members, channels and the bot's autocomplete. */
  async complete(line: string): Promise<[string[], string]> {
    const endsWithSpace = /\s$/.test(line);
    const tokenized = tokenize(line);
    const tokens = tokenized.ok ? tokenized.tokens : line.split(/\s+/).filter((token) => token.length > 0);
    const last = endsWithSpace ? '' : (tokens.at(-1) ?? '');
    const previous = endsWithSpace ? tokens : tokens.slice(0, -1);
    if (previous.length === 0) {
      const candidates = last.startsWith(':')
        ? [
            ':click',
            ':select',
            ':submit',
            ':menu',
            ':say',
            ':in',
            ':as',
            ':clock',
            ':threads',
            ':messages',
            ':who',
            ':commands',
            ':help',
            ':quit',
          ]
        : this.#commands()
            .filter((entry) => entry.type === 1)
            .map((entry) => `/${entry.name}`);
      return [candidates.filter((candidate) => candidate.startsWith(last)), last];
    }
    const head = previous[0] ?? '';
    if (head === ':as')
      return [Object.keys(this.#world.members).filter((name) => name.startsWith(last)), last];
    if (head === ':in') {
      const names = [
        this.#world.home.name,
        ...this.#world.discord.threadsIn(this.#world.home).map((thread) => thread.name),
      ];
      return [names.map(quoteIfNeeded).filter((name) => name.startsWith(last)), last];
    }
    if (!head.startsWith('/')) return [[], last];
    const path = [head.slice(1)];
    const values: Record<string, string> = {};
    for (const token of previous.slice(1)) {
      const separator = token.indexOf(':');
      if (separator > 0) values[token.slice(0, separator)] = token.slice(separator + 1);
      else path.push(token);
    }
    const command = this.#commands().find((entry) => entry.type === 1 && entry.name === path[0]);
    if (!command) return [[], last];
    let options = command.options ?? [];
    for (const word of path.slice(1)) options = options.find((option) => option.name === word)?.options ?? [];
    const separator = last.indexOf(':');
    if (separator <= 0) {
      const names = options.map((option) =>
        option.type === 1 || option.type === 2 ? option.name : `${option.name}:`,
      );
      return [names.filter((name) => name.startsWith(last) && !(name.slice(0, -1) in values)), last];
    }
    const name = last.slice(0, separator);
    const typed = last.slice(separator + 1);
    const definition = options.find((option) => option.name === name);
    if (!definition) return [[], last];
    let suggestions: string[] = [];
    if (definition.autocomplete) {
      const choices = await this.#suggest(path, name, typed, values).catch(() => []);
      suggestions = choices.map((choice) => String(choice.value));
    } else if (definition.choices) {
      suggestions = definition.choices
        .map((choice) => String(choice.value))
        .filter((value) => value.startsWith(typed));
    } else if (definition.type === 7) {
      suggestions = [
        this.#world.home.name,
        ...this.#world.discord.threadsIn(this.#world.home).map((thread) => thread.name),
      ]
        .map((channel) => `#${channel}`)
        .filter((channel) => channel.startsWith(typed));
    } else if (definition.type === 6 || definition.type === 9) {
      suggestions = Object.values(this.#world.members)
        .map((member) => `@${member.username}`)
        .filter((member) => member.startsWith(typed));
    } else if (definition.type === 5) {
      suggestions = ['true', 'false'].filter((value) => value.startsWith(typed));
    }
    return [suggestions.map((value) => `${name}:${quoteIfNeeded(value)}`), last];
  }
}
