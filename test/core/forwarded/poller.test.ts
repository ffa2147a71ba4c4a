// One destination's pacing: its own interval, stretched by the announced rate limit, backing off
// on failures with a 429's wait as the floor, and a wrong token retried only at the slowest pace.
import { describe, expect, it } from 'vitest';
import { SourcePoller, pauseAfter } from '../../../src/core/forwarded-poller.js';
import type { SourceHealth } from '../../../src/core/forwarded-types.js';
import { FakeClock, ScriptedSource, activationId, failure, line } from './fixtures.js';

function poller(source: ScriptedSource, clock = new FakeClock()) {
  const received: string[] = [];
  const healths: SourceHealth[] = [];
  const instance = new SourcePoller(source, {
    clock,
    random: () => 0.5,
    maxBackoffMs: 60_000,
    onLines: (lines) => received.push(...lines.map((l) => l.message)),
    onHealth: (health) => healths.push(health),
  });
  return { instance, received, healths, clock };
}

describe('pauseAfter', () => {
  it('keeps the interval while the budget lasts', () => {
    const rateLimit = { remaining: 100, resetAtMs: 60_000 };
    expect(pauseAfter({ lines: [], more: false, rateLimit }, 3000, 0)).toEqual({ delayMs: 3000, rateLimited: false });
  });

  it('spreads what is left of the budget evenly until the reset', () => {
    const rateLimit = { remaining: 2, resetAtMs: 60_000 };
    expect(pauseAfter({ lines: [], more: false, rateLimit }, 15_000, 0)).toEqual({
      delayMs: 30_000,
      rateLimited: true,
    });
  });

  it('waits for the reset when the budget is spent', () => {
    const rateLimit = { remaining: 0, resetAtMs: 50_000 };
    expect(pauseAfter({ lines: [], more: false, rateLimit }, 3000, 10_000)).toEqual({
      delayMs: 40_000,
      rateLimited: true,
    });
  });

  it('comes back sooner when a page cap cut the poll short', () => {
    expect(pauseAfter({ lines: [], more: true }, 15_000, 0).delayMs).toBe(1000);
  });
});

describe('SourcePoller', () => {
  it('hands over lines and reports the source live with its counts', async () => {
    const source = new ScriptedSource('betterstack', 3000).respond({
      lines: [line(activationId(1), 'hi')],
      more: false,
    });
    const { instance, received, healths, clock } = poller(source);
    expect(await instance.pollOnce()).toBe(3000);
    expect(received).toEqual(['hi']);
    expect(healths.at(-1)).toMatchObject({
      source: 'betterstack',
      state: 'live',
      lines: 1,
      polls: 1,
      lastSuccessAt: clock.time,
      lastPollStartedAt: clock.time,
      nextPollAt: clock.time + 3000,
      rateLimited: false,
    });
  });

  it('waits at least as long as a 429 asks, and says it is rate-limited', async () => {
    const source = new ScriptedSource('datadog', 15_000).respond(
      failure('rate-limited', 'rate limited by api', 45_000),
    );
    const { instance, healths } = poller(source);
    expect(await instance.pollOnce()).toBe(45_000);
    expect(healths.at(-1)).toMatchObject({ state: 'backing-off', rateLimited: true, consecutiveErrors: 1 });
  });

  it('backs off exponentially while a source is down, and recovers', async () => {
    const source = new ScriptedSource('papertrail', 2000).respond(
      failure('network', 'cannot connect'),
      failure('network', 'cannot connect'),
      { lines: [], more: false },
    );
    const { instance, healths } = poller(source);
    const first = await instance.pollOnce();
    const second = await instance.pollOnce();
    expect(second).toBeGreaterThan(first);
    expect(healths.at(-1)).toMatchObject({
      state: 'backing-off',
      consecutiveErrors: 2,
      lastError: { kind: 'network', message: 'cannot connect' },
    });
    await instance.pollOnce();
    expect(healths.at(-1)).toMatchObject({ state: 'live', consecutiveErrors: 0 });
  });

  it('retries a wrong token only at the slowest pace, as an error', async () => {
    const source = new ScriptedSource().respond(failure('auth', 'authentication failed for https://papertrailapp.com'));
    const { instance, healths } = poller(source);
    expect(await instance.pollOnce()).toBe(60_000);
    expect(healths.at(-1)).toMatchObject({ state: 'error', lastError: { kind: 'auth' } });
  });
});
