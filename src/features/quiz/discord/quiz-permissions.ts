import {
  type Guild,
  type GuildBasedChannel,
  PermissionFlagsBits,
  type PermissionsString,
  type Role,
} from 'discord.js';
import { permissionLabel } from '../../../platform/discord/permissions.js';

/** What the bot needs in the quiz channel: see it, post, embed, and read back its own messages. */
export const quizChannelPermissions = [
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'ReadMessageHistory',
] as const satisfies readonly PermissionsString[];

/** Without these the question cannot be posted at all; Read Message History only helps recovery. */
export const quizPostingPermissions = quizChannelPermissions.slice(0, 3);

/** Needed to look for a message that may have been posted before a crash. */
export const quizRecoveryPermissions = quizChannelPermissions.slice(3);

/** The permissions the bot lacks in `channel`, by name, from the cached overwrites and roles. */
export function missingChannelPermissions(
  channel: GuildBasedChannel,
  required: readonly PermissionsString[] = quizChannelPermissions,
): string[] {
  const me = channel.guild.members.me;
  if (!me) return required.map((name) => permissionLabel(name));
  const granted = channel.permissionsFor(me);
  return required
    .filter((name) => !granted.has(PermissionFlagsBits[name]))
    .map((name) => permissionLabel(name));
}

export type RoleManagement =
  | { kind: 'ok' }
  | { kind: 'missing-manage-roles' }
  | { kind: 'role-too-high'; botRole: string }
  | { kind: 'managed-role' };

/** Whether the bot can give and take `role`: it needs Manage Roles and a highest role above it. */
export function checkRoleManagement(guild: Guild, role: Role): RoleManagement {
  const me = guild.members.me;
  if (!me?.permissions.has(PermissionFlagsBits.ManageRoles)) return { kind: 'missing-manage-roles' };
  if (role.managed) return { kind: 'managed-role' };
  if (me.roles.highest.comparePositionTo(role) <= 0)
    return { kind: 'role-too-high', botRole: me.roles.highest.name };
  return { kind: 'ok' };
}

export function describeRoleManagement(check: RoleManagement, role: Role): string | null {
  switch (check.kind) {
    case 'ok':
      return null;
    case 'missing-manage-roles':
      return `I need the ${permissionLabel('ManageRoles')} permission to give and take ${role.toString()}.`;
    case 'managed-role':
      return `${role.toString()} is managed by an integration, so I cannot give it to members.`;
    case 'role-too-high':
      return `My highest role (${check.botRole}) must be above ${role.toString()} in Server Settings → Roles for me to give and take it.`;
  }
}

/** Whether the ping will really notify: the role is mentionable or the bot may mention everyone. */
export function canPingRole(channel: GuildBasedChannel, role: Role): boolean {
  const me = channel.guild.members.me;
  if (role.mentionable) return true;
  return me ? channel.permissionsFor(me).has(PermissionFlagsBits.MentionEveryone) : false;
}
