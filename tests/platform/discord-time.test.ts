import { describe, expect, test } from 'vitest';
import { createDiscordTime, type HostClockOffset } from '../../src/platform/discord/discord-time.js';

/**
 * Discord's clock is `now`; the host's monotonic clock is `now` too (its origin does not matter) and its
 * wall clock is off by `hostOffsetMs`. Observations arrive `transitMs` after Discord made them.
 */
function setting(hostOffsetMs: number) {
  let now = Date.parse('2026-11-26T09:00:00.000Z');
  const warnings: HostClockOffset[] = [];
  const time = createDiscordTime({
    monotonic: () => now - 1_000_000,
    wallClock: () => now + hostOffsetMs,
    onHostClockOff: (offset) => warnings.push(offset),
  });
  return {
    time,
    warnings,
    advance(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
    /** A REST answer generated `transitMs` ago, with Discord's Date header of that moment. */
    restAnswer(transitMs = 20) {
      time.observeDateHeader(new Date(now - transitMs).toUTCString());
    },
  };
}

describe('Discord’s clock estimated from what it sends', () => {
  test('GIVEN nothing observed yet THEN the age is unknown and nothing is called late', () => {
    expect(setting(0).time.ageOf(Date.now())).toBeNull();
  });

  test.each([5_000, -5_000, 0])(
    'GIVEN a host clock off by %i ms THEN a fresh interaction is young and one the bot took 3.2 s to see is late',
    (offset) => {
      const world = setting(offset);
      world.restAnswer();
      world.advance(1_000);
      world.restAnswer();
      world.advance(400);
      // A first interaction, seen 30 ms after Discord created it: its age comes from the REST answers alone.
      const first = world.now - 30;
      const firstAge = world.time.ageOf(first) as number;
      expect(firstAge).toBeLessThanOrEqual(30);
      expect(firstAge).toBeGreaterThan(-1_000);
      world.time.observeCreated(first);
      world.advance(5_000);
      // Now with a snowflake seen: ages are exact to the transit time.
      const fresh = world.now - 40;
      expect(world.time.ageOf(fresh)).toBeGreaterThanOrEqual(10);
      expect(world.time.ageOf(fresh)).toBeLessThanOrEqual(40);
      world.time.observeCreated(fresh);
      const stalled = world.now - 3_200;
      expect(world.time.ageOf(stalled)).toBeGreaterThan(3_000);
      expect(world.time.ageOf(stalled)).toBeLessThanOrEqual(3_200);
    },
  );

  test('GIVEN a host clock 5 s ahead THEN it is warned about once, from the first snowflake, with the offset to the transit time', () => {
    const world = setting(5_000);
    world.restAnswer();
    expect(world.warnings).toEqual([]);
    world.time.observeCreated(world.now - 25);
    world.advance(60_000);
    world.time.observeCreated(world.now - 25);
    expect(world.warnings).toHaveLength(1);
    expect(world.warnings[0]?.offsetMs).toBeGreaterThanOrEqual(5_000);
    expect(world.warnings[0]?.offsetMs).toBeLessThanOrEqual(5_025);
  });

  test('GIVEN a host clock 5 s behind THEN it is warned about with a negative offset', () => {
    const world = setting(-5_000);
    world.time.observeCreated(world.now - 25);
    expect(world.warnings[0]?.offsetMs).toBeLessThan(-4_900);
  });

  test('GIVEN a host clock 600 ms ahead THEN nothing is warned about', () => {
    const world = setting(600);
    for (let index = 0; index < 5; index += 1) {
      world.restAnswer();
      world.time.observeCreated(world.now - 60);
      world.advance(700);
    }
    expect(world.warnings).toEqual([]);
    expect(world.time.hostOffsetMs()).toBeGreaterThanOrEqual(600);
    expect(world.time.hostOffsetMs()).toBeLessThanOrEqual(660);
  });

  test('GIVEN the wall clock set forward by 10 s while running THEN ages do not move: they rest on the monotonic clock', () => {
    let wallOffset = 0;
    let now = 1_000_000;
    const time = createDiscordTime({ monotonic: () => now, wallClock: () => now + wallOffset });
    time.observeCreated(now - 20);
    wallOffset = 10_000;
    now += 1_000;
    expect(time.ageOf(now - 50)).toBeLessThanOrEqual(50);
    expect(time.ageOf(now - 50)).toBeGreaterThanOrEqual(30);
  });
});
