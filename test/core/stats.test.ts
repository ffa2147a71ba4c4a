import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { STATS_BUCKET_MS, StatsCollector, type FunctionStats } from '../../src/core/stats.js';
import { act, failure } from './insight-activations.js';

const T0 = 1_700_000_000_000; // on a bucket boundary
const MINUTE = 60_000;

function clockAt(time: { now: number }): Clock {
  return { now: () => time.now, sleep: async () => {} };
}

function collectorAt(now: number) {
  const time = { now };
  return { time, stats: new StatsCollector({ clock: clockAt(time) }) };
}

function row(stats: StatsCollector, windowMs: number, now: number, fn = 'billing/charge'): FunctionStats | undefined {
  return stats.window(windowMs, { now }).rows.find((candidate) => candidate.fn === fn);
}

describe('StatsCollector rows', () => {
  it('counts invocations, failures, timeouts and cold starts per function', () => {
    const { stats } = collectorAt(T0);
    stats.add([
      act({ start: T0 - 1000 }),
      act({ start: T0 - 2000, cold: true, initTime: 300 }),
      failure('card declined', { start: T0 - 3000 }),
      act({ start: T0 - 4000, status: 'timeout', statusCode: 2, error: 'The action exceeded its time limits' }),
      act({ start: T0 - 5000, fn: 'api/users' }),
    ]);
    const rows = stats.window(5 * MINUTE, { now: T0 }).rows;
    expect(rows.map((r) => r.fn)).toEqual(['api/users', 'billing/charge']);
    expect(rows[1]).toMatchObject({
      invocations: 4,
      failures: 2,
      errorRate: 0.5,
      timeouts: 1,
      coldStarts: 1,
      coldRatio: 0.25,
    });
  });

  it('gives duration percentiles within 1% of the exact ones', () => {
    const { stats } = collectorAt(T0);
    stats.add(Array.from({ length: 100 }, (_, i) => act({ start: T0 - i * 100, duration: i + 1 })));
    const charge = row(stats, MINUTE, T0)!;
    expect(Math.abs(charge.durationP50! - 50)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(charge.durationP95! - 95)).toBeLessThanOrEqual(0.95);
    expect(Math.abs(charge.durationP99! - 99)).toBeLessThanOrEqual(0.99);
  });

  it('takes wait and init percentiles only from activations that report them', () => {
    const { stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 10, waitTime: 20 }), act({ start: T0 - 20 })]);
    const charge = row(stats, MINUTE, T0)!;
    expect(charge.waitP95).toBeCloseTo(20, -0.5);
    expect(charge.initP95).toBeUndefined();
  });

  it('prefers the billed gbs annotation and otherwise multiplies duration by the memory limit', () => {
    const { stats } = collectorAt(T0);
    stats.add([
      act({ start: T0 - 10, gbs: 0.09, duration: 357, memory: 256 }),
      act({ start: T0 - 20, duration: 2000, memory: 512 }), // 2 s × 0.5 GB
      act({ start: T0 - 30, duration: 2000, memory: undefined }), // unknown: adds nothing
    ]);
    expect(row(stats, MINUTE, T0)!.gbSeconds).toBeCloseTo(1.09, 10);
  });

  it('counts activations past 80% of their limit and flags a function when that is common', () => {
    const { stats } = collectorAt(T0);
    const slow = (i: number) => act({ start: T0 - i, duration: 2500, timeoutLimit: 3000 });
    stats.add([slow(1), slow(2), ...Array.from({ length: 20 }, (_, i) => act({ start: T0 - 100 - i }))]);
    const twoSlow = row(stats, MINUTE, T0)!;
    expect(twoSlow).toMatchObject({ nearLimit: 2, oftenNearLimit: false });
    stats.add([slow(3)]);
    const threeSlow = row(stats, MINUTE, T0)!;
    expect(threeSlow).toMatchObject({ nearLimit: 3, oftenNearLimit: true });
    expect(threeSlow.nearLimitRatio).toBeCloseTo(3 / 23);
  });
});

describe('StatsCollector windows', () => {
  it('counts only the buckets overlapping the window', () => {
    const { stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 30_000 }), act({ start: T0 - 4 * MINUTE }), act({ start: T0 - 20 * MINUTE })]);
    expect(row(stats, MINUTE, T0)!.invocations).toBe(1);
    expect(row(stats, 5 * MINUTE, T0)!.invocations).toBe(2);
    expect(row(stats, 60 * MINUTE, T0)!.invocations).toBe(3);
  });

  it('reports the window rounded out to whole buckets', () => {
    const { stats } = collectorAt(T0);
    const window = stats.window(MINUTE, { now: T0 + 5000 });
    expect(window.from).toBe(T0 - MINUTE);
    expect(window.to).toBe(T0 + STATS_BUCKET_MS);
  });

  it('puts a late activation into the bucket of its start, in a window already read', () => {
    const { time, stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 1000 })]);
    expect(row(stats, MINUTE, T0)!.invocations).toBe(1);
    time.now = T0 + 30_000;
    stats.add([act({ start: T0 + 20_000 }), failure('late', { start: T0 - 25_000 })]);
    const later = row(stats, MINUTE, T0 + 30_000)!;
    expect(later).toMatchObject({ invocations: 3, failures: 1 });
  });

  it('lets old activations slide out of the window as time passes', () => {
    const { time, stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 5000 })]);
    expect(row(stats, MINUTE, T0)!.invocations).toBe(1);
    time.now = T0 + 2 * MINUTE;
    expect(stats.window(MINUTE, { now: time.now }).rows).toEqual([]);
    expect(row(stats, 5 * MINUTE, time.now)!.invocations).toBe(1);
  });

  it('ignores activations older than the retention or implausibly far in the future', () => {
    const { stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 2 * 60 * MINUTE }), act({ start: T0 + 3 * 60 * MINUTE }), act({ start: 0 })]);
    expect(stats.window(60 * MINUTE, { now: T0 }).rows).toEqual([]);
    expect(stats.version).toBe(0);
  });

  it('sums invocations and failures into sparkline slots, oldest first', () => {
    const { stats } = collectorAt(T0);
    stats.add([
      act({ start: T0 - 55_000 }),
      failure('x', { start: T0 - 54_000 }),
      act({ start: T0 - 15_000 }),
      act({ start: T0 + 1000 }),
    ]);
    const window = stats.window(MINUTE, { now: T0 + 1000, points: 7 });
    const charge = window.rows[0]!;
    expect(window.slotMs).toBe(STATS_BUCKET_MS);
    expect(charge.rate).toEqual([2, 0, 0, 0, 1, 0, 1]);
    expect(charge.errors).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it('merges buckets into fewer points when asked', () => {
    const { stats } = collectorAt(T0);
    stats.add(Array.from({ length: 6 }, (_, i) => act({ start: T0 - 55_000 + i * 10_000 })));
    const window = stats.window(MINUTE, { now: T0 + 1000, points: 3 });
    expect(window.rows[0]!.rate.reduce((a, b) => a + b)).toBe(6);
    expect(window.rows[0]!.rate).toHaveLength(3);
  });

  it('returns the same object until an activation is counted or the window moves to a new bucket', () => {
    const { stats } = collectorAt(T0);
    stats.add([act({ start: T0 - 1000 })]);
    const first = stats.window(MINUTE, { now: T0 + 1 });
    expect(stats.window(MINUTE, { now: T0 + 2 })).toBe(first);
    stats.add([act({ start: T0 - 2000 })]);
    expect(stats.window(MINUTE, { now: T0 + 2 })).not.toBe(first);
  });
});
