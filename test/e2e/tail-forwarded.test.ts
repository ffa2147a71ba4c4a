// `fnmon tail --logs` as a person runs it, pointed at the emulator's log destinations through
// the documented environment variables: forwarded lines appear under their activations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorLogSourceEnv } from '../../src/cli/forwarded-wiring.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runBinary } from './binary.js';

let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 9, rate: 12, maxDurationMs: 600, longRunningRatio: 0 });
  env = { FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth, NO_COLOR: '1' };
  await new Promise((resolve) => setTimeout(resolve, 2000));
});

afterAll(async () => {
  await emulator.close();
});

const FORWARDING = ['-f', 'api/webhook', '-f', 'images/thumbnail'];

/** Papertrail and Better Stack (3 s polls): Datadog's 15 s pace would only slow the test down. */
function readCredentials(): NodeJS.ProcessEnv {
  const { DD_API_KEY: _key, DD_APP_KEY: _app, DD_API_URL: _url, ...others } = emulatorLogSourceEnv(emulator.logSources);
  return others;
}

describe('fnmon tail --logs with forwarded logs', () => {
  it('prints forwarded lines under their activation with a badge', async () => {
    const result = await runBinary(['tail', '--logs', '--since', '1m', '--no-follow', ...FORWARDING], {
      env: { ...env, ...readCredentials() },
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.some((line) => /^ {4}\[papertrail\] received \S+ event$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ {4}\[betterstack\] fetching https:\/\/cdn\.example\.com\//.test(line))).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('adds forwardedLogs to each JSON line', async () => {
    const result = await runBinary(
      ['tail', '--logs', '--since', '1m', '--no-follow', '--output', 'json', '-f', 'api/webhook'],
      {
        env: { ...env, ...readCredentials() },
      },
    );
    expect(result.code).toBe(0);
    const activations = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(activations.length).toBeGreaterThan(0);
    for (const activation of activations.filter((json) => json.function === 'api/webhook')) {
      expect(activation.forwardedLogs).toEqual(
        expect.arrayContaining([
          { source: 'papertrail', time: expect.any(Number), message: expect.stringMatching(/^received /) },
        ]),
      );
    }
  });

  it('says what to configure when no read credential is set', async () => {
    const result = await runBinary(['tail', '--logs', '--since', '1m', '--no-follow', '-f', 'api/webhook'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('fnmon: api/webhook forwards its logs to a log service (LOG_DESTINATIONS)');
    expect(result.stderr).toContain('PAPERTRAIL_API_TOKEN');
    expect(result.stderr.match(/forwards its logs/g)).toHaveLength(1);
  });

  it('reports a wrong read token on stderr and still streams activations', async () => {
    const sources = { ...readCredentials(), PAPERTRAIL_API_TOKEN: 'wrong-read-token-123' };
    const result = await runBinary(['tail', '--logs', '--since', '1m', '--no-follow', '-f', 'api/webhook'], {
      env: { ...env, ...sources },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/api\/webhook/);
    expect(result.stderr).toMatch(
      /^fnmon: papertrail: authentication failed for http:\/\/127\.0\.0\.1:\d+: check the Papertrail API token/m,
    );
    expect(result.stderr).not.toContain('wrong-read-token-123');
  });
});
