import { describe, expect, it } from 'vitest';
import { parseDuration, parseInput, sandboxHelp, tokenize } from '../src/parse.js';

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

  it('GIVEN :save, :show, :channels, :commands name and :clock HH:MM THEN they are understood', () => {
    expect(parseInput(':save 4 exports')).toEqual({ kind: 'save', message: 4, directory: 'exports' });
    expect(parseInput(':save #4 "my exports"')).toEqual({
      kind: 'save',
      message: 4,
      directory: 'my exports',
    });
    expect(parseInput(':save /tmp/out')).toEqual({ kind: 'save', message: null, directory: '/tmp/out' });
    expect(parseInput(':save 4').kind).toBe('invalid');
    expect(parseInput(':save').kind).toBe('invalid');
    expect(parseInput(':show #2')).toEqual({ kind: 'show', message: 2 });
    expect(parseInput(':show').kind).toBe('invalid');
    expect(parseInput(':channels')).toEqual({ kind: 'channels' });
    expect(parseInput(':commands quiz')).toEqual({ kind: 'commands', filter: 'quiz' });
    expect(parseInput(':commands')).toEqual({ kind: 'commands' });
    expect(parseInput(':clock 08:55')).toEqual({ kind: 'clock', until: { hours: 8, minutes: 55 } });
    expect(parseInput(':clock 25:00').kind).toBe('invalid');
    expect(parseInput(':in This house believes…')).toEqual({ kind: 'in', channel: 'This house believes…' });
  });

  it('GIVEN :help THEN it documents :in 1, :channels, :show, :save, option:? and :clock HH:MM', () => {
    const help = sandboxHelp.join('\n');
    for (const text of [
      ':in 1',
      ':channels',
      ':show N',
      ':save N DIR',
      'duration:?',
      ':clock +1d | +2h | +30m | 08:55',
    ])
      expect(help).toContain(text);
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
