import {
  type AutocompleteChoice,
  type ChannelRef,
  type LoopbackModal,
  LoopbackRefusalError,
  LoopbackUsageError,
  type MemberRef,
} from '@roundtable/loopback-discord';
import {
  type CommandOption,
  leafOptions,
  listCommands,
  optionHelp,
  type RegisteredCommand,
} from './commands.js';
import { complete } from './complete.js';
import { parseInput, type SandboxInput, sandboxHelp } from './parse.js';
import {
  channelLines,
  findChannel,
  findMember,
  memberLines,
  movedLine,
  promptFor,
  threadLines,
} from './places.js';
import { formatInstant, renderChoices, renderModal } from './render.js';
import { saveAttachments } from './save.js';
import { Transcript } from './transcript.js';
import { channelList, type SandboxWorld } from './world.js';

export type { SandboxWorld } from './world.js';

/** The result of one line: whether to keep reading and whether the line failed. */
export type StepResult = { kind: 'continue'; failed: boolean } | { kind: 'quit' };

/** The clock moves in minute steps, running scheduled work at each, as the bot's minute tick would. */
const clockStepMs = 60_000;

const ok: StepResult = { kind: 'continue', failed: false };

/** Milliseconds from `now` to the next `hours:minutes` UTC (0 if it is that minute's start). */
function untilNext(now: number, time: { hours: number; minutes: number }): number {
  const day = new Date(now);
  let target = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), time.hours, time.minutes);
  if (target < now) target += 86_400_000;
  return target - now;
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
  readonly #transcript: Transcript;
  #pendingModal: LoopbackModal | null = null;

  constructor(world: SandboxWorld, print: (lines: readonly string[]) => void) {
    this.#world = world;
    this.#print = print;
    const first = Object.values(world.members)[0];
    if (!first) throw new Error('the sandbox needs at least one member');
    this.actor = first;
    this.channel = world.home;
    this.#transcript = new Transcript(world, print, () => ({ actor: this.actor, channel: this.channel }));
  }

  /** Starts printing messages as they appear (bot posts, edits, other members' messages). */
  start(): void {
    this.#transcript.start();
  }

  stop(): void {
    this.#transcript.stop();
  }

  get prompt(): string {
    return promptFor(this.actor, this.channel);
  }

  #commands(): RegisteredCommand[] {
    const discord = this.#world.discord;
    return [
      ...discord.registeredCommands(this.#world.guild),
      ...discord.registeredCommands(),
    ] as unknown as RegisteredCommand[];
  }

  #showModal = (modal: LoopbackModal): void => {
    this.#pendingModal = modal;
    this.#print(renderModal(modal));
  };

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

  /** `option:?` explains the option; `option:abc?` lists the bot's suggestions or the choices matching abc. */
  async #explain(path: string[], definition: CommandOption, typed: string, others: Record<string, string>) {
    const lines = typed.length === 0 ? optionHelp(path, definition) : [];
    if (definition.autocomplete) {
      lines.push(
        ...renderChoices(definition.name, await this.#suggest(path, definition.name, typed, others)),
      );
    } else if (definition.choices && definition.choices.length > 0 && typed.length > 0) {
      const lowered = typed.toLowerCase();
      const matching = definition.choices.filter(
        (choice) => String(choice.value).includes(typed) || choice.name.toLowerCase().includes(lowered),
      );
      lines.push(...renderChoices(definition.name, matching));
    }
    this.#print(lines);
  }

  async #runSlash(path: string[], options: Record<string, string>): Promise<void> {
    const leaf = leafOptions(this.#commands(), path) ?? [];
    // `option:?` asks about any option; `option:abc?` searches suggestions or choices (a motion may end with ?).
    const asking = Object.entries(options).find(([name, value]) => {
      const definition = leaf.find((option) => option.name === name);
      if (!definition || !value.endsWith('?')) return false;
      return value === '?' || definition.autocomplete === true || (definition.choices?.length ?? 0) > 0;
    });
    if (asking) {
      const [name, value] = asking;
      const definition = leaf.find((option) => option.name === name);
      const others = Object.fromEntries(Object.entries(options).filter(([key]) => key !== name));
      if (definition) await this.#explain(path, definition, value.slice(0, -1), others);
      return;
    }
    await this.#transcript.act(
      () =>
        this.#world.discord.slash(path.join(' '), options, {
          as: this.actor,
          channel: this.channel,
          expect: 'any',
        }),
      this.#showModal,
    );
  }

  async #moveClock(deltaMs: number): Promise<void> {
    const discord = this.#world.discord;
    this.#print([`⏰ moving the clock to ${formatInstant(discord.clock.now() + deltaMs)}…`]);
    let remaining = deltaMs;
    while (remaining > 0) {
      const step = Math.min(clockStepMs, remaining);
      discord.clock.advance(step);
      remaining -= step;
      await this.#world.runScheduledWork();
    }
    this.#print([`⏰ it is now ${formatInstant(discord.clock.now())}`]);
  }

  async #execute(input: SandboxInput): Promise<StepResult> {
    const discord = this.#world.discord;
    const transcript = this.#transcript;
    const as = { as: this.actor, expect: 'any' } as const;
    switch (input.kind) {
      case 'empty':
        return ok;
      case 'invalid':
        this.#print([`✗ ${input.problem}`]);
        return { kind: 'continue', failed: true };
      case 'help':
        this.#print([...sandboxHelp, `Channels here: ${channelList(this.#world)} (:in #name to move).`]);
        return ok;
      case 'quit':
        return { kind: 'quit' };
      case 'commands': {
        const lines = listCommands(this.#commands(), input.filter);
        this.#print(lines);
        return { kind: 'continue', failed: lines[0]?.startsWith('✗') === true };
      }
      case 'slash':
        await this.#runSlash(input.path, input.options);
        return ok;
      case 'click': {
        const message = transcript.messageFor(input.message, 'components');
        await transcript.act(() => discord.click(message, input.button, as), this.#showModal);
        return ok;
      }
      case 'select': {
        const message = transcript.messageFor(input.message, 'components');
        const menu = message.selects[input.menu - 1];
        if (!menu)
          throw new LoopbackUsageError(
            `message #${transcript.referenceOf(message.id)} has no menu ${input.menu}`,
          );
        await transcript.act(() => discord.select(message, menu.customId, input.values, as), this.#showModal);
        return ok;
      }
      case 'submit': {
        const modal = this.#pendingModal;
        if (!modal) throw new LoopbackUsageError('no modal is open');
        await transcript.act(async () => {
          const reply = await discord.submitModal(modal, input.values, { as: this.actor });
          this.#pendingModal = null;
          return reply;
        }, this.#showModal);
        return ok;
      }
      case 'menu': {
        const message = transcript.messageFor(input.message, 'any');
        await transcript.act(() => discord.contextMenu(input.name, message, as), this.#showModal);
        return ok;
      }
      case 'as': {
        const member = findMember(this.#world, input.member);
        if (!member) throw new LoopbackUsageError(`no member ${input.member}; :who lists them`);
        this.actor = member;
        this.#pendingModal = null;
        this.#print([`(now acting as ${member.username})`]);
        return ok;
      }
      case 'say': {
        const outcome = discord.attemptPostMessage(this.channel, this.actor, input.text);
        if (!outcome.ok) {
          this.#print([`✗ Discord does not let ${this.actor.username} post here: ${outcome.refusal}`]);
          return { kind: 'continue', failed: true };
        }
        transcript.show(outcome.message);
        return ok;
      }
      case 'in': {
        const target = findChannel(this.#world, input.channel);
        if (!target)
          throw new LoopbackUsageError(
            `no channel or thread "${input.channel}"; :channels lists channels, :threads threads`,
          );
        this.channel = target;
        this.#print([movedLine(this.#world, target)]);
        return ok;
      }
      case 'threads':
        this.#print(threadLines(this.#world));
        return ok;
      case 'channels':
        this.#print(channelLines(this.#world, this.channel));
        return ok;
      case 'messages': {
        const messages = discord.messagesIn(this.channel, { visibleTo: this.actor }).slice(-input.count);
        if (messages.length === 0) this.#print([`(no messages in #${this.channel.name})`]);
        for (const message of messages) transcript.show(message, 'full');
        return ok;
      }
      case 'show':
        transcript.show(transcript.messageFor(input.message, 'any'), 'full');
        return ok;
      case 'save': {
        const message = transcript.messageFor(input.message, 'files');
        const reference = transcript.referenceOf(message.id);
        this.#print(await saveAttachments(discord, message, reference, input.directory));
        return ok;
      }
      case 'who':
        this.#print(memberLines(this.#world, this.actor));
        return ok;
      case 'clock':
        await this.#moveClock(
          'deltaMs' in input ? input.deltaMs : untilNext(discord.clock.now(), input.until),
        );
        return ok;
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
      const known = error instanceof LoopbackUsageError || error instanceof LoopbackRefusalError;
      this.#print([`${known ? '✗' : '✗ the bot did not answer:'} ${message}`]);
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
  complete(line: string): Promise<[string[], string]> {
    return complete(
      {
        world: this.#world,
        commands: () => this.#commands(),
        suggest: (path, option, typed, values) => this.#suggest(path, option, typed, values),
      },
      line,
    );
  }
}
