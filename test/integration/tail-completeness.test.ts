// The tail engine's first promise, checked against the real emulator over loopback HTTP:
// every activation that becomes visible is delivered exactly once — through bursts larger than
// a page, long-running activations that finish after later ones, injected faults and an outage.
import { afterEach, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { wireSource } from '../../src/cli/wire-source.js';
import { TailEngine } from '../../src/core/tail.js';
import { startEmulator } from '../../src/emulator/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function harness(options: Parameters<typeof startEmulator>[0]) {
  const emulator = await startEmulator(options);
  const visible: Array<{ id: string; at: number }> = [];
  emulator.onVisible((record) => visible.push({ id: record.activationId, at: Date.now() }));
  const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0, timeouts: { headersMs: 2000, bodyMs: 2000 } });
  const engine = new TailEngine({
    source: wireSource(client),
    docs: false,
    historySince: 0,
    pacing: { minIntervalMs: 250, maxIntervalMs: 1000, maxBackoffMs: 2000 },
  });
  const delivered: string[] = [];
  engine.onBatch((batch) => delivered.push(...batch.map((delivery) => delivery.record.activationId)));
  cleanups.push(async () => {
    await engine.stop();
    await client.close();
    await emulator.close();
  });
  return { emulator, engine, client, visible, delivered };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until every id visible before `cutoff` was delivered, or the deadline passes. */
async function settle(visible: Array<{ id: string; at: number }>, delivered: string[], cutoff: number, deadlineMs: number) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const got = new Set(delivered);
    const missing = visible.filter((entry) => entry.at <= cutoff && !got.has(entry.id));
    if (missing.length === 0 || Date.now() > until) return missing;
    await sleep(200);
  }
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

describe('tail engine against the emulator', () => {
  it('delivers every activation exactly once through bursts over a page, long runners and faults', async () => {
    const { emulator, engine, visible, delivered } = await harness({
      seed: 11,
      rate: 30,
      burst: { count: 450, everyMs: 4000 },
      maxDurationMs: 6000,
      longRunningRatio: 0.1,
      faults: '500:0.05,429:0.05,reset:0.02,garbage:0.01',
    });
    engine.start();
    await sleep(12_000);
    const cutoff = Date.now();
    emulator.setFaults('');
    const missing = await settle(visible, delivered, cutoff, 15_000);

    expect(visible.length).toBeGreaterThan(900);
    expect(missing).toEqual([]);
    expect(duplicates(delivered)).toEqual([]);
    const truth = new Set(visible.map((entry) => entry.id));
    expect(delivered.filter((id) => !truth.has(id))).toEqual([]);
  });

  it('loses nothing that ended while the API was down, once it is back', async () => {
    const { emulator, engine, visible, delivered } = await harness({ seed: 5, rate: 20, maxDurationMs: 3000 });
    engine.start();
    await sleep(2000);
    emulator.setFaults('503:1');
    const outageStart = Date.now();
    await sleep(6000);
    expect(engine.health.state).toBe('backing-off');
    const endedDuringOutage = visible.filter((entry) => entry.at >= outageStart).length;
    emulator.setFaults('');
    const cutoff = Date.now();
    const missing = await settle(visible, delivered, cutoff, 15_000);

    expect(endedDuringOutage).toBeGreaterThan(50);
    expect(missing).toEqual([]);
    expect(duplicates(delivered)).toEqual([]);
  });

  it('stops asking after a rejected key instead of retrying in a storm', async () => {
    const emulator = await startEmulator({ seed: 3, traffic: false });
    const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: `${emulator.auth.split(':')[0]}:wrong`, retries: 0 });
    const engine = new TailEngine({ source: wireSource(client), docs: false, pacing: { minIntervalMs: 100 } });
    cleanups.push(async () => {
      await engine.stop();
      await client.close();
      await emulator.close();
    });
    engine.start();
    await sleep(2000);
    expect(engine.health.state).toBe('error');
    expect(engine.health.lastError?.kind).toBe('auth');
    expect(engine.health.lastError?.message).not.toContain('wrong');
    expect(emulator.stats().requests).toBeLessThanOrEqual(3);
  });
});
