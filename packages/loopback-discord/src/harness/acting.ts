import { PermissionFlagsBits } from 'discord.js';
import { LoopbackUsageError, type SlashInvocation, type SlashOptionValue } from '../commands.js';
import type { PostRefusal } from '../engine.js';
import { interactionTypes } from '../interactions/hub.js';
import type { Json } from '../json.js';
import type { ChannelRecord, CommandRecord } from '../model.js';
import { hasPermission, permissionNames } from '../permissions.js';
import type { AutocompleteChoice, ChannelRef, LoopbackMessage, LoopbackModal, MemberRef } from '../types.js';
import { toLoopbackMessage } from '../views.js';
import { type ActorContext, answerOf, type Expectation, expectOutcome } from './answers.js';
import type { HarnessState } from './state.js';

export interface SlashContext extends ActorContext {
  channel: ChannelRef;
}

export type PostOutcome = { ok: true; message: LoopbackMessage } | { ok: false; refusal: PostRefusal };

/** Thrown by {@link LoopbackDiscord.postMessage} when Discord would not let the member post. */
export class LoopbackRefusalError extends Error {
  override readonly name = 'LoopbackRefusalError';
  constructor(readonly refusal: PostRefusal) {
    super(`Discord refuses the message: ${refusal}`);
  }
}

/** Acting as a member with commands (slash, autocomplete, context menus) and plain messages. */
export class MemberActions {
  constructor(private readonly state: HarnessState) {}

  /** What the Discord client checks before it lets a member run a command in a channel. */
  #checkCommandAccess(channel: ChannelRecord, userId: string, command: CommandRecord, label: string): void {
    const permissions = this.state.store.channelPermissions(channel, userId);
    if (!hasPermission(permissions, PermissionFlagsBits.ViewChannel))
      throw new LoopbackUsageError(`${label}: the member cannot see #${channel.name}`);
    if (!hasPermission(permissions, PermissionFlagsBits.UseApplicationCommands)) {
      throw new LoopbackUsageError(
        `${label}: the member may not use application commands in #${channel.name}`,
      );
    }
    if (command.defaultMemberPermissions !== null) {
      const required = BigInt(command.defaultMemberPermissions);
      if (!hasPermission(permissions, required)) {
        throw new LoopbackUsageError(
          `${label}: the member lacks ${permissionNames(required).join(', ')} needed for this command`,
        );
      }
    }
  }

  /** Sends the interaction of a command: `data` joins the command's id, name, type and guild. */
  #startCommand(
    type: number,
    command: CommandRecord,
    channel: ChannelRecord,
    actor: MemberRef,
    label: string,
    data: Json,
  ) {
    return this.state.hub.start({
      type,
      userId: actor.id,
      channel,
      label,
      commandName: command.name,
      commandType: command.type,
      data: {
        id: command.id,
        name: command.name,
        type: command.type,
        ...(command.guildId ? { guild_id: command.guildId } : {}),
        ...data,
      },
    });
  }

  #chatInput(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    channel: ChannelRecord,
    focused?: { option: string; text: string },
  ): SlashInvocation {
    return this.state.hub.buildChatInput(path, values, channel.guildId, focused);
  }

  async slash(
    path: string,
    values: Readonly<Record<string, SlashOptionValue>>,
    context: SlashContext & { expect?: Expectation },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const channel = this.state.channel(context.channel);
    const invocation = this.#chatInput(path, values, channel);
    this.#checkCommandAccess(channel, context.as.id, invocation.command, `/${path}`);
    const record = this.#startCommand(
      interactionTypes.command,
      invocation.command,
      channel,
      context.as,
      `/${path}`,
      {
        ...(invocation.options.length > 0 ? { options: invocation.options } : {}),
        ...(Object.keys(invocation.resolved).length > 0 ? { resolved: invocation.resolved } : {}),
      },
    );
    return answerOf(this.state, record, context.expect);
  }

  async autocomplete(
    path: string,
    option: string,
    text: string,
    context: SlashContext & { values?: Readonly<Record<string, SlashOptionValue>> },
  ): Promise<AutocompleteChoice[]> {
    const channel = this.state.channel(context.channel);
    const invocation = this.#chatInput(path, context.values ?? {}, channel, { option, text });
    const label = `/${path} ${option}:${text} (autocomplete)`;
    this.#checkCommandAccess(channel, context.as.id, invocation.command, label);
    const record = this.#startCommand(
      interactionTypes.autocomplete,
      invocation.command,
      channel,
      context.as,
      label,
      {
        options: invocation.options,
      },
    );
    const outcome = await expectOutcome(this.state, record, 'choices');
    return outcome.kind === 'choices' ? outcome.choices : [];
  }

  async contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & { expect?: Expectation; channel?: ChannelRef },
  ): Promise<LoopbackMessage | LoopbackModal> {
    const store = this.state.store;
    const isMessage = target.kind === 'message';
    const commandType = isMessage ? 3 : 2;
    const guildId = isMessage ? (target.guildId ?? '') : target.guildId;
    const command = this.state.hub
      .commandsFor(guildId)
      .find((entry) => entry.type === commandType && entry.name === name);
    if (!command)
      throw new LoopbackUsageError(`no ${isMessage ? 'message' : 'user'} command "${name}" is registered`);
    let channel: ChannelRecord;
    let data: Json;
    if (isMessage) {
      const message = this.state.visibleMessage(target, context.as, name);
      channel = this.state.channel(message.channelId);
      data = {
        target_id: message.id,
        resolved: { messages: { [message.id]: store.toApiMessage(message, { withGuildFields: false }) } },
      };
    } else {
      if (!context.channel) throw new LoopbackUsageError('user commands need a channel');
      channel = this.state.channel(context.channel);
      const member = this.state.member(target);
      const user = store.users.get(target.id);
      data = {
        target_id: target.id,
        resolved: {
          users: user ? { [target.id]: store.toApiUser(user) } : {},
          members: { [target.id]: store.toApiPartialMember(member) },
        },
      };
    }
    this.#checkCommandAccess(channel, context.as.id, command, name);
    const record = this.#startCommand(
      interactionTypes.command,
      command,
      channel,
      context.as,
      `"${name}"`,
      data,
    );
    return answerOf(this.state, record, context.expect);
  }

  attemptPostMessage(
    channelRef: ChannelRef,
    member: MemberRef,
    content: string,
    options: { replyTo?: LoopbackMessage } = {},
  ): PostOutcome {
    const { engine, clock, store } = this.state;
    const channel = this.state.channel(channelRef);
    this.state.member(member);
    const refusal = engine.refusalToPost(channel, member.id, content);
    if (refusal) return { ok: false, refusal };
    channel.lastPostAtByUser.set(member.id, clock.now());
    const record = engine.createMessage({
      channel,
      authorId: member.id,
      body: {
        content,
        ...(options.replyTo ? { message_reference: { message_id: options.replyTo.id } } : {}),
      },
      source: 'channel',
    });
    return { ok: true, message: toLoopbackMessage(store, record) };
  }
}
