import type { MessagePings } from './model.js';

/** Where a message is sent from; Discord's default `allowed_mentions` differs between them. */
export type MentionSource = 'channel' | 'interaction' | 'webhook';

interface AllowedMentions {
  parse?: readonly string[] | null;
  users?: readonly string[] | null;
  roles?: readonly string[] | null;
  replied_user?: boolean | null;
}

export interface MentionInput {
  content: string;
  allowedMentions: unknown;
  source: MentionSource;
  authorCanMentionEveryone: boolean;
  isRoleMentionable: (roleId: string) => boolean | undefined;
  isGuildMember: (userId: string) => boolean;
  repliedUserId: string | null;
}

export interface MentionResult {
  mentionUserIds: string[];
  mentionRoleIds: string[];
  mentionEveryone: boolean;
  pings: MessagePings;
}

function asAllowedMentions(value: unknown): AllowedMentions | null {
  return typeof value === 'object' && value !== null ? (value as AllowedMentions) : null;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * Resolves who a message notifies, the way Discord does: mentions found in the content,
 * filtered by `allowed_mentions` (absent: everything for channel messages, users only for
 * interaction responses and webhooks), role mentionability and the author's Mention Everyone permission.
 */
export function resolveMentions(input: MentionInput): MentionResult {
  const content = input.content;
  const mentionedUsers = unique([...content.matchAll(/<@!?(\d{1,20})>/g)].map((match) => match[1] ?? ''));
  const mentionedRoles = unique([...content.matchAll(/<@&(\d{1,20})>/g)].map((match) => match[1] ?? ''));
  const mentionsEveryone = /@(everyone|here)\b/.test(content);
  const given = asAllowedMentions(input.allowedMentions);
  const parse = given
    ? (given.parse ?? [])
    : input.source === 'channel'
      ? ['users', 'roles', 'everyone']
      : ['users'];
  const allowedUsers = new Set(given?.users ?? []);
  const allowedRoles = new Set(given?.roles ?? []);
  const users = mentionedUsers.filter(
    (id) => input.isGuildMember(id) && (parse.includes('users') || allowedUsers.has(id)),
  );
  const roles = mentionedRoles.filter((id) => {
    const mentionable = input.isRoleMentionable(id);
    if (mentionable === undefined) return false;
    if (!mentionable && !input.authorCanMentionEveryone) return false;
    return parse.includes('roles') || allowedRoles.has(id);
  });
  const everyone = mentionsEveryone && parse.includes('everyone') && input.authorCanMentionEveryone;
  const repliedUser = given ? given.replied_user === true : true;
  const pingedUsers =
    input.repliedUserId && repliedUser && input.isGuildMember(input.repliedUserId)
      ? unique([...users, input.repliedUserId])
      : users;
  return {
    mentionUserIds: pingedUsers,
    mentionRoleIds: roles,
    mentionEveryone: everyone,
    pings: { users: pingedUsers, roles, everyone },
  };
}
