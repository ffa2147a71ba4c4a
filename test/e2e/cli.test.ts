import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runBinary } from './binary.js';

const packageVersion = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

describe('the fnmon binary', () => {
  it('prints the package version', async () => {
    const result = await runBinary(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${packageVersion}\n`);
  });

  it('lists every command in --help', async () => {
    const result = await runBinary(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['tail', 'get', 'logs', 'invoke', 'stats', 'emulator', 'doctor']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    }
  });

  it('exits 2 with one clear line and a hint on an unknown flag', async () => {
    const result = await runBinary(['--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("fnmon: unknown option '--bogus'\nrun 'fnmon --help' for usage\n");
  });

  it('exits 2 on an unknown subcommand without a stack trace', async () => {
    const result = await runBinary(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('runs on the pinned Node runtime, not the machine default', () => {
    // npm scripts put node_modules/.bin first on PATH, where the `node` devDependency lives.
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});
