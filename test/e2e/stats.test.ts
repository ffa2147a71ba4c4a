// `fnmon stats` as a person runs it: the built binary against the emulator over loopback, once on
// generated traffic and once on loaded records whose statistics are known exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runBinary } from './binary.js';

let traffic: RunningEmulator;
let loaded: RunningEmulator;
const NOW = Date.now();

/** A DO-shaped full record of `pkg/fn`, `secondsAgo` before the test started. */
function record(fn: string, secondsAgo: number, duration: number, error?: string): Record<string, unknown> {
  const id =
    `${fn.length.toString(16)}${secondsAgo.toString(16).padStart(8, '0')}${duration.toString(16).padStart(8, '0')}`.padEnd(
      32,
      'e',
    );
  const start = NOW - secondsAgo * 1000;
  return {
    namespace: 'fn-test',
    name: fn.split('/').pop(),
    version: '0.0.1',
    activationId: id,
    start,
    end: start + duration,
    duration,
    response: error
      ? { status: 'application error', success: false, result: { error } }
      : { status: 'success', success: true, result: { ok: true } },
    logs: [],
    annotations: [
      { key: 'path', value: `fn-test/${fn}` },
      { key: 'limits', value: { memory: 1024, timeout: 1000 } },
      { key: 'waitTime', value: 10 },
    ],
  };
}

const RECORDS = [
  ...[100, 200, 300, 400, 900].map((duration, i) => record('billing/charge', 30 + i, duration)),
  record('billing/charge', 40, 150, 'user 4821 not found'),
  record('api/users', 50, 20, 'user 9034 not found'),
  record('api/users', 60, 20),
  record('api/users', 20 * 60, 20), // outside --since 10m
];

beforeAll(async () => {
  [traffic, loaded] = await Promise.all([
    startEmulator({ seed: 11, rate: 15, maxDurationMs: 1500 }),
    startEmulator({ traffic: false, load: RECORDS }),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // let traffic accumulate
});

afterAll(async () => {
  await Promise.all([traffic.close(), loaded.close()]);
});

const envOf = (emulator: RunningEmulator) => ({
  FNMON_APIHOST: emulator.apihost,
  FNMON_AUTH: emulator.auth,
  NO_COLOR: '1',
});

describe('fnmon stats', () => {
  it('prints an aligned table of the functions active since --since and exits 0', async () => {
    const result = await runBinary(['stats', '--since', '10m'], { env: envOf(traffic) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(
      /^FUNCTION +CALLS +ERR% +TIMEOUTS +COLD% +P50 +P95 +P99 +WAIT95 +INIT95 +GB-S +NEAR% +TREND$/,
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.join('\n')).toMatch(/^sample\/hello +\d+ /m);
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('prints one JSON document with exact counts and percentiles within 1%', async () => {
    const result = await runBinary(['stats', '--since', '10m', '--output', 'json', '--sort', 'function'], {
      env: envOf(loaded),
    });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ sort: 'function', invocations: 8 });
    expect(document.functions.map((row: { function: string }) => row.function)).toEqual([
      'api/users',
      'billing/charge',
    ]);
    const charge = document.functions[1];
    expect(charge).toMatchObject({ invocations: 6, failures: 1, timeouts: 0, nearLimit: 1, oftenNearLimit: false });
    expect(charge.errorRate).toBeCloseTo(1 / 6);
    expect(Math.abs(charge.durationP50 - 200)).toBeLessThanOrEqual(2);
    expect(Math.abs(charge.durationP99 - 900)).toBeLessThanOrEqual(9);
    expect(charge.gbSeconds).toBeCloseTo(2.05, 6); // 2050 ms × 1 GB
    expect(charge.initP95).toBeNull();
    expect(document.fingerprints).toBeUndefined();
  });

  it('groups failures by error message with --errors', async () => {
    const result = await runBinary(['stats', '--since', '10m', '--errors', '--output', 'json'], { env: envOf(loaded) });
    expect(result.code).toBe(0);
    const { fingerprints } = JSON.parse(result.stdout);
    expect(fingerprints).toEqual([
      expect.objectContaining({ pattern: 'user <n> not found', count: 2, functions: ['api/users', 'billing/charge'] }),
    ]);
  });

  it('lists error fingerprints under the table with --errors', async () => {
    const result = await runBinary(['stats', '--since', '10m', '--errors'], { env: envOf(loaded) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^COUNT +LAST SEEN +FUNCTIONS +NEWEST +ERROR$/m);
    expect(result.stdout).toMatch(/^ +2 +\S+Z +api\/users,billing\/charge +[0-9a-f]{32} +user <n> not found$/m);
  });

  it('says so when nothing ran in the window', async () => {
    const result = await runBinary(['stats', '--since', '5s'], { env: envOf(loaded) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no activations since \d{4}-\d\d-\d\dT[\d:.]+Z\n$/);
  });

  it('rejects an unknown sort column with one line and exit 2', async () => {
    const result = await runBinary(['stats', '--sort', 'bogus'], { env: envOf(loaded) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--sort must be one of function, calls, errors');
  });
});
