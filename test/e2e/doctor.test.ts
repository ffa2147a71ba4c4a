// `fnmon doctor`, config errors and secret hygiene, through the built binary against the emulator.
// Every run gets a temporary HOME and XDG dirs; the real ones are never read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome, type TempHome } from '../config/home.js';
import { runBinary, type RunResult } from './binary.js';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, rate: 10, maxDurationMs: 500 });
  // Some finished activations for the hour's count and for tail's history.
  await new Promise((resolve) => setTimeout(resolve, 1500));
});

afterAll(async () => {
  await emulator.close();
});

function keyContext(home: TempHome, auth = emulator.auth): void {
  home.writeConfig(`current-context: emu\ncontexts:\n  emu:\n    apihost: ${emulator.apihost}\n    auth: "${auth}"\n`);
}

function tokenContext(home: TempHome, namespace = 'fnmon-emulator'): void {
  home.writeConfig(
    `current-context: do\ncontexts:\n  do:\n    token: ${emulator.doToken}\n    namespace: ${namespace}\n    do-api: ${emulator.doApi}\n`,
  );
}

function fnmon(home: TempHome, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runBinary(args, { env: { ...home.env, NO_COLOR: '1', ...env } });
}

describe('fnmon doctor', () => {
  it('shows the winning source, the target with a key preview, and a working round trip', async () => {
    const home = tempHome();
    tokenContext(home);
    const result = await fnmon(home, ['doctor']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^ {2}- +FNMON_APIHOST\/FNMON_AUTH +not set$/m);
    expect(out).toMatch(
      new RegExp(
        `^ {2}used +fnmon's config.yaml +current-context 'do' in ${home.configFile}; namespace 'fnmon-emulator' \\(as named\\)$`,
        'm',
      ),
    );
    expect(out).toContain(`  API host   ${emulator.apihost}\n`);
    expect(out).toContain(`  namespace  ${emulator.namespace} (fnmon-emulator)\n`);
    expect(out).toContain(`  key        ${emulator.auth.slice(0, 4)}…\n`);
    expect(out).toMatch(new RegExp(`GET /api/v1/namespaces +ok in \\d+ ms: ${emulator.namespace}`));
    const count = /activations in the last hour +(\d+) \(counted in \d+ ms\)/.exec(out);
    expect(Number(count?.[1])).toBeGreaterThan(0);
    expect(out).toContain('plain http to 127.0.0.1');
    expect(out).toContain('All good');
  });

  it('explains a rejected key in plain words and exits 1', async () => {
    const home = tempHome();
    keyContext(home, `${emulator.auth.split(':')[0]}:not-the-key`);
    const result = await fnmon(home, ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed: authentication failed');
    expect(result.stderr).toBe(
      "fnmon doctor: the API host rejected the namespace key (HTTP 401): it is wrong, mistyped or revoked. Fetch the current one with 'doctl serverless connect', or fix the source named above.\n",
    );
  });

  it('lists the sources it tried and exits 1 when there are no credentials', async () => {
    const result = await fnmon(tempHome(), ['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout.match(/^ {2}- /gm)).toHaveLength(9);
    expect(result.stderr).toMatch(/^fnmon: no credentials found\. Tried: .*\nFix: fnmon --apihost .*fnmon --demo\)\n$/);
  });
});

describe('config and transport problems', () => {
  it('reports a malformed config.yaml as one line with file, line and key, exit 2', async () => {
    const home = tempHome();
    home.writeConfig('contexts:\n  emu:\n    apihost: http://127.0.0.1:1\n    auth: [a, b]\n');
    const result = await fnmon(home, ['tail', '--no-follow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`fnmon tail: ${home.configFile}:4:5: contexts.emu.auth: must be a non-empty string\n`);
  });

  it('reports a YAML syntax error the same way', async () => {
    const home = tempHome();
    home.writeConfig('ui:\n  wrap: true\n   time-format: absolute\n');
    const result = await fnmon(home, ['doctor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `fnmon doctor: ${home.configFile}:2:9: ui.wrap: Nested mappings are not allowed in compact mappings\n`,
    );
  });

  it('warns once, on stderr, about a config file other users can read', async () => {
    const home = tempHome();
    keyContext(home);
    home.writeConfig(
      `current-context: emu\ncontexts:\n  emu: {apihost: "${emulator.apihost}", auth: "${emulator.auth}"}\n`,
      0o640,
    );
    const result = await fnmon(home, ['tail', '--since', '10m', '--no-follow', '--count', '1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `fnmon: warning: ${home.configFile} holds credentials and other users can read it; fix: chmod 600 ${home.configFile}\n`,
    );
  });

  it('refuses plain http to another machine in one line, exit 2', async () => {
    const result = await fnmon(tempHome(), [
      'get',
      'abc',
      '--apihost',
      'http://faas.example.com',
      '--auth',
      emulator.auth,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'fnmon get: refusing plain http to faas.example.com: use https, or pass --insecure to allow it\n',
    );
  });

  it('names an unknown --context and the ones that exist, exit 2', async () => {
    const home = tempHome();
    keyContext(home);
    const result = await fnmon(home, ['get', 'abc', '--context', 'prod']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`fnmon get: --context prod: no such context (${home.configFile} has only emu)\n`);
  });
});

describe('secrets never reach the output', () => {
  const secrets = () => {
    const key = emulator.auth.split(':')[1]!;
    return [
      emulator.auth,
      key,
      Buffer.from(emulator.auth).toString('base64'),
      emulator.doToken,
      emulator.doToken.slice('dop_v1_'.length),
    ];
  };

  it('in tail, doctor, get and error paths, with the key or the DO token configured', async () => {
    const keyHome = tempHome();
    keyContext(keyHome);
    const tokenHome = tempHome();
    tokenContext(tokenHome);
    const wrongNamespaceHome = tempHome();
    tokenContext(wrongNamespaceHome, 'no-such-namespace');
    const runs: Array<[TempHome, string[], NodeJS.ProcessEnv?]> = [
      [keyHome, ['tail', '--output', 'json', '--since', '10m', '--no-follow']],
      [keyHome, ['tail', '--since', '10m', '--no-follow', '--logs']],
      [tokenHome, ['tail', '--output', 'json', '--since', '10m', '--no-follow']],
      [keyHome, ['doctor']],
      [tokenHome, ['doctor']],
      [keyHome, ['get', '0123456789abcdef0123456789abcdef']],
      [keyHome, ['get', 'not an id', '--output', 'json']],
      [wrongNamespaceHome, ['doctor']],
      [keyHome, ['get', 'abc', '--apihost', 'http://127.0.0.1:1', '--auth', emulator.auth]],
      [keyHome, ['get', 'abc', '--apihost', 'http://faas.example.com', '--auth', emulator.auth]],
      [keyHome, ['doctor', '--apihost', emulator.apihost, '--auth', `${emulator.auth}x`]],
      [
        tempHome(),
        ['doctor'],
        { DIGITALOCEAN_ACCESS_TOKEN: `${emulator.doToken}x`, DIGITALOCEAN_API_URL: emulator.doApi },
      ],
    ];
    const results = await Promise.all(runs.map(([home, args, env]) => fnmon(home, args, env)));
    expect(results[0]?.stdout.split('\n').length).toBeGreaterThan(3);
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 1, 2, 1, 1]);
    for (const [index, result] of results.entries()) {
      for (const secret of secrets()) {
        expect(result.stdout, `stdout of ${runs[index]![1].join(' ')}`).not.toContain(secret);
        expect(result.stderr, `stderr of ${runs[index]![1].join(' ')}`).not.toContain(secret);
      }
    }
  });
});
