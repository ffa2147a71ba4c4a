import { describe, expect, it } from 'vitest';
import { TailEngine, type Delivery } from '../../src/core/tail.js';
import { MemorySource, makeRecord, manualClock } from './memory-source.js';

const WINDOW = 60_000;

function setup(options: { historySince?: number } = {}) {
  const source = new MemorySource();
  source.now = 1_000_000;
  const engine = new TailEngine({
    source,
    docs: false,
    windowMs: WINDOW,
    clock: manualClock(source),
    random: () => 0.5,
    pacing: { minIntervalMs: 1000, maxIntervalMs: 5000, maxBackoffMs: 60_000 },
    ...options,
  });
  const delivered: Delivery[] = [];
  engine.onBatch((batch) => delivered.push(...batch));
  const deliveredIds = () => delivered.map((delivery) => delivery.record.activationId);
  return { source, engine, delivered, deliveredIds };
}

describe('TailEngine', () => {
  it('treats what already existed at start as history and streams only what ends later', async () => {
    const { source, engine, deliveredIds } = setup();
    const before = makeRecord(990_000, 100);
    source.addRecords(before);
    await engine.pollOnce();
    expect(deliveredIds()).toEqual([]);

    const after = makeRecord(1_000_500, 100);
    source.addRecords(after);
    source.now += 1000;
    await engine.pollOnce();
    expect(deliveredIds()).toEqual([after.activationId]);
  });

  it('streams what ended after it started even when its first pass does not finish at once', async () => {
    const { source, engine, deliveredIds } = setup();
    const before = makeRecord(990_000, 100);
    source.addRecords(before);
    source.failure = Object.assign(new Error('bad gateway'), { kind: 'server' });
    await engine.pollOnce();
    source.failure = undefined;
    const after = makeRecord(1_000_200, 100);
    source.addRecords(after);
    source.now += 1000;
    await engine.pollOnce();
    expect(deliveredIds()).toEqual([after.activationId]);
  });

  it('streams what ended while it was still learning its window, before its first poll', async () => {
    const source = new MemorySource();
    source.now = 1_000_000;
    const endedMeanwhile = makeRecord(999_990, 20);
    // Learning the longest timeout takes a while (retries, a slow API): the record ends meanwhile.
    source.maxTimeoutMs = async () => {
      source.now += 50;
      source.addRecords(endedMeanwhile);
      return 3000;
    };
    // A clock that really waits a little between polls, so the test's own timers get their turn.
    const clock = { now: () => source.now, sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 5)) };
    const engine = new TailEngine({ source, docs: false, clock, random: () => 0.5 });
    const delivered: string[] = [];
    engine.onBatch((batch) => delivered.push(...batch.map((delivery) => delivery.record.activationId)));
    engine.start();
    for (let waited = 0; delivered.length === 0 && waited < 2000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await engine.stop();
    expect(delivered).toEqual([endedMeanwhile.activationId]);
  });

  it('delivers history from historySince first, oldest end first', async () => {
    const { source, engine, deliveredIds } = setup({ historySince: 900_000 });
    const tooOld = makeRecord(800_000, 10);
    const a = makeRecord(950_000, 5_000);
    const b = makeRecord(951_000, 10);
    source.addRecords(tooOld, a, b);
    await engine.pollOnce();
    expect(deliveredIds()).toEqual([b.activationId, a.activationId]);
  });

  it('delivers a long-running activation that ends after shorter ones that started later', async () => {
    const { source, engine, deliveredIds } = setup();
    await engine.pollOnce();
    const long = makeRecord(1_000_100, 20_000);
    const shorts = Array.from({ length: 30 }, (_, i) => makeRecord(1_000_200 + i * 500, 50));
    source.addRecords(long, ...shorts);
    for (let step = 0; step < 25; step += 1) {
      source.now += 1000;
      await engine.pollOnce();
    }
    expect(deliveredIds().sort()).toEqual([long, ...shorts].map((record) => record.activationId).sort());
    expect(new Set(deliveredIds()).size).toBe(31);
  });

  it('loses nothing that ended during an outage longer than its window, and delivers it once', async () => {
    const { source, engine, deliveredIds } = setup();
    await engine.pollOnce();
    source.failure = Object.assign(new Error('service unavailable'), { kind: 'server' });
    const duringOutage: ReturnType<typeof makeRecord>[] = [];
    for (let step = 0; step < 180; step += 1) {
      source.now += 1000;
      const record = makeRecord(source.now - 500, 400);
      duringOutage.push(record);
      source.addRecords(record);
      await engine.pollOnce();
    }
    expect(engine.health.state).toBe('backing-off');
    expect(deliveredIds()).toEqual([]);

    source.failure = undefined;
    source.now += 1000;
    await engine.pollOnce();
    await engine.settle();
    expect(deliveredIds().sort()).toEqual(duringOutage.map((record) => record.activationId).sort());
    expect(engine.health.state).toBe('live');
  });

  it('delivers new records at the top while the sweep for a late one is still waiting for an answer', async () => {
    const { source, engine, deliveredIds } = setup();
    source.addRecords(...Array.from({ length: 40 }, (_, i) => makeRecord(999_000 + i * 10, 5)));
    await engine.pollOnce();
    const late = makeRecord(999_005, 2000);
    source.now += 1000;
    source.addRecords(late, ...Array.from({ length: 20 }, (_, i) => makeRecord(source.now - 300 + i, 5)));
    // The sweep's first count (a poll counts up to now; a sweep below the top) hangs until released.
    const count = source.count.bind(source);
    let release: (() => void) | undefined;
    source.count = async (query) => {
      if (query.upto !== undefined && !release) await new Promise<void>((resolve) => (release = resolve));
      return count(query);
    };
    await engine.pollOnce();
    expect(deliveredIds()).not.toContain(late.activationId);

    source.now += 1000;
    const newest = makeRecord(source.now - 100, 5);
    source.addRecords(newest);
    await engine.pollOnce();
    expect(deliveredIds()).toContain(newest.activationId);

    release!();
    await engine.settle();
    expect(deliveredIds()).toContain(late.activationId);
    expect(new Set(deliveredIds()).size).toBe(deliveredIds().length);
  });

  it('marks an activation late when one that ended later was already delivered', async () => {
    const { source, engine, delivered } = setup();
    await engine.pollOnce();
    const first = makeRecord(1_000_100, 500);
    source.addRecords(first);
    source.now += 1000;
    await engine.pollOnce();
    // Became visible only now (store latency) although it ended before `first`.
    const straggler = makeRecord(1_000_050, 100);
    source.addRecords(straggler);
    source.now += 1000;
    await engine.pollOnce();
    expect(delivered.map((delivery) => delivery.late)).toEqual([false, true]);
  });

  it('honours Retry-After and backs off exponentially with jitter on repeated errors', async () => {
    const { source, engine } = setup();
    source.failure = Object.assign(new Error('too many requests'), { kind: 'rate-limited', retryAfterMs: 7000 });
    expect(await engine.pollOnce()).toBeGreaterThanOrEqual(7000);
    source.failure = Object.assign(new Error('bad gateway'), { kind: 'server' });
    const delays = [];
    for (let i = 0; i < 8; i += 1) delays.push(await engine.pollOnce());
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
    expect(engine.health.consecutiveErrors).toBe(9);
    expect(engine.health.lastError?.message).toBe('bad gateway');
  });

  it('retries a rejected key only at the slowest pace and reports it as an error', async () => {
    const { source, engine } = setup();
    source.failure = Object.assign(new Error('authentication failed'), { kind: 'auth' });
    expect(await engine.pollOnce()).toBe(60_000);
    expect(engine.health.state).toBe('error');
  });

  it('polls faster while activations arrive and slower when idle', async () => {
    const { source, engine } = setup();
    await engine.pollOnce();
    const idle = [];
    for (let i = 0; i < 6; i += 1) {
      source.now += 1000;
      idle.push(await engine.pollOnce());
    }
    expect(idle.at(-1)).toBe(5000);
    source.addRecords(makeRecord(source.now - 10, 5));
    source.now += 1;
    expect(await engine.pollOnce()).toBe(1000);
  });

  it('forgets ids once they fall out of the window', async () => {
    const { source, engine } = setup();
    await engine.pollOnce();
    for (let step = 0; step < 200; step += 1) {
      source.now += 1000;
      source.addRecords(makeRecord(source.now - 100, 50));
      await engine.pollOnce();
    }
    expect(engine.trackedIds).toBeLessThanOrEqual(WINDOW / 1000 + 2);
    expect(engine.health.delivered).toBe(200);
  });

  it('keeps its pace when the sweep for late records fails, and backs off when polls fail', async () => {
    const { source, engine, deliveredIds } = setup();
    source.addRecords(...Array.from({ length: 40 }, (_, i) => makeRecord(999_000 + i * 10, 5)));
    await engine.pollOnce();
    // Every poll from here on: the counts up to now and the top page succeed, the sweep's count fails.
    const count = source.count.bind(source);
    source.count = async (query) => {
      if (query.upto !== undefined) throw Object.assign(new Error('internal server error'), { kind: 'server' });
      return count(query);
    };
    const delays: number[] = [];
    for (let step = 0; step < 4; step += 1) {
      // New short activations at the top, and one that started earlier and ended later than the rest:
      // the top page holds already-seen rows at its bottom, so a sweep starts (and fails).
      source.now += 1000;
      source.addRecords(...Array.from({ length: 20 }, (_, i) => makeRecord(source.now - 300 + i, 5)));
      source.addRecords(makeRecord(999_005 + step, source.now - 999_010));
      delays.push(await engine.pollOnce());
      await engine.settle();
      expect(engine.health).toMatchObject({ state: 'live', consecutiveErrors: 0 });
    }
    expect(Math.max(...delays)).toBeLessThanOrEqual(1000);
    expect(deliveredIds().length).toBeGreaterThanOrEqual(80);

    // Polls that fail are an outage: the back-off grows.
    source.count = async () => {
      throw Object.assign(new Error('internal server error'), { kind: 'server' });
    };
    const first = await engine.pollOnce();
    const second = await engine.pollOnce();
    expect(engine.health.consecutiveErrors).toBe(2);
    expect(second).toBeGreaterThan(first);
  });
});
