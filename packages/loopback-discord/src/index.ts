export type { LoopbackClock } from './clock.js';
export type { SlashOptionValue } from './commands.js';
export { LoopbackUsageError } from './commands.js';
export type { MessageChange, PostRefusal } from './engine.js';
export type { DiscordErrorBody, ErrorTree, FieldError } from './errors.js';
export type { FaultRule, RandomFaults, RateLimitEnforcement } from './faults.js';
export type { GatewayEvent, PrivilegedIntents } from './gateway.js';
export type { OutcomeTimeouts } from './interactions.js';
export type { MessagePings } from './model.js';
export type { GatewayOutage } from './outage.js';
export type { PermissionName } from './permissions.js';
export type {
  ActorContext,
  AddChannelOptions,
  AddMemberOptions,
  AddRoleOptions,
  ChannelView,
  ExpectAny,
  ExpectMessage,
  ExpectModal,
  LoopbackOptions,
  MemberView,
  OverwriteSpec,
  OverwriteTarget,
  PostOutcome,
  SeedGuildOptions,
  SlashContext,
  ThreadView,
} from './server.js';
export { LoopbackDiscord, LoopbackRefusalError, startLoopbackDiscord } from './server.js';
export type {
  AutocompleteChoice,
  ChannelRef,
  GuildRef,
  LoopbackButton,
  LoopbackMessage,
  LoopbackModal,
  LoopbackModalField,
  LoopbackSelect,
  LoopbackSelectOption,
  MemberRef,
  RecordedRequest,
  RoleRef,
} from './types.js';
