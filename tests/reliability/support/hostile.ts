import fc from 'fast-check';

/** Ids a hostile member might paste into text: mentions of users, roles and channels that exist. */
export interface MentionTargets {
  userIds: readonly string[];
  roleIds: readonly string[];
  channelIds: readonly string[];
}

const fixedPieces = [
  '',
  ' ',
  '   \t  ',
  '\n\n\n',
  '@everyone',
  '@here',
  '@everyone @here',
  '**bold** __underline__ ~~strike~~ ||spoiler||',
  '```js\nprocess.exit(1)\n```',
  '```',
  '`',
  '> quoted\n>>> block quote',
  '# Heading\n## Sub',
  '-# subtext',
  '[totally legit](https://evil.example/phish)',
  '<https://evil.example>',
  '\\',
  '\\*escaped\\*',
  '\u0000\u0001\u0002\u0007\u0008\u001b[31m',
  '\u007f\u0085',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u202e\u202b\u200f\u2067gnirts desrever',
  '\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  '🗳️👨‍👩‍👧‍👦🇯🇵🏳️‍🌈',
  'Z̸̢͓̈́a̵̛͉l̴͙̈́g̷̱̈o̶̖̍',
  '\ud800',
  '\udfff\ud800',
  '<:custom:123456789012345678>',
  '<t:0:R>',
  '<a:dance:123456789012345678>',
  '</quiz setup:123456789012345678>',
  'us-japan-alliance',
  'US-JAPAN-ALLIANCE',
  'japan-defence-buildup',
  'us-japan-alliance\u0000',
  '../../../etc/passwd',
  "'; DROP TABLE quiz_answers; --",
  '%s%n%x',
  '$' + '{process.env.DISCORD_TOKEN}',
  '{{7*7}}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999999',
  '2026-02-30',
  '2026-13-01',
  '9999-99-99',
  '25:99',
  '24:00',
  '-01:00',
  'EST5',
  'Tokyo',
  '+09:00',
  'Etc/GMT+14',
  'Europe/Londn',
  'rt1:quiz:answer:1:0',
];

/** Hostile fragments, with mentions of real users, roles and channels mixed in. */
function pieces(targets: MentionTargets): fc.Arbitrary<string> {
  const mentions: string[] = [
    ...targets.userIds.flatMap((id) => [`<@${id}>`, `<@!${id}>`]),
    ...targets.roleIds.map((id) => `<@&${id}>`),
    ...targets.channelIds.map((id) => `<#${id}>`),
  ];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fixedPieces) },
    { weight: 2, arbitrary: fc.constantFrom(...mentions) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
}

/** Very long texts: the 6,000 characters of a message, repeated mentions, one huge word. */
function longText(targets: MentionTargets): fc.Arbitrary<string> {
  const someone = targets.userIds[0] ?? '1';
  return fc.constantFrom(
    'x'.repeat(6_000),
    '@everyone '.repeat(600),
    `<@${someone}> `.repeat(250),
    '🗳️'.repeat(2_000),
    '\u200b'.repeat(6_000),
    `${'a'.repeat(2_000)} ${'b'.repeat(3_999)}`,
    '**'.repeat(3_000),
  );
}

/** Random and hostile text, up to 6,000 characters. */
export function hostileText(targets: MentionTargets): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(pieces(targets), { maxLength: 6 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: longText(targets) },
  );
}

/** What a Discord client lets through: at most `maxLength` characters (longer values never reach the bot). */
export function clientText(targets: MentionTargets, maxLength: number, minLength = 0): fc.Arbitrary<string> {
  return hostileText(targets)
    .map((text) => text.slice(0, maxLength))
    .filter((text) => text.length >= minLength);
}

/** Hostile text with no digit in it: certainly not a time, a duration or a number. */
export function textWithoutDigits(targets: MentionTargets, maxLength: number, minLength = 0) {
  return hostileText(targets)
    .map((text) => text.replace(/\p{Nd}/gu, '').slice(0, maxLength))
    .filter((text) => text.length >= minLength);
}
