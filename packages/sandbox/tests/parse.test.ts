import { describe, expect, it } from 'vitest';
import { parseDuration, parseInput, tokenize } from '../src/parse.js';

describe('tokenize', () => {
  it('GIVEN quoted values THEN spaces inside quotes are kept and quotes removed', () => {
    expect(tokenize('/factcheck story:"us japan" claim:\'a b\' x')).toEqual({
      ok: true,
      tokens: ['/factcheck', 'story:us japan', 'claim:a b', 'x'],
    });
    expect(tokenize('say \\"hi\\"')).toEqual({ ok: true, tokens: ['say', '"hi"'] });
    expect(tokenize('/x a:"open')).toEqual({ ok: false, problem: 'unclosed " quote' });
  });
});

describe('parseDuration', () => {
  it('GIVEN clock steps THEN they become milliseconds', () => {
    expect(parseDuration('+1d')).toBe(86_400_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('+1d2h30m')).toBe(95_400_000);
    expect(parseDuration('+1w')).toBe(604_800_000);
    expect(parseDuration('soon')).toBeNull();
  });
});

describe('parseInput', () => {
  it('GIVEN slash commands THEN path words and options are separated', () => {
    expect(parseInput('/summary story:us-japan-alliance')).toEqual({
      kind: 'slash',
      path: ['summary'],
      options: { story: 'us-japan-alliance' },
    });
    expect(parseInput('/quiz setup channel:#politics time:09:00')).toEqual({
      kind: 'slash',
      path: ['quiz', 'setup'],
      options: { channel: '#politics', time: '09:00' },
    });
    expect(parseInput('/debate start motion:"Japan should pay more"')).toEqual({
      kind: 'slash',
      path: ['debate', 'start'],
      options: { motion: 'Japan should pay more' },
    });
    expect(parseInput('/summary story:x stray').kind).toBe('invalid');
    expect(parseInput('/')).toEqual({ kind: 'commands' });
  });

  it('GIVEN clicks and selects THEN message references and items are read', () => {
    expect(parseInput(':click 2')).toEqual({ kind: 'click', message: null, button: 2 });
    expect(parseInput(':click #3.1')).toEqual({ kind: 'click', message: 3, button: 1 });
    expect(parseInput(':click Next page')).toEqual({ kind: 'click', message: null, button: 'Next page' });
    expect(parseInput(':select 4.1 a, b')).toEqual({
      kind: 'select',
      message: 4,
      menu: 1,
      values: ['a', 'b'],
    });
    expect(parseInput(':select 1').kind).toBe('invalid');
  });

  it('GIVEN member, place and time commands THEN they are understood', () => {
    expect(parseInput(':as @mod')).toEqual({ kind: 'as', member: 'mod' });
    expect(parseInput(':say I think "so"')).toEqual({ kind: 'say', text: 'I think "so"' });
    expect(parseInput(':in #politics')).toEqual({ kind: 'in', channel: 'politics' });
    expect(parseInput(':in Alliance debate')).toEqual({ kind: 'in', channel: 'Alliance debate' });
    expect(parseInput(':clock +2h')).toEqual({ kind: 'clock', deltaMs: 7_200_000 });
    expect(parseInput(':clock later').kind).toBe('invalid');
    expect(parseInput(':submit reason="too rude" detail=x')).toEqual({
      kind: 'submit',
      values: { reason: 'too rude', detail: 'x' },
    });
    expect(parseInput(':menu "Report to moderators" #7')).toEqual({
      kind: 'menu',
      name: 'Report to moderators',
      message: 7,
    });
  });

  it('GIVEN help, quit, blank lines, comments and unknown input THEN each is classified', () => {
    expect(parseInput(':help').kind).toBe('help');
    expect(parseInput(':quit').kind).toBe('quit');
    expect(parseInput('   ').kind).toBe('empty');
    expect(parseInput('// a comment in a script').kind).toBe('empty');
    expect(parseInput('hello').kind).toBe('invalid');
    expect(parseInput(':dance').kind).toBe('invalid');
  });
});
