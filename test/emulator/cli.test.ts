// `fnmon emulator`: flag validation in process, and the built binary's start/stop contract.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emulatorCommand } from '../../src/cli/emulator-command.js';
import { BIN } from '../e2e/binary.js';
import { basic } from './helpers.js';

async function runWith(options: Record<string, string | boolean>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const code = await emulatorCommand(
    { kind: 'command', command: 'emulator', options, positionals: [] },
    { stdout, stderr, env: {} },
  );
  return { code, stdout: out, stderr: err };
}

describe('fnmon emulator flags', () => {
  it.each([
    [{ rate: 'abc' }, "fnmon emulator: --rate must be a positive number (got 'abc')\n"],
    [{ rate: '0' }, "fnmon emulator: --rate must be a positive number (got '0')\n"],
    [{ port: '70000' }, "fnmon emulator: --port must be an integer from 0 to 65535 (got '70000')\n"],
    [{ seed: '1.5' }, "fnmon emulator: --seed must be an integer (got '1.5')\n"],
    [{ burst: '500' }, "fnmon emulator: --burst must be N@EVERY, e.g. 500@20s (got '500')\n"],
    [
      { 'max-duration': '5 minutes' },
      "fnmon emulator: --max-duration must be a duration such as 500ms, 20s or 5m (got '5 minutes')\n",
    ],
  ])('exits 2 with one line for %o', async (options, message) => {
    const result = await runWith(options);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('exits 2 with the parser’s message for a bad --faults spec', async () => {
    const result = await runWith({ faults: 'teapot:1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fnmon emulator: --faults: unknown fault kind 'teapot'.*\n$/);
  });

  it('exits 2 when the --load file cannot be read', async () => {
    const result = await runWith({ load: '/nonexistent/records.json' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("fnmon emulator: --load cannot read '/nonexistent/records.json' (ENOENT)\n");
  });
});

describe('the fnmon emulator binary', () => {
  it('prints exactly one JSON line with the connection details and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--seed', '7'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += String(chunk);
        if (stdout.includes('\n')) resolve();
      });
      child.on('exit', () => reject(new Error(`emulator exited early: ${stderr}`)));
    });
    const details = JSON.parse(stdout) as Record<string, string> & { logSources: Record<string, object> };
    expect(Object.keys(details)).toEqual(['apihost', 'auth', 'namespace', 'doApi', 'doToken', 'logSources']);
    expect(details.logSources).toEqual({
      papertrail: { url: `${details.apihost}/papertrail`, token: expect.any(String) },
      datadog: { url: `${details.apihost}/datadog`, apiKey: expect.any(String), appKey: expect.any(String) },
      betterstack: {
        url: `${details.apihost}/betterstack`,
        token: expect.any(String),
        sourceIds: [expect.any(Number)],
      },
    });
    expect(details.apihost).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${details.apihost}/api/v1/namespaces`, {
      headers: { authorization: basic(details.auth ?? '') },
    });
    expect(await response.json()).toEqual([details.namespace]);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});
