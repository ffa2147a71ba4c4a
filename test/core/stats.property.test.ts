// The incremental, bucketed, sliding statistics against a brute-force recomputation from every
// activation added, over random arrival orders, batches, clock moves and window reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFailure, nearTimeout, type Activation, type ActivationStatus } from '../../src/core/activation.js';
import { RELATIVE_ERROR } from '../../src/core/quantile-sketch.js';
import { STATS_BUCKET_MS, STATS_WINDOWS_MS, StatsCollector } from '../../src/core/stats.js';
import { gbSecondsOf } from '../../src/core/stats-tally.js';
import { act } from './insight-activations.js';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const RETENTION_MS = 60 * MINUTE + 2 * STATS_BUCKET_MS;
const bucketOf = (time: number) => Math.floor(time / STATS_BUCKET_MS);

const activationArbitrary = fc.record({
  fn: fc.constantFrom('a', 'b', 'pkg/c'),
  offset: fc.integer({ min: -75 * MINUTE, max: MINUTE }),
  duration: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  waitTime: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  initTime: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
  status: fc.constantFrom<ActivationStatus>('success', 'success', 'app-error', 'timeout'),
  gbs: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
});

type Arrival = typeof activationArbitrary extends fc.Arbitrary<infer T> ? T : never;

type Step =
  | { kind: 'add'; batch: Arrival[] }
  | { kind: 'advance'; ms: number }
  | { kind: 'read'; windowMs: number; lagMs: number; points: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), batch: fc.array(activationArbitrary, { maxLength: 15 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 * MINUTE }) }),
  fc.record({
    kind: fc.constant('read' as const),
    windowMs: fc.constantFrom(...STATS_WINDOWS_MS),
    lagMs: fc.integer({ min: 0, max: 10_000 }),
    points: fc.integer({ min: 1, max: 40 }),
  }),
);

function exactQuantile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

function expectClose(estimate: number | undefined, exact: number | undefined): void {
  if (exact === undefined) return expect(estimate).toBeUndefined();
  expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(exact * (RELATIVE_ERROR + 1e-9));
}

function checkRead(stats: StatsCollector, counted: Activation[], now: number, read: Extract<Step, { kind: 'read' }>) {
  const window = stats.window(read.windowMs, { now, points: read.points });
  const lo = bucketOf(now - read.windowMs);
  const hi = bucketOf(now);
  const inWindow = counted.filter((a) => bucketOf(a.start) >= lo && bucketOf(a.start) <= hi);
  const fns = [...new Set(inWindow.map((a) => a.fn))].sort();
  expect(window.rows.map((row) => row.fn)).toEqual(fns);
  const points = Math.min(read.points, hi - lo + 1);
  for (const row of window.rows) {
    const mine = inWindow.filter((a) => a.fn === row.fn);
    const present = (values: (number | undefined)[]) => values.filter((v): v is number => v !== undefined);
    expect(row).toMatchObject({
      invocations: mine.length,
      failures: mine.filter(isFailure).length,
      timeouts: mine.filter((a) => a.status === 'timeout').length,
      coldStarts: mine.filter((a) => a.cold).length,
      nearLimit: mine.filter(nearTimeout).length,
    });
    expect(row.gbSeconds).toBeCloseTo(
      mine.reduce((sum, a) => sum + (gbSecondsOf(a) ?? 0), 0),
      6,
    );
    const durations = present(mine.map((a) => a.duration));
    expectClose(row.durationP50, exactQuantile(durations, 0.5));
    expectClose(row.durationP95, exactQuantile(durations, 0.95));
    expectClose(row.durationP99, exactQuantile(durations, 0.99));
    expectClose(row.waitP95, exactQuantile(present(mine.map((a) => a.waitTime)), 0.95));
    expectClose(row.initP95, exactQuantile(present(mine.map((a) => a.initTime)), 0.95));
    const slotOf = (a: Activation) => Math.floor(((bucketOf(a.start) - lo) * points) / (hi - lo + 1));
    const perSlot = (list: Activation[]) =>
      Array.from({ length: points }, (_, slot) => list.filter((a) => slotOf(a) === slot).length);
    expect(row.rate).toEqual(perSlot(mine));
    expect(row.errors).toEqual(perSlot(mine.filter(isFailure)));
  }
}

describe('StatsCollector against brute force', () => {
  it('matches a recomputation from every counted activation, whatever the order of arrivals and reads', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const time = { now: T0 };
        const stats = new StatsCollector({ clock: { now: () => time.now, sleep: async () => {} } });
        const counted: Activation[] = [];
        for (const current of steps) {
          if (current.kind === 'advance') time.now += current.ms;
          if (current.kind === 'read') checkRead(stats, counted, time.now - current.lagMs, current);
          if (current.kind !== 'add') continue;
          const batch = current.batch.map(({ offset, initTime, ...fields }) =>
            act({ ...fields, start: time.now + offset, initTime, cold: initTime !== undefined }),
          );
          stats.add(batch);
          const oldest = bucketOf(time.now - RETENTION_MS);
          const newest = bucketOf(time.now + RETENTION_MS);
          counted.push(...batch.filter((a) => bucketOf(a.start) >= oldest && bucketOf(a.start) <= newest));
        }
      }),
    );
  });
});
