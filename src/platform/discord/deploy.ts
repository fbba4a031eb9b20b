import {
  type REST,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from 'discord.js';
import type { Command } from '../router/command.js';

export function commandPayloads(list: readonly Command[]) {
  return list.map((command) => command.data);
}

/** Registers the command list globally, or to one guild when `guildId` is given (instant, for development). */
export async function deployCommands(
  rest: REST,
  list: readonly Command[],
  guildId?: string,
): Promise<{ applicationId: string; registered: RESTPutAPIApplicationCommandsResult }> {
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const route = guildId
    ? Routes.applicationGuildCommands(application.id, guildId)
    : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, {
    body: commandPayloads(list),
  })) as RESTPutAPIApplicationCommandsResult;
  return { applicationId: application.id, registered };
}
