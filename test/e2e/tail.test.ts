// `fnmon tail` as a person runs it: the built binary against the emulator over loopback.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runBinary } from './binary.js';

let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 7, rate: 15, maxDurationMs: 1500 });
  env = { FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth, NO_COLOR: '1' };
  // Let some history accumulate for --since.
  await new Promise((resolve) => setTimeout(resolve, 2500));
});

afterAll(async () => {
  await emulator.close();
});

describe('fnmon tail', () => {
  it('streams JSON lines that jq can read', async () => {
    const result = await runBinary(['tail', '--output', 'json', '--exit-after', '3s'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    const viaJq = execFileSync('jq', ['-c', '{activationId, function, status}'], { input: result.stdout }).toString();
    expect(viaJq.trim().split('\n')).toHaveLength(lines.length);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({ activationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    }
  });

  it('shows only failures with --status failed', async () => {
    const result = await runBinary(['tail', '--output', 'json', '--status', 'failed', '--since', '10m', '--no-follow'], { env });
    expect(result.code).toBe(0);
    const statuses = result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('success');
  });

  it('prints the history and exits 0 with --since and --no-follow', async () => {
    const result = await runBinary(['tail', '--since', '10m', '--no-follow'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z {2}(success|app error|dev error|internal|timeout) /);
    expect(result.stderr).toBe('');
  });

  it('stops after --count activations', async () => {
    const result = await runBinary(['tail', '--since', '10m', '--count', '3', '--output', 'json'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('passes the record through unchanged with --raw', async () => {
    const result = await runBinary(['tail', '--since', '10m', '--no-follow', '--output', 'json', '--raw', '--count', '1'], {
      env,
    });
    const record = JSON.parse(result.stdout);
    expect(record).toHaveProperty('response');
    expect(record).not.toHaveProperty('function');
  });

  it('includes logs with --logs', async () => {
    const result = await runBinary(['tail', '--since', '10m', '--no-follow', '--output', 'json', '--logs', '-f', 'sample/hello'], {
      env,
    });
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.function === 'sample/hello' && Array.isArray(record.logs))).toBe(true);
  });

  it('says what is missing and exits 1 without credentials', async () => {
    const result = await runBinary(['tail'], { env: { FNMON_APIHOST: '', FNMON_AUTH: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no credentials found');
  });

  it('exits 1 with a plain message and no key when the key is wrong', async () => {
    const wrongAuth = `${emulator.auth.split(':')[0]}:not-the-key`;
    const result = await runBinary(['tail'], { env: { ...env, FNMON_AUTH: wrongAuth } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/authentication failed/i);
    expect(result.stderr).not.toContain('not-the-key');
  });

  it('rejects bad flag values with one line and exit 2', async () => {
    const result = await runBinary(['tail', '--since', 'yesterday'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("--since expects a duration like 10m or an ISO time");
  });
});
