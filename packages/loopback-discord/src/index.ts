export type { LoopbackClock } from './clock.js';
export type { SlashOptionValue } from './commands.js';
export { LoopbackUsageError } from './commands.js';
export type { PostRefusal } from './engine.js';
export type { DiscordErrorBody, ErrorTree, FieldError } from './errors.js';
export type { MessageChange } from './events.js';
export type { FaultRule, RandomFaults, RateLimitEnforcement } from './faults.js';
export type { GatewayEvent, PrivilegedIntents } from './gateway.js';
export type { PostOutcome, SlashContext } from './harness/acting.js';
export { LoopbackRefusalError } from './harness/acting.js';
export type { ActorContext, ExpectAny, ExpectMessage, ExpectModal } from './harness/answers.js';
export type { ChannelView, MemberView, ThreadView } from './harness/inspecting.js';
export type {
  AddChannelOptions,
  AddMemberOptions,
  AddRoleOptions,
  OverwriteSpec,
  OverwriteTarget,
  SeedGuildOptions,
} from './harness/seeding.js';
export type { OutcomeTimeouts } from './interactions/outcomes.js';
export type { MessagePings } from './model.js';
export type { GatewayOutage } from './outage.js';
export type { PermissionName } from './permissions.js';
export type { LoopbackOptions } from './server.js';
export { LoopbackDiscord, startLoopbackDiscord } from './server.js';
export type {
  AutocompleteChoice,
  ChannelRef,
  GuildRef,
  LoopbackAttachment,
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
