import { discordErrors, type ErrorAnswer } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { CommandRecord } from '../model.js';
import { validateCommand, validateCommandList } from '../validation/commands.js';
import type { RouteKit } from './kit.js';
import type { RouteTable } from './router.js';

function commandFrom(
  kit: RouteKit,
  body: Json,
  guildId: string | null,
  existing?: CommandRecord,
): CommandRecord {
  const store = kit.store;
  const permissions = body.default_member_permissions;
  return {
    id: existing?.id ?? store.ids.next(),
    applicationId: store.applicationId,
    guildId,
    version: store.ids.next(),
    type: typeof body.type === 'number' ? body.type : 1,
    name: String(body.name),
    description: typeof body.description === 'string' ? body.description : '',
    options: (Array.isArray(body.options) ? body.options : []) as CommandRecord['options'],
    defaultMemberPermissions:
      permissions === undefined || permissions === null ? null : String(permissions as string | number),
    nsfw: body.nsfw === true,
    contexts: Array.isArray(body.contexts) ? (body.contexts as number[]) : null,
    integrationTypes: Array.isArray(body.integration_types) ? (body.integration_types as number[]) : [0],
    nameLocalizations: isObject(body.name_localizations)
      ? (body.name_localizations as Record<string, string>)
      : null,
    descriptionLocalizations: isObject(body.description_localizations)
      ? (body.description_localizations as Record<string, string>)
      : null,
  };
}

/** Global commands (`guild` absent) or the commands of a guild the bot is in. */
function commandScope(
  kit: RouteKit,
  params: Record<string, string>,
): { guildId: string | null } | ErrorAnswer {
  if (params.application !== kit.store.applicationId) return discordErrors.missingAccess();
  if (params.guild === undefined) return { guildId: null };
  if (!kit.store.guilds.has(params.guild) || !kit.store.member(params.guild, kit.botId))
    return discordErrors.missingAccess();
  return { guildId: params.guild };
}

function commandsIn(kit: RouteKit, guildId: string | null): CommandRecord[] {
  return [...kit.store.commands.values()].filter((command) => command.guildId === guildId);
}

function sameCommand(entry: Json): (command: CommandRecord) => boolean {
  return (command) => command.name === entry.name && command.type === (entry.type ?? 1);
}

/** Application commands, global and per guild: list, bulk overwrite, create, get, edit, delete. */
export function registerCommandRoutes(routes: RouteTable, kit: RouteKit): void {
  const store = kit.store;
  for (const prefix of [
    '/applications/:application/commands',
    '/applications/:application/guilds/:guild/commands',
  ]) {
    routes.add('GET', prefix, ({ params }) => {
      const scope = commandScope(kit, params);
      if ('status' in scope) return scope;
      return {
        status: 200,
        body: commandsIn(kit, scope.guildId).map((command) => store.toApiCommand(command)),
      };
    });
    routes.add('PUT', prefix, ({ params, body }) => {
      const scope = commandScope(kit, params);
      if ('status' in scope) return scope;
      const check = validateCommandList(body);
      if (!check.ok) return check.answer;
      const previous = commandsIn(kit, scope.guildId);
      for (const command of previous) store.commands.delete(command.id);
      const saved = (body as Json[]).map((entry) => {
        const command = commandFrom(kit, entry, scope.guildId, previous.find(sameCommand(entry)));
        store.commands.set(command.id, command);
        return store.toApiCommand(command);
      });
      return { status: 200, body: saved };
    });
    routes.add('POST', prefix, ({ params, body }) => {
      const scope = commandScope(kit, params);
      if ('status' in scope) return scope;
      const check = validateCommand(body);
      if (!check.ok) return check.answer;
      const entry = body as Json;
      const existing = commandsIn(kit, scope.guildId).find(sameCommand(entry));
      const command = commandFrom(kit, entry, scope.guildId, existing);
      store.commands.set(command.id, command);
      return { status: existing ? 200 : 201, body: store.toApiCommand(command) };
    });
    const one = (params: Record<string, string>): CommandRecord | ErrorAnswer => {
      const scope = commandScope(kit, params);
      if ('status' in scope) return scope;
      const command = store.commands.get(params.command ?? '');
      return command && command.guildId === scope.guildId ? command : discordErrors.unknownCommand();
    };
    routes.add('GET', `${prefix}/:command`, ({ params }) => {
      const command = one(params);
      return 'status' in command ? command : { status: 200, body: store.toApiCommand(command) };
    });
    routes.add('PATCH', `${prefix}/:command`, ({ params, body }) => {
      const command = one(params);
      if ('status' in command) return command;
      const merged = { ...(store.toApiCommand(command) as Json), ...(isObject(body) ? body : {}) };
      const check = validateCommand(merged);
      if (!check.ok) return check.answer;
      const updated = commandFrom(kit, merged, command.guildId, command);
      store.commands.set(updated.id, updated);
      return { status: 200, body: store.toApiCommand(updated) };
    });
    routes.add('DELETE', `${prefix}/:command`, ({ params }) => {
      const command = one(params);
      if ('status' in command) return command;
      store.commands.delete(command.id);
      return { status: 204 };
    });
  }
}
