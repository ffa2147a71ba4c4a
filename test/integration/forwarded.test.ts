// Forwarded logs end to end against the emulator: the real tail engine and the real read clients
// (wired as the CLI wires them). Every line a forwarding function sent shows up under its
// activation; lines of web invocations (no record) become their own entries; and a malformed
// LOG_DESTINATIONS, a wrong read token or a destination that is down is reported per source
// while the activation stream keeps flowing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import {
  emulatorLogSourceEnv,
  loadForwardingInputs,
  wireForwardedLogs,
  type ForwardingInputs,
} from '../../src/cli/forwarded-wiring.js';
import { wireSource } from '../../src/cli/wire-source.js';
import { TailEngine } from '../../src/core/tail.js';
import { startEmulator, type DeliveredLine, type EmulatorOptions } from '../../src/emulator/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SHORT_INTERVALS = 400;

async function harness(options: EmulatorOptions, inputsFor: (env: NodeJS.ProcessEnv) => Promise<ForwardingInputs>) {
  const emulator = await startEmulator(options);
  const sent: DeliveredLine[] = [];
  const recorded = new Set<string>();
  emulator.onForwarded((line) => sent.push(line));
  emulator.onVisible((record) => recorded.add(record.activationId));
  const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
  const engine = new TailEngine({
    source: wireSource(client),
    docs: false,
    historySince: Date.now() - 60_000,
    pacing: { minIntervalMs: 250, maxIntervalMs: 500, maxBackoffMs: 2000 },
  });
  const inputs = await inputsFor(emulatorLogSourceEnv(emulator.logSources));
  for (const id of ['papertrail', 'datadog', 'betterstack'] as const) {
    if (inputs.settings[id]) inputs.settings[id].intervalMs = SHORT_INTERVALS;
  }
  const wiring = wireForwardedLogs(inputs, {
    since: Date.now() - 60_000,
    namespace: () => Promise.resolve(emulator.namespace),
    orphanAfterMs: 1500,
  });
  const delivered: string[] = [];
  engine.onBatch((batch) => {
    delivered.push(...batch.map((delivery) => delivery.activation.id));
    wiring.forwarded.noteActivations(batch.map((delivery) => delivery.activation.id));
  });
  engine.start();
  cleanups.push(async () => {
    await engine.stop();
    await wiring.close();
    await client.close();
    await emulator.close();
  });
  return { emulator, engine, forwarded: wiring.forwarded, sent, recorded, delivered };
}

async function until(condition: () => boolean, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!condition() && Date.now() < end) await sleep(100);
}

// Datadog's hourly budget would pace a poller to one request every ~12 s: give the test room.
const TRAFFIC: EmulatorOptions = {
  seed: 5,
  rate: 12,
  webRate: 1.5,
  maxDurationMs: 600,
  longRunningRatio: 0,
  logSourceLimits: { datadog: { limit: 100_000, periodMs: 3_600_000 } },
};

describe('forwarded logs against the emulator', () => {
  it('puts every forwarded line under its activation, and lines without a record in entries of their own', async () => {
    const { forwarded, sent, recorded, engine } = await harness(TRAFFIC, async (env) =>
      loadForwardingInputs(env, undefined, {}, { path: join(tmpdir(), 'no-such-project'), explicit: false }),
    );
    await sleep(4000);
    const expected = [...sent];
    // Web invocations never get a record: their lines must become orphan entries.
    const missing = () =>
      expected.filter((line) => {
        if (recorded.has(line.activationId)) {
          return (
            forwarded.isOrphan(line.activationId) ||
            !forwarded.linesFor(line.activationId).some((got) => got.message === line.message)
          );
        }
        const entry = forwarded.orphans().find((candidate) => candidate.activationId === line.activationId);
        return !entry?.lines.some((got) => got.message === line.message);
      });
    await until(() => missing().length === 0, 10_000);

    expect(missing()).toEqual([]);
    const destinations = new Set(expected.map((line) => line.destination));
    expect(destinations).toEqual(new Set(['papertrail', 'datadog', 'logtail']));
    const orphanIds = new Set(
      expected.filter((line) => !recorded.has(line.activationId)).map((line) => line.activationId),
    );
    expect(orphanIds.size).toBeGreaterThan(0);
    for (const entry of forwarded.orphans().filter((candidate) => orphanIds.has(candidate.activationId))) {
      expect(entry.fn).toMatch(/^(api\/webhook|billing\/refund|images\/thumbnail)$/);
    }
    expect(forwarded.sourcesHealth().map((health) => health.state)).toEqual(['live', 'live', 'live']);
    expect(engine.health.state).toBe('live');
  });

  it('reports a malformed LOG_DESTINATIONS, a wrong token and a destination that is down, and keeps the stream flowing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fnmon-forwarded-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      join(dir, 'project.yml'),
      [
        'packages:',
        '  - name: api',
        '    functions:',
        '      - name: webhook',
        '        environment:',
        `          LOG_DESTINATIONS: '[{"papertrail":{}}]'`,
      ].join('\n'),
    );
    const wrongToken = 'wrong-papertrail-read-token';
    const { emulator, forwarded, delivered, engine } = await harness({ ...TRAFFIC, seed: 6 }, (env) =>
      loadForwardingInputs({ ...env, PAPERTRAIL_API_TOKEN: wrongToken }, undefined, {}, { path: dir, explicit: true }),
    );
    emulator.setLogSourceFaults('datadog', '503:1');
    await until(() => {
      const states = forwarded.sourcesHealth().map((health) => health.state);
      return states[0] === 'error' && states[1] === 'backing-off' && forwarded.sourcesHealth()[2]!.lines > 0;
    }, 8000);
    const before = delivered.length;
    await until(() => delivered.length > before + 5, 5000);

    expect(forwarded.destinationProblems()).toEqual([
      { fn: 'api/webhook', problem: 'papertrail.token has to be defined' },
    ]);
    const [papertrail, datadog, betterstack] = forwarded.sourcesHealth();
    expect(papertrail).toMatchObject({ source: 'papertrail', state: 'error', lastError: { kind: 'auth' } });
    expect(papertrail?.lastError?.message).not.toContain(wrongToken);
    expect(datadog).toMatchObject({ source: 'datadog', state: 'backing-off', lastError: { kind: 'server' } });
    expect(betterstack).toMatchObject({ source: 'betterstack', state: 'live' });
    expect(betterstack!.lines).toBeGreaterThan(0);
    expect(delivered.length).toBeGreaterThan(before + 5);
    expect(engine.health.state).toBe('live');
  });
});
