// The key travels in an Authorization header, so plain http may only reach this machine: any
// other host is refused (exit 2, one line) unless --insecure says so. 0.0.0.0 is not a loopback
// name, yet connects to this machine on Linux, so the emulator shows both sides of the rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { runBinary } from '../e2e/binary.js';

let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 2, rate: 10, maxDurationMs: 300 });
  const elsewhere = emulator.apihost.replace('127.0.0.1', '0.0.0.0');
  env = { ...tempHome().env, FNMON_APIHOST: elsewhere, FNMON_AUTH: emulator.auth, NO_COLOR: '1' };
  await new Promise((resolve) => setTimeout(resolve, 1000));
});

afterAll(async () => {
  await emulator.close();
});

describe('plain http to another host', () => {
  it.each([['tail', '--since', '1m', '--no-follow'], ['logs', '0'.repeat(32)], ['doctor']])(
    'is refused without --insecure: fnmon %s',
    async (...args) => {
      const result = await runBinary(args, { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^fnmon \w+: refusing plain http to 0\.0\.0\.0:\d+: use https, or pass --insecure to allow it\n$/,
      );
    },
  );

  it('is allowed with --insecure', async () => {
    const result = await runBinary(['tail', '--since', '1m', '--no-follow', '--insecure'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').length).toBeGreaterThan(3);
  });
});
