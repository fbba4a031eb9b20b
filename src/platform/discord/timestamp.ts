/**
 * Discord's timestamp styles: `t` 16:20, `T` 16:20:30, `d` 20/04/2021, `D` 20 April 2021,
 * `f` 20 April 2021 16:20, `F` Tuesday, 20 April 2021 16:20, `R` 2 months ago.
 */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

/**
 * `<t:seconds:style>` for an instant in milliseconds, which each reader's client shows in their own
 * time zone. For code that does not import discord.js; discord-facing code uses discord.js `time()`.
 */
export function discordTimestamp(milliseconds: number, style: TimestampStyle = 'f'): string {
  return `<t:${Math.floor(milliseconds / 1000)}:${style}>`;
}
