import type { APIApplicationCommandOption } from 'discord.js';
import type { ChannelRecord, CommandRecord, MemberRecord, RoleRecord, UserRecord } from './model.js';

/** A value for a slash command option, converted according to the option's registered type. */
export type SlashOptionValue = string | number | boolean | { readonly id: string };

/** Thrown when the harness is asked to do something a Discord client would not let a member do. */
export class LoopbackUsageError extends Error {
  override readonly name = 'LoopbackUsageError';
}

export interface OptionLookup {
  guildId: string;
  user: (reference: string) => UserRecord | undefined;
  member: (userId: string) => MemberRecord | undefined;
  role: (reference: string) => RoleRecord | undefined;
  channel: (reference: string) => ChannelRecord | undefined;
  apiUser: (user: UserRecord) => unknown;
  apiMember: (member: MemberRecord) => Record<string, unknown>;
  apiRole: (role: RoleRecord) => unknown;
  apiChannel: (channel: ChannelRecord) => Record<string, unknown>;
}

interface DataOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: DataOption[];
  focused?: boolean;
}

export interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  roles?: Record<string, unknown>;
  channels?: Record<string, unknown>;
}

export interface SlashInvocation {
  command: CommandRecord;
  options: DataOption[];
  resolved: Resolved;
  /** The option definitions that apply after subcommand selection. */
  leafOptions: APIApplicationCommandOption[];
}

type Definition = APIApplicationCommandOption & {
  options?: APIApplicationCommandOption[];
  choices?: { name: string; value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
  required?: boolean;
  autocomplete?: boolean;
};

function referenceId(value: SlashOptionValue): string {
  return typeof value === 'object' ? value.id : String(value);
}

function stripMention(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  return match?.[1] ?? text;
}

/** Finds a registered command for `path` (`'quiz'`, `'quiz setup'`, `'quiz admin reset'`) and its leaf option definitions. */
export function findCommandPath(
  commands: readonly CommandRecord[],
  path: string,
  type: number,
): { command: CommandRecord; chain: Definition[]; leaf: Definition[] } {
  const words = path.trim().split(/\s+/);
  const [name, ...rest] = words;
  const command = commands.find((candidate) => candidate.type === type && candidate.name === name);
  if (!command) {
    const known = commands.filter((candidate) => candidate.type === type).map((candidate) => candidate.name);
    throw new LoopbackUsageError(
      `/${name ?? ''} is not registered${known.length > 0 ? ` (registered: ${known.join(', ')})` : '; the bot must register its commands (PUT .../commands) first'}`,
    );
  }
  let leaf = command.options as Definition[];
  const chain: Definition[] = [];
  for (const word of rest) {
    const next = leaf.find((option) => option.name === word && (option.type === 1 || option.type === 2));
    if (!next) throw new LoopbackUsageError(`/${command.name} has no subcommand ${word}`);
    chain.push(next);
    leaf = (next.options ?? []) as Definition[];
  }
  if (leaf.some((option) => option.type === 1 || option.type === 2)) {
    const names = leaf
      .filter((option) => option.type === 1 || option.type === 2)
      .map((option) => option.name);
    throw new LoopbackUsageError(`/${path} needs a subcommand: ${names.join(', ')}`);
  }
  return { command, chain, leaf };
}

function convertValue(
  definition: Definition,
  raw: SlashOptionValue,
  lookup: OptionLookup,
  resolved: Resolved,
): string | number | boolean {
  const name = definition.name;
  switch (definition.type) {
    case 3: {
      if (typeof raw === 'object') throw new LoopbackUsageError(`option ${name} takes text`);
      const text = String(raw);
      if (definition.min_length !== undefined && text.length < definition.min_length) {
        throw new LoopbackUsageError(`option ${name} needs at least ${definition.min_length} characters`);
      }
      if (definition.max_length !== undefined && text.length > definition.max_length) {
        throw new LoopbackUsageError(`option ${name} takes at most ${definition.max_length} characters`);
      }
      return text;
    }
    case 4:
    case 10: {
      const number = typeof raw === 'number' ? raw : Number(String(raw));
      if (Number.isNaN(number) || (definition.type === 4 && !Number.isInteger(number))) {
        throw new LoopbackUsageError(
          `option ${name} takes ${definition.type === 4 ? 'an integer' : 'a number'}`,
        );
      }
      if (definition.min_value !== undefined && number < definition.min_value) {
        throw new LoopbackUsageError(`option ${name} must be at least ${definition.min_value}`);
      }
      if (definition.max_value !== undefined && number > definition.max_value) {
        throw new LoopbackUsageError(`option ${name} must be at most ${definition.max_value}`);
      }
      return number;
    }
    case 5: {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new LoopbackUsageError(`option ${name} takes true or false`);
    }
    case 6:
    case 9: {
      const text = stripMention(referenceId(raw), /^<@!?(\d+)>$/);
      const user = lookup.user(text.replace(/^@/, ''));
      if (user) {
        resolved.users = { ...resolved.users, [user.id]: lookup.apiUser(user) };
        const member = lookup.member(user.id);
        if (member) resolved.members = { ...resolved.members, [user.id]: lookup.apiMember(member) };
        return user.id;
      }
      if (definition.type === 9) {
        const role = lookup.role(stripMention(text, /^<@&(\d+)>$/).replace(/^@/, ''));
        if (role) {
          resolved.roles = { ...resolved.roles, [role.id]: lookup.apiRole(role) };
          return role.id;
        }
      }
      throw new LoopbackUsageError(`option ${name}: no user ${String(text)}`);
    }
    case 8: {
      const text = stripMention(referenceId(raw), /^<@&(\d+)>$/).replace(/^@/, '');
      const role = lookup.role(text);
      if (!role) throw new LoopbackUsageError(`option ${name}: no role ${text}`);
      resolved.roles = { ...resolved.roles, [role.id]: lookup.apiRole(role) };
      return role.id;
    }
    case 7: {
      const text = stripMention(referenceId(raw), /^<#(\d+)>$/).replace(/^#/, '');
      const channel = lookup.channel(text);
      if (!channel) throw new LoopbackUsageError(`option ${name}: no channel ${text}`);
      if (
        definition.channel_types &&
        definition.channel_types.length > 0 &&
        !definition.channel_types.includes(channel.type)
      ) {
        throw new LoopbackUsageError(`option ${name} does not accept channel #${channel.name}`);
      }
      resolved.channels = { ...resolved.channels, [channel.id]: lookup.apiChannel(channel) };
      return channel.id;
    }
    default:
      throw new LoopbackUsageError(
        `option ${name} has type ${definition.type}, which the harness cannot fill`,
      );
  }
}

/**
 * Builds `data.options` and `data.resolved` of a chat input interaction from plain values, the way
 * the Discord client does from the command the bot registered. With `focused`, builds an autocomplete
 * request instead: the focused option carries the typed text and required options may be missing.
 */
export function buildSlashInvocation(
  commands: readonly CommandRecord[],
  path: string,
  values: Readonly<Record<string, SlashOptionValue>>,
  lookup: OptionLookup,
  focused?: { option: string; text: string },
): SlashInvocation {
  const { command, chain, leaf } = findCommandPath(commands, path, 1);
  const resolved: Resolved = {};
  const leafOptions: DataOption[] = [];
  for (const key of Object.keys(values)) {
    if (!leaf.some((definition) => definition.name === key)) {
      throw new LoopbackUsageError(
        `/${path} has no option ${key} (options: ${leaf.map((d) => d.name).join(', ') || 'none'})`,
      );
    }
  }
  for (const definition of leaf) {
    if (focused && definition.name === focused.option) {
      if (!definition.autocomplete)
        throw new LoopbackUsageError(`option ${definition.name} of /${path} has no autocomplete`);
      leafOptions.push({ name: definition.name, type: definition.type, value: focused.text, focused: true });
      continue;
    }
    const raw = values[definition.name];
    if (raw === undefined) {
      if (definition.required && !focused)
        throw new LoopbackUsageError(`/${path} needs option ${definition.name}`);
      continue;
    }
    if (focused) {
      leafOptions.push({
        name: definition.name,
        type: definition.type,
        value: typeof raw === 'object' ? raw.id : raw,
      });
      continue;
    }
    const value = convertValue(definition, raw, lookup, resolved);
    if (
      definition.choices &&
      definition.choices.length > 0 &&
      !definition.choices.some((choice) => choice.value === value)
    ) {
      const names = definition.choices.map((choice) => String(choice.value)).join(', ');
      throw new LoopbackUsageError(`option ${definition.name} must be one of: ${names}`);
    }
    leafOptions.push({ name: definition.name, type: definition.type, value });
  }
  if (focused && !leaf.some((definition) => definition.name === focused.option)) {
    throw new LoopbackUsageError(`/${path} has no option ${focused.option}`);
  }
  let options = leafOptions;
  for (const link of [...chain].reverse()) options = [{ name: link.name, type: link.type, options }];
  return { command, options, resolved, leafOptions: leaf };
}

export function channelOptionLookup(
  channels: Iterable<ChannelRecord>,
  guildId: string,
): (reference: string) => ChannelRecord | undefined {
  const list = [...channels].filter((channel) => channel.guildId === guildId);
  return (reference) =>
    list.find((channel) => channel.id === reference) ?? list.find((channel) => channel.name === reference);
}
