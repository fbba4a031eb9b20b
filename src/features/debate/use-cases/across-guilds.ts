/**
 * Runs scheduled work for several servers side by side, one server's debates one after another,
 * so a slow or failing server cannot delay the others. `work` catches its own failures.
 */
export async function acrossGuilds(
  guildIds: Iterable<string>,
  work: (guildId: string) => Promise<void>,
): Promise<void> {
  await Promise.all([...new Set(guildIds)].map((guildId) => work(guildId)));
}

export function inGuild<Debate extends { guildId: string }>(
  list: readonly Debate[],
  guildId: string,
): Debate[] {
  return list.filter((debate) => debate.guildId === guildId);
}
