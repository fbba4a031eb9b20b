import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Command, CommandAudience } from '../router/command.js';

/** What a member needs for each audience when a command does not set `default_member_permissions`. */
export const audiencePermissions: Readonly<Record<CommandAudience, bigint>> = {
  everyone: 0n,
  moderator: PermissionFlagsBits.ManageThreads,
  admin: PermissionFlagsBits.ManageGuild,
};

/**
 * The permissions a member needs for a command: its `default_member_permissions`, else what its
 * audience implies; a subcommand with a narrower audience adds that audience's permissions.
 */
export function requiredPermissions(command: Command, audience: CommandAudience = command.audience): bigint {
  const declared = command.data.default_member_permissions;
  if (declared === undefined || declared === null) return audiencePermissions[audience];
  const permissions = BigInt(declared);
  return audience === command.audience ? permissions : permissions | audiencePermissions[audience];
}

/**
 * True when a member holding `memberPermissions` may use something that needs `required`
 * (Administrator counts as every permission). Outside a server nothing but `everyone` is usable.
 */
export function holdsPermissions(
  memberPermissions: Readonly<PermissionsBitField> | null,
  required: bigint,
): boolean {
  if (required === 0n) return true;
  return memberPermissions?.has(required) ?? false;
}
