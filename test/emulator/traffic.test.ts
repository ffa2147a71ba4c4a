// Generated traffic: deterministic from the seed, realistic in shape, visible over HTTP.
import { describe, expect, it } from 'vitest';
import type { WireActivation } from '../../src/api/types.js';
import { generateTraffic, type Arrival } from '../../src/emulator/index.js';
import { emulator, eventually, ow } from './helpers.js';

const LOG_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s+(stdout|stderr):\s?(.*)$/;
const options = { seed: 7, rate: 50, longRunningRatio: 0.03 };

/** What a person would compare between two runs. */
const fingerprint = (arrivals: Arrival[]) =>
  arrivals.map(({ gapMs, plan }) => [
    plan.action.key,
    plan.statusCode,
    plan.duration,
    plan.activationId,
    Math.round(gapMs),
  ]);

const annotation = (activation: WireActivation, key: string) =>
  activation.annotations.find((a) => a.key === key)?.value;

describe('generated traffic', () => {
  it('is the same for the same seed: functions, statuses, durations, ids', () => {
    expect(fingerprint(generateTraffic(options, 300))).toEqual(fingerprint(generateTraffic(options, 300)));
  });

  it('differs between seeds', () => {
    expect(fingerprint(generateTraffic({ ...options, seed: 8 }, 50))).not.toEqual(
      fingerprint(generateTraffic(options, 50)),
    );
  });

  it('covers every status: success, application, developer and internal errors', () => {
    const statuses = new Set(generateTraffic(options, 5000).map(({ plan }) => plan.statusCode));
    expect([...statuses].sort()).toEqual([0, 1, 2, 3]);
  });

  it('starts about one in ten activations cold', () => {
    const plans = generateTraffic(options, 2000).map(({ plan }) => plan);
    const cold = plans.filter((plan) => plan.initTime !== undefined).length / plans.length;
    expect(cold).toBeGreaterThan(0.05);
    expect(cold).toBeLessThan(0.15);
  });

  it('times out with duration near the limit and the exact upstream message', () => {
    const timedOut = generateTraffic(options, 5000)
      .map(({ plan }) => plan)
      .filter((plan) => plan.timedOut);
    expect(timedOut.length).toBeGreaterThan(0);
    for (const plan of timedOut) {
      const limit = plan.action.limits.timeout;
      expect(plan.duration - limit).toBeGreaterThanOrEqual(0);
      expect(plan.duration - limit).toBeLessThan(10);
      expect(plan.result).toEqual({
        error: expect.stringMatching(
          new RegExp(`^The action exceeded its time limits of ${limit} milliseconds( during initialization)?\\.$`),
        ),
      });
    }
  });

  it('caps every duration at maxDurationMs', () => {
    const plans = generateTraffic({ ...options, maxDurationMs: 50 }, 1000).map(({ plan }) => plan);
    expect(Math.max(...plans.filter((plan) => !plan.components).map((plan) => plan.spanMs))).toBeLessThanOrEqual(50);
  });

  it('makes a long-running share that runs 5-40 s', () => {
    const plans = generateTraffic({ ...options, longRunningRatio: 0.5 }, 200).map(({ plan }) => plan);
    const long = plans.filter((plan) => plan.duration >= 5000 && !plan.timedOut);
    expect(long.length).toBeGreaterThan(50);
    expect(Math.max(...long.map((plan) => plan.duration))).toBeLessThanOrEqual(41_000);
  });

  it('becomes visible over HTTP as finished records with DO annotations', async () => {
    const emu = await emulator({ traffic: true, rate: 200, maxDurationMs: 50 });
    const rows = await eventually(async () => {
      const { body } = await ow(emu, 'activations?docs=true&limit=0');
      return (body as WireActivation[]).length >= 50 ? (body as WireActivation[]) : undefined;
    });
    for (const row of rows.filter((r) => annotation(r, 'kind') !== 'sequence')) {
      const keys = row.annotations.map((a) => a.key);
      expect(keys).toEqual(
        expect.arrayContaining(['path', 'kind', 'waitTime', 'timeout', 'limits', 'entry', 'gbs', 'uuid', 'user_id']),
      );
      expect(row.end).toBeGreaterThanOrEqual(row.start);
      for (const line of row.logs) expect(line).toMatch(LOG_LINE);
    }
  });

  it('pads log timestamps to 30 characters (nanoseconds: one space; milliseconds: seven)', async () => {
    const emu = await emulator();
    for (const fn of ['sample/hello', 'api/users'])
      await ow(emu, `actions/${fn}`, { method: 'POST', body: '{"userId": 12}' });
    const records = await eventually(async () =>
      emu.visibleRecords().length === 2 ? emu.visibleRecords() : undefined,
    );
    const line = (name: string) => records.find((r) => r.name === name)?.logs[0] ?? '';
    expect(line('hello')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z stdout: Hello stranger$/);
    expect(line('users')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {7}stdout: GET \/users\/12$/);
  });

  it('ends logs over 256 KB with the truncation line', async () => {
    const emu = await emulator({ maxDurationMs: 100 });
    await ow(emu, 'actions/cron/cleanup', { method: 'POST', body: '{"verbose": true}' });
    const [cleanup] = await eventually(async () =>
      emu.visibleRecords().length > 0 ? emu.visibleRecords() : undefined,
    );
    const logs = cleanup?.logs ?? [];
    expect(logs.at(-1)).toMatch(
      / stderr: Logs were truncated because the total bytes size exceeds the limit of 262144 bytes\.$/,
    );
    expect(Buffer.byteLength(logs.slice(0, -1).join(''))).toBeLessThanOrEqual(262_144);
  });

  it('logs only the forwarding notice for a function with LOG_DESTINATIONS', async () => {
    const emu = await emulator();
    await ow(emu, 'actions/api/webhook', { method: 'POST', body: '{"signature": "sha256=1"}' });
    const [webhook] = await eventually(async () =>
      emu.visibleRecords().length > 0 ? emu.visibleRecords() : undefined,
    );
    expect(webhook?.logs).toEqual([
      expect.stringMatching(
        / stdout: Logs will be written to the specified remote location\. Only errors in doing so will be surfaced here\.$/,
      ),
    ]);
  });

  it('starts a burst of `count` activations within one second', async () => {
    const emu = await emulator({
      traffic: true,
      rate: 0.001,
      burst: { count: 40, everyMs: 60_000 },
      maxDurationMs: 20,
    });
    const topLevel = () => emu.visibleRecords().filter((r) => r.cause === undefined);
    const records = await eventually(async () => (topLevel().length >= 40 ? topLevel() : undefined));
    // An activation starts waitTime after it arrives; the burst spreads arrivals over one second.
    const arrivals = records.map((r) => r.start - Number(annotation(r, 'waitTime'))).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(40);
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeLessThan(1000);
  });

  it('keeps at most maxRecords generated records', async () => {
    const emu = await emulator({ traffic: true, rate: 500, maxDurationMs: 10, maxRecords: 20 });
    let seen = 0;
    emu.onVisible(() => seen++);
    await eventually(async () => (seen > 60 ? true : undefined));
    expect(emu.visibleRecords().length).toBeLessThanOrEqual(20);
    expect((await ow(emu, 'activations?count=true')).body).toEqual({ activations: emu.visibleRecords().length });
  });
});
