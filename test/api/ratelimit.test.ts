import { describe, expect, it } from 'vitest';
import { rateLimitWaitMs, readRateLimit } from '../../src/api/ratelimit.js';

describe('DO rate-limit headers', () => {
  it('reads all three headers; reset is epoch seconds', () => {
    const headers = { 'ratelimit-limit': '250', 'ratelimit-remaining': '249', 'ratelimit-reset': '1704067260' };
    expect(readRateLimit(headers)).toEqual({ limit: 250, remaining: 249, resetAtMs: 1_704_067_260_000 });
  });

  it('ignores partial or non-numeric headers', () => {
    expect(readRateLimit({ 'ratelimit-limit': '250', 'ratelimit-remaining': '1' })).toBeUndefined();
    expect(
      readRateLimit({ 'ratelimit-limit': 'x', 'ratelimit-remaining': '1', 'ratelimit-reset': '2' }),
    ).toBeUndefined();
    expect(readRateLimit({})).toBeUndefined();
  });

  it('asks to wait only when the budget is spent and the reset is ahead', () => {
    const spent = { limit: 250, remaining: 0, resetAtMs: 10_000 };
    expect(rateLimitWaitMs(spent, 4_000)).toBe(6_000);
    expect(rateLimitWaitMs(spent, 12_000)).toBe(0);
    expect(rateLimitWaitMs({ ...spent, remaining: 1 }, 4_000)).toBe(0);
    expect(rateLimitWaitMs(undefined, 4_000)).toBe(0);
  });
});
