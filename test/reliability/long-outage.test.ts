// An outage much longer than the window the engine re-checks (minutes against a 16-minute window in
// real use; scaled down here to 8 s against 2 s) loses nothing the API still holds: the window stays
// anchored at the last successful poll, so every record that ended in the gap is found on recovery.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { wireSource } from '../../src/cli/wire-source.js';
import { TailEngine } from '../../src/core/tail.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const WINDOW_MS = 2000;
const OUTAGE_MS = 8000;

let emulator: RunningEmulator;
let client: OpenWhiskClient;
let engine: TailEngine;
const visible: Array<{ id: string; at: number }> = [];
const delivered: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ seed: 17, rate: 20, maxDurationMs: 1000 });
  emulator.onVisible((record) => visible.push({ id: record.activationId, at: Date.now() }));
  client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
  engine = new TailEngine({
    source: wireSource(client),
    docs: false,
    historySince: 0,
    windowMs: WINDOW_MS,
    pacing: { minIntervalMs: 250, maxIntervalMs: 1000, maxBackoffMs: 2000 },
  });
  engine.onBatch((batch) => delivered.push(...batch.map((delivery) => delivery.record.activationId)));
});

afterAll(async () => {
  await engine.stop();
  await client.close();
  await emulator.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('finds everything that ended during an outage four times longer than its window', { timeout: 60_000 }, async () => {
  engine.start();
  await sleep(2000);
  emulator.setFaults('503:1');
  const outageStart = Date.now();
  await sleep(OUTAGE_MS);
  expect(engine.health.state).toBe('backing-off');
  emulator.setFaults('');
  const cutoff = Date.now();
  const expected = visible.filter((entry) => entry.at <= cutoff).map((entry) => entry.id);
  for (let waited = 0; waited < 20_000 && expected.some((id) => !delivered.includes(id)); waited += 200)
    await sleep(200);

  expect(visible.filter((entry) => entry.at >= outageStart && entry.at <= cutoff).length).toBeGreaterThan(100);
  expect(expected.filter((id) => !delivered.includes(id))).toEqual([]);
  expect(new Set(delivered).size).toBe(delivered.length);
});
