import { LoopbackClock } from './clock.js';
import type { SlashOptionValue } from './commands.js';
import { LoopbackEngine } from './engine.js';
import type { MessageChange } from './events.js';
import { FaultPlan, type FaultRule, type RandomFaults, type RateLimitEnforcement } from './faults.js';
import { type GatewayEvent, LoopbackGateway, type PrivilegedIntents } from './gateway.js';
import { gatewayHooks } from './gateway-hooks.js';
import {
  LoopbackRefusalError,
  MemberActions,
  type PostOutcome,
  type SlashContext,
} from './harness/acting.js';
import type { ActorContext, ExpectAny, Expectation, ExpectMessage, ExpectModal } from './harness/answers.js';
import { ComponentActions } from './harness/components.js';
import { type ChannelView, Inspection, type MemberView } from './harness/inspecting.js';
import {
  type AddChannelOptions,
  type AddMemberOptions,
  type AddRoleOptions,
  type OverwriteTarget,
  type SeedGuildOptions,
  Seeding,
} from './harness/seeding.js';
import { HarnessState } from './harness/state.js';
import { LoopbackHttpServer } from './http.js';
import { InteractionHub } from './interactions/hub.js';
import type { OutcomeTimeouts } from './interactions/outcomes.js';
import { GatewayOutage } from './outage.js';
import type { PermissionName } from './permissions.js';
import { createRestRoutes } from './rest/routes.js';
import { LoopbackStore } from './store.js';
import type {
  AutocompleteChoice,
  ChannelRef,
  GuildRef,
  LoopbackAttachment,
  LoopbackMessage,
  LoopbackModal,
  MemberRef,
  RecordedRequest,
  RoleRef,
} from './types.js';

/** Options for {@link startLoopbackDiscord}. */
export interface LoopbackOptions {
  /** The bot token clients must present (default `loopback-token`). */
  token?: string;
  /** The bot user's name (default `Roundtable`). */
  botName?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** HELLO's heartbeat interval (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
  /** Privileged intents enabled for the application (default: all). Asking for a disabled one closes with 4014. */
  privilegedIntents?: Partial<PrivilegedIntents>;
  /** How long harness actions wait for the bot (wall clock). */
  timeouts?: Partial<OutcomeTimeouts>;
  /** Enforce per-route buckets and the global limit (default: off). */
  rateLimits?: RateLimitEnforcement;
  /** Keep at most this many recorded requests (default 10 000; oldest dropped). */
  recordLimit?: number;
}

type Values = Readonly<Record<string, SlashOptionValue>>;
type Target = LoopbackMessage | string;
type Answer = Promise<LoopbackMessage | LoopbackModal>;

/**
 * A Discord-compatible server on 127.0.0.1 for end-to-end tests, benchmarks and the sandbox:
 * discord.js connects to it with `new Client({ rest: { api: discord.apiUrl } })` and logs in with `discord.token`.
 * Seed guilds, act as members (`slash`, `click`, `postMessage`...), inspect what the bot did, inject faults.
 * Each role lives in its own module under `harness/`; this class is their one entry point.
 */
export class LoopbackDiscord {
  readonly token: string;
  readonly clock: LoopbackClock;
  /** Every REST request received, in order, with the answer given. */
  readonly requests: RecordedRequest[];
  /** Gateway connection events: identifies, resumes, closes. */
  readonly gatewayEvents: GatewayEvent[] = [];
  readonly #state: HarnessState;
  readonly #http: LoopbackHttpServer;
  readonly #seeding: Seeding;
  readonly #members: MemberActions;
  readonly #components: ComponentActions;
  readonly #inspection: Inspection;

  /** Use {@link startLoopbackDiscord}. */
  constructor(options: LoopbackOptions = {}) {
    this.token = options.token ?? 'loopback-token';
    this.clock = new LoopbackClock();
    const store = new LoopbackStore(this.clock, options.botName ?? 'Roundtable');
    const gateway = new LoopbackGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: {
        guildMembers: true,
        guildPresences: true,
        messageContent: true,
        ...options.privilegedIntents,
      },
      hooks: gatewayHooks(store, (event) => this.gatewayEvents.push(event)),
    });
    const engine = new LoopbackEngine(store, gateway, this.clock);
    const hub = new InteractionHub(store, engine, this.clock);
    const faults = new FaultPlan();
    if (options.rateLimits) faults.enforceRateLimits(options.rateLimits);
    const timeouts = { acknowledgeMs: 3_500, replyMs: 5_000, settleMs: 300, ...options.timeouts };
    const state = new HarnessState(store, engine, gateway, hub, faults, this.clock, timeouts);
    this.#state = state;
    this.requests = state.requests;
    const recordLimit = options.recordLimit ?? 10_000;
    this.#http = new LoopbackHttpServer({
      token: this.token,
      clock: this.clock,
      routes: createRestRoutes(engine, hub, {
        gatewayUrl: () => this.gatewayUrl,
        cdnUrl: () => `http://127.0.0.1:${this.#http.port}/cdn`,
      }),
      faults,
      gateway,
      record: (request) => {
        state.requests.push(request);
        if (state.requests.length > recordLimit) state.requests.shift();
        for (const listener of [...state.requestListeners]) listener(request);
      },
    });
    this.#seeding = new Seeding(state);
    this.#members = new MemberActions(state);
    this.#components = new ComponentActions(state);
    this.#inspection = new Inspection(state);
  }

  /** @internal */
  async listen(port: number): Promise<void> {
    await this.#http.listen(port);
    this.#state.gateway.setUrl(this.gatewayUrl);
  }

  /** Base URL for discord.js's `rest.api` option (discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#http.port}/api`;
  }

  /** The gateway URL announced by `GET /gateway/bot`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#http.port}/gateway`;
  }

  get applicationId(): string {
    return this.#state.store.applicationId;
  }

  get botUser(): { id: string; username: string } {
    const { id, username } = this.#state.store.botUser;
    return { id, username };
  }

  /** Number of gateway sessions with an open connection. */
  get connectedSessions(): number {
    return this.#state.gateway.connectedSessions.length;
  }

  // ---------------------------------------------------------------- seeding (harness/seeding.ts)

  /** Creates a guild with @everyone, the bot (as a member with its managed role) and an owner; the bot joins it. */
  seedGuild(options: SeedGuildOptions): GuildRef {
    return this.#seeding.seedGuild(options);
  }

  /** Adds a role (placed right above @everyone unless `placement: 'above-bot'`). */
  addRole(guild: GuildRef, options: AddRoleOptions): RoleRef {
    return this.#seeding.addRole(guild, options);
  }

  /** Adds a user to the guild; `permissions` and `admin` give them a personal role. */
  addMember(guild: GuildRef, options: AddMemberOptions): MemberRef {
    return this.#seeding.addMember(guild, options);
  }

  /** Adds a channel, optionally with permission overwrites. */
  addChannel(guild: GuildRef, options: AddChannelOptions): ChannelRef {
    return this.#seeding.addChannel(guild, options);
  }

  /** Replaces one permission overwrite of a channel (as an admin would); dispatches CHANNEL_UPDATE. */
  setChannelPermissions(
    channel: ChannelRef,
    target: OverwriteTarget,
    permissions: { allow?: PermissionName[]; deny?: PermissionName[] },
  ): void {
    this.#seeding.setChannelPermissions(channel, target, permissions);
  }

  /** Sets the permissions of the bot's managed role in a guild; dispatches GUILD_ROLE_UPDATE. */
  setBotPermissions(guild: GuildRef, permissions: PermissionName[]): void {
    this.#seeding.setBotPermissions(guild, permissions);
  }

  /** Gives a member a role, as a server admin would; dispatches GUILD_MEMBER_UPDATE. */
  assignRole(member: MemberRef, role: RoleRef): void {
    this.#seeding.assignRole(member, role);
  }

  /** Takes a role from a member, as a server admin would; dispatches GUILD_MEMBER_UPDATE. */
  removeRole(member: MemberRef, role: RoleRef): void {
    this.#seeding.removeRole(member, role);
  }

  /** Times a member out until `until` (server clock ms), or lifts the timeout with `null`, as a moderator would. */
  timeoutMember(member: MemberRef, until: number | null): void {
    this.#seeding.timeoutMember(member, until);
  }

  /** Channels of a guild by name (threads included). */
  channelNamed(guild: GuildRef, name: string): ChannelRef | null {
    return this.#seeding.channelNamed(guild, name);
  }

  memberNamed(guild: GuildRef, username: string): MemberRef | null {
    return this.#seeding.memberNamed(guild, username);
  }

  // ---------------------------------------------------------------- acting as members (harness/acting.ts, components.ts)

  /**
   * Runs a slash command as a member: `slash('summary', { story: 'us-japan-alliance' }, { as, channel })`.
   * Subcommands are part of the name (`'quiz setup'`). Values are converted by the registered option type;
   * users, roles and channels may be refs, ids or names. Resolves with the reply once the bot answered
   * (after a deferred reply: once it edited it), or with the modal when `expect: 'modal'`.
   */
  slash(path: string, values: Values, context: SlashContext & ExpectMessage): Promise<LoopbackMessage>;
  slash(path: string, values: Values, context: SlashContext & ExpectModal): Promise<LoopbackModal>;
  slash(path: string, values: Values, context: SlashContext & ExpectAny): Answer;
  slash(path: string, values: Values, context: SlashContext & { expect?: Expectation }): Answer {
    return this.#members.slash(path, values, context);
  }

  /** Types `text` into `option` of a slash command and returns the suggestions the bot sent. */
  autocomplete(
    path: string,
    option: string,
    text: string,
    context: SlashContext & { values?: Values },
  ): Promise<AutocompleteChoice[]> {
    return this.#members.autocomplete(path, option, text, context);
  }

  /**
   * Clicks a button of a message (by label, custom_id or 1-based position) as a member. Resolves with the
   * message the member sees next: the updated message, a new reply, or the same message after a deferred update.
   */
  click(
    message: Target,
    button: string | number,
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage>;
  click(
    message: Target,
    button: string | number,
    context: ActorContext & ExpectModal,
  ): Promise<LoopbackModal>;
  click(message: Target, button: string | number, context: ActorContext & ExpectAny): Answer;
  click(message: Target, button: string | number, context: ActorContext & { expect?: Expectation }): Answer {
    return this.#components.click(message, button, context);
  }

  /** Picks values in a select menu (found by custom_id or placeholder) as a member. */
  select(
    message: Target,
    menu: string,
    values: readonly string[],
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage>;
  select(
    message: Target,
    menu: string,
    values: readonly string[],
    context: ActorContext & ExpectModal,
  ): Promise<LoopbackModal>;
  select(message: Target, menu: string, values: readonly string[], context: ActorContext & ExpectAny): Answer;
  select(
    message: Target,
    menu: string,
    values: readonly string[],
    context: ActorContext & { expect?: Expectation },
  ): Answer {
    return this.#components.select(message, menu, values, context);
  }

  /** Fills and submits a modal the bot opened; `values` are keyed by text input custom_id or label. */
  submitModal(
    modal: LoopbackModal,
    values: Readonly<Record<string, string>>,
    context: ActorContext & ExpectMessage,
  ): Promise<LoopbackMessage> {
    return this.#components.submitModal(modal, values, context);
  }

  /**
   * Sends a component interaction with any `custom_id` (and select values) from a message, as a modified
   * client could: nothing checks that the message has such a component. For tests of tampered ids.
   */
  forgeComponent(
    message: Target,
    forged: { customId: string; componentType?: number; values?: readonly string[] },
    context: ActorContext & { expect?: Expectation },
  ): Answer {
    return this.#components.forgeComponent(message, forged, context);
  }

  /**
   * Submits a modal the bot never opened, with any `custom_id` and any text fields (missing ones
   * included), as a modified client could. For tests of tampered and incomplete modal submits.
   */
  forgeModalSubmit(
    channel: ChannelRef,
    forged: { customId: string; fields: Readonly<Record<string, string>>; sourceMessage?: LoopbackMessage },
    context: ActorContext,
  ): Promise<LoopbackMessage> {
    return this.#components.forgeModalSubmit(channel, forged, context);
  }

  /** Runs a message context menu command on a message (or a user command on a member) as a member. */
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectMessage & { channel?: ChannelRef },
  ): Promise<LoopbackMessage>;
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectModal & { channel?: ChannelRef },
  ): Promise<LoopbackModal>;
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & ExpectAny & { channel?: ChannelRef },
  ): Answer;
  contextMenu(
    name: string,
    target: LoopbackMessage | MemberRef,
    context: ActorContext & { expect?: Expectation; channel?: ChannelRef },
  ): Answer {
    return this.#members.contextMenu(name, target, context);
  }

  /** Posts a message as a member, if Discord would let them; returns the refusal otherwise. */
  attemptPostMessage(
    channel: ChannelRef,
    member: MemberRef,
    content: string,
    options: { replyTo?: LoopbackMessage } = {},
  ): PostOutcome {
    return this.#members.attemptPostMessage(channel, member, content, options);
  }

  /** Posts a message as a member (dispatching MESSAGE_CREATE); throws {@link LoopbackRefusalError} if Discord would refuse it. */
  postMessage(
    channel: ChannelRef,
    member: MemberRef,
    content: string,
    options: { replyTo?: LoopbackMessage } = {},
  ): LoopbackMessage {
    const outcome = this.attemptPostMessage(channel, member, content, options);
    if (!outcome.ok) throw new LoopbackRefusalError(outcome.refusal);
    return outcome.message;
  }

  // ---------------------------------------------------------------- inspection (harness/inspecting.ts)

  /** Calls `listener` whenever a message is created, edited or deleted (ephemeral ones included); returns an unsubscribe function. */
  onMessage(listener: (change: MessageChange, message: LoopbackMessage) => void): () => void {
    return this.#inspection.onMessage(listener);
  }

  /** Who can see a message: `null` for everyone in the channel, or the member an ephemeral message is for. */
  visibleTo(message: Target): string | null {
    return this.#inspection.visibleTo(message);
  }

  /** Display names for ids, for rendering mentions: users, roles and channels. */
  nameOf(id: string): { kind: 'user' | 'role' | 'channel'; name: string } | null {
    return this.#inspection.nameOf(id);
  }

  /** Direct messages the bot sent to a member, oldest first. */
  directMessagesTo(member: MemberRef): LoopbackMessage[] {
    return this.#inspection.directMessagesTo(member);
  }

  /** The messages of a channel, oldest first; ephemeral messages only with `visibleTo`. */
  messagesIn(channel: ChannelRef | string, options: { visibleTo?: MemberRef } = {}): LoopbackMessage[] {
    return this.#inspection.messagesIn(channel, options);
  }

  /** The current version of a message (also deleted ones), or `null`. */
  message(id: Target): LoopbackMessage | null {
    return this.#inspection.message(id);
  }

  /** The bytes of a file the bot attached to a message (`message.attachments[i]` or its id), or `null`. */
  attachmentData(attachment: LoopbackAttachment | string): Buffer | null {
    return this.#inspection.attachmentData(attachment);
  }

  /** Follow-up messages the bot sent for the interaction that produced `reply`. */
  followUps(reply: LoopbackMessage | LoopbackModal): LoopbackMessage[] {
    return this.#inspection.followUps(reply);
  }

  /** A channel's current settings (and thread state for threads). */
  channel(ref: ChannelRef | string): ChannelView {
    return this.#inspection.channel(ref);
  }

  /** Threads whose parent is `channel`, as refs usable with `postMessage` and `messagesIn`. */
  threadsIn(channel: ChannelRef): ChannelRef[] {
    return this.#inspection.threadsIn(channel);
  }

  /** A member's roles and timeout as they are now. */
  member(ref: MemberRef): MemberView {
    return this.#inspection.member(ref);
  }

  /** The bot's effective permissions in a channel, by name. */
  botPermissionsIn(channel: ChannelRef): PermissionName[] {
    return this.#inspection.botPermissionsIn(channel);
  }

  /** Application commands the bot registered (global, or for one guild), as Discord returns them. */
  registeredCommands(guild?: GuildRef): Record<string, unknown>[] {
    return this.#inspection.registeredCommands(guild?.id ?? null);
  }

  /** Recorded requests whose route matches a pattern like `POST /channels/:id/messages`. */
  requestsTo(route: string): RecordedRequest[] {
    return this.#inspection.requestsTo(route);
  }

  /** 429 answers per route (injected and enforced). */
  rateLimitCounts(): Record<string, number> {
    return this.#inspection.rateLimitCounts();
  }

  /** Resolves with the first request (already recorded or future) to `route` that satisfies `predicate`. */
  waitForRequest(
    route: string,
    predicate: (request: RecordedRequest) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<RecordedRequest> {
    return this.#inspection.waitForRequest(route, predicate, timeoutMs);
  }

  /** Resolves with the first message in the channel (existing or future) that satisfies `predicate`. */
  waitForMessage(
    channel: ChannelRef,
    predicate: (message: LoopbackMessage) => boolean,
    timeoutMs = 5_000,
  ): Promise<LoopbackMessage> {
    return this.#inspection.waitForMessage(channel, predicate, timeoutMs);
  }

  /** Resolves once a bot session has identified and has an open gateway connection. */
  waitForBot(timeoutMs = 5_000): Promise<void> {
    return this.#inspection.waitForBot(timeoutMs);
  }

  /** Resolves once the bot registered at least one application command. */
  waitForCommands(timeoutMs = 5_000): Promise<void> {
    return this.#inspection.waitForCommands(timeoutMs);
  }

  // ---------------------------------------------------------------- faults (faults.ts, gateway.ts); the clock is `clock`

  /** Injects a fault on matching requests, e.g. `{ route: 'POST /channels/:id/messages', status: 429, times: 2 }`. */
  inject(rule: FaultRule): void {
    this.#state.faults.inject(rule);
  }

  /** Fails a seeded share of requests at random (`null` stops it). */
  injectRandom(options: RandomFaults | null): void {
    this.#state.faults.injectRandom(options);
  }

  /** Enforces per-route buckets and the global limit (`null` stops it). */
  enforceRateLimits(options: RateLimitEnforcement | null): void {
    this.#state.faults.enforceRateLimits(options);
  }

  /** Removes injected faults (not rate limit enforcement). */
  clearFaults(): void {
    this.#state.faults.clear();
  }

  /** Drops the gateway connections with a resumable close code (default 4000); the client resumes. */
  dropConnection(options: { code?: number } = {}): number {
    return this.#state.gateway.dropConnections(options.code ?? 4000);
  }

  /** Refuses new gateway connections (HTTP 503) until the outage's `end()`; see {@link GatewayOutage}. */
  startGatewayOutage(): GatewayOutage {
    return new GatewayOutage(this.#state.gateway);
  }

  /** Sends opcode 7 RECONNECT to every connected client. */
  requestReconnect(): void {
    this.#state.gateway.requestReconnect();
  }

  /** Stops the server. Destroy discord.js clients first, or they will try to reconnect. */
  async close(): Promise<void> {
    this.#state.gateway.close();
    await this.#http.close();
  }
}

/** Starts a loopback Discord on 127.0.0.1 (port 0 by default) and resolves once it listens. */
export async function startLoopbackDiscord(options: LoopbackOptions = {}): Promise<LoopbackDiscord> {
  const discord = new LoopbackDiscord(options);
  await discord.listen(options.port ?? 0);
  return discord;
}
