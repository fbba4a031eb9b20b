import {
  type ChannelRef,
  type LoopbackAttachment,
  type LoopbackMessage,
  type LoopbackModal,
  LoopbackUsageError,
  type MemberRef,
} from '@roundtable/loopback-discord';
import { describeEdit, renderEdit } from './edits.js';
import type { MessageReference } from './parse.js';
import { type NameLookup, type RenderContext, renderMessage } from './render.js';
import type { SandboxWorld } from './world.js';

/**
 * How to print a message: `auto` prints it whole the first time and as a one-line edit after;
 * `outcome` (what the member's action produced) prints it whole unless nothing changed; `full` always.
 */
export type ShowMode = 'auto' | 'outcome' | 'full';

/** Who is looking, and where: what the transcript shows depends on it. */
export interface Viewer {
  readonly actor: MemberRef;
  readonly channel: ChannelRef;
}

/**
 * The transcript of what the member sees: message numbers (#3), the version of each message last
 * printed (so edits print as what changed), and the latest message with buttons or files.
 */
export class Transcript {
  readonly #world: SandboxWorld;
  readonly #print: (lines: readonly string[]) => void;
  readonly #viewer: () => Viewer;
  readonly #references = new Map<string, number>();
  readonly #ids = new Map<number, string>();
  readonly #printed = new Map<string, LoopbackMessage>();
  #latestWithComponents: string | null = null;
  #latestWithFiles: string | null = null;
  /** Message changes held back while an action runs, latest version per message, in order of appearance. */
  #held: Map<string, LoopbackMessage> | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(world: SandboxWorld, print: (lines: readonly string[]) => void, viewer: () => Viewer) {
    this.#world = world;
    this.#print = print;
    this.#viewer = viewer;
  }

  /** Starts printing messages as they appear (bot posts, edits, other members' messages). */
  start(): void {
    this.#unsubscribe = this.#world.discord.onMessage((change, message) => {
      if (change === 'deleted' && !this.#printed.has(message.id)) return;
      if (this.#held) {
        // Held in the order they became visible: a deferred reply takes its place when it is answered.
        if (!message.loading || this.#held.has(message.id)) this.#held.set(message.id, message);
        return;
      }
      this.show(message);
    });
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /**
   * Runs a member's action, holding back the messages it changes until it is answered, then prints them
   * with its outcome whole (a modal is passed to `showModal`).
   */
  async act(
    action: () => Promise<LoopbackMessage | LoopbackModal>,
    showModal: (modal: LoopbackModal) => void,
  ): Promise<void> {
    this.#held = new Map();
    let outcome: LoopbackMessage | LoopbackModal | null = null;
    try {
      outcome = await action();
    } finally {
      const held = [...this.#held.values()];
      this.#held = null;
      const answer: LoopbackMessage | LoopbackModal | null = outcome;
      const outcomeId = answer?.kind === 'message' ? answer.id : null;
      for (const message of held) this.show(message, message.id === outcomeId ? 'outcome' : 'auto');
      if (answer?.kind === 'modal') showModal(answer);
      else if (answer && !held.some((message) => message.id === outcomeId)) this.show(answer, 'outcome');
    }
  }

  names(): NameLookup {
    const discord = this.#world.discord;
    const lookup = (kind: 'user' | 'role' | 'channel') => (id: string) => {
      const found = discord.nameOf(id);
      return found && found.kind === kind ? found.name : null;
    };
    return { user: lookup('user'), role: lookup('role'), channel: lookup('channel') };
  }

  referenceOf(messageId: string): number {
    const existing = this.#references.get(messageId);
    if (existing !== undefined) return existing;
    const reference = this.#references.size + 1;
    this.#references.set(messageId, reference);
    this.#ids.set(reference, messageId);
    return reference;
  }

  #canSee(message: LoopbackMessage): boolean {
    const visibleTo = this.#world.discord.visibleTo(message);
    return visibleTo === null || visibleTo === this.#viewer().actor.id;
  }

  #context(message: LoopbackMessage): RenderContext {
    const discord = this.#world.discord;
    return {
      names: this.names(),
      reference: this.referenceOf(message.id),
      now: discord.clock.now(),
      channelName:
        message.channelId === this.#viewer().channel.id
          ? null
          : (discord.nameOf(message.channelId)?.name ?? null),
      referenceOf: (id) => this.#references.get(id) ?? null,
      attachmentText: (attachment: LoopbackAttachment) =>
        discord.attachmentData(attachment)?.toString('utf8') ?? null,
    };
  }

  /** Prints a message unless the member cannot see it or it is still loading; see {@link ShowMode}. */
  show(message: LoopbackMessage, mode: ShowMode = 'auto'): void {
    if (!this.#canSee(message) || message.loading) return;
    const context = this.#context(message);
    const previous = this.#printed.get(message.id);
    this.#printed.set(message.id, message);
    if (!message.deleted) {
      if (message.buttons.length > 0 || message.selects.length > 0) this.#latestWithComponents = message.id;
      if (message.attachments.length > 0) this.#latestWithFiles = message.id;
    }
    if (message.deleted || !previous || previous.deleted || mode === 'full') {
      if (!(message.deleted && previous?.deleted)) this.#print(renderMessage(message, context));
      return;
    }
    const changes = describeEdit(previous, message, context);
    if (changes.length === 0) return;
    this.#print(mode === 'outcome' ? renderMessage(message, context) : renderEdit(message, changes, context));
  }

  /** The message a reference names, or the latest one with components (or files) for `null`. */
  messageFor(reference: MessageReference, needs: 'components' | 'files' | 'any'): LoopbackMessage {
    const latest =
      needs === 'components' ? this.#latestWithComponents : needs === 'files' ? this.#latestWithFiles : null;
    const id = reference === null ? latest : this.#ids.get(reference);
    if (!id) {
      throw new LoopbackUsageError(
        reference !== null
          ? `no message #${reference} (messages are numbered as they appear)`
          : needs === 'files'
            ? 'no message with files yet'
            : 'no message with buttons or menus yet',
      );
    }
    const message = this.#world.discord.message(id);
    if (!message || message.deleted)
      throw new LoopbackUsageError(`message #${reference ?? this.referenceOf(id)} was deleted`);
    return message;
  }
}
