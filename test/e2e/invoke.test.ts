// `fnmon invoke` as a person runs it: the built binary (npm run build first) against the emulator.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runBinary } from './binary.js';

const ID = /[0-9a-f]{32}/;
const DECLINED_CARD = '4000000000000002';

let emulator: RunningEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ traffic: false, maxDurationMs: 2_000 });
  dir = await mkdtemp(join(tmpdir(), 'fnmon-invoke-e2e-'));
  env = {
    FNMON_APIHOST: emulator.apihost,
    FNMON_AUTH: emulator.auth,
    NO_COLOR: '1',
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
  };
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const invoke = (...args: string[]) => runBinary(['invoke', ...args], { env });

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('fnmon invoke', () => {
  it('prints status, duration, activation id and the result', async () => {
    const result = await invoke('sample/hello', '-p', 'name=Zed');
    expect(result.code).toBe(0);
    const [header, idLine, ...json] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^sample\/hello {2}success \(200\) {2}\S+ {2}(cold|warm)$/);
    expect(idLine).toMatch(new RegExp(`^activation ${ID.source}$`));
    expect(JSON.parse(json.join('\n'))).toEqual({ body: 'Hello Zed' });
    expect(result.stderr).toBe('');
  });

  it('prints the whole record with --output json', async () => {
    const result = await invoke('sample/hello', '-p', 'name=Zed', '--output', 'json');
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record.activationId).toMatch(ID);
    expect(record.response).toMatchObject({ status: 'success', result: { body: 'Hello Zed' } });
  });

  it('reads -p values as JSON when they parse, else as text', async () => {
    const number = await invoke('sample/delay', '-p', 'ms=5', '--output', 'json');
    expect(JSON.parse(number.stdout).response.result).toEqual({ body: { sleptMs: 5 } });
    const quoted = await invoke('sample/delay', '-p', 'ms="5"', '--output', 'json');
    expect(JSON.parse(quoted.stdout).response.result).toEqual({ error: 'ms must be a number of milliseconds' });
    const text = await invoke('sample/hello', '-p', 'name=Zed Smith', '--output', 'json');
    expect(JSON.parse(text.stdout).response.result).toEqual({ body: 'Hello Zed Smith' });
  });

  it('exits 1 and shows the error when the function fails', async () => {
    const result = await invoke('billing/charge', '-p', 'amount=5', '-p', `card="${DECLINED_CARD}"`);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^billing\/charge {2}app error \(502\)/);
    expect(result.stdout).toContain('"error": "card declined"');
  });

  it('takes parameters from project.yml, then --params, then -p', async () => {
    const project = await mkdtemp(join(dir, 'project-'));
    await writeFile(
      join(project, 'project.yml'),
      'packages:\n  - name: sample\n    functions:\n      - name: hello\n        parameters:\n          name: FromProject\n',
    );
    const yamlFile = await fileWith('params.yaml', 'name: FromFile\n');
    const jsonFile = await fileWith('params.json', '{"name": "FromJson"}');
    const run = async (...args: string[]) =>
      JSON.parse((await invoke('sample/hello', '--project', project, '--output', 'json', ...args)).stdout).response
        .result.body;
    expect(await run()).toBe('Hello FromProject');
    expect(await run('--params', yamlFile)).toBe('Hello FromFile');
    expect(await run('--params', jsonFile)).toBe('Hello FromJson');
    expect(await run('--params', yamlFile, '-p', 'name=FromFlag')).toBe('Hello FromFlag');
  });

  it('prints only the activation id with --no-wait', async () => {
    const text = await invoke('sample/hello', '--no-wait');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^activation ${ID.source} {2}accepted\n`));
    const json = await invoke('sample/hello', '--no-wait', '--output', 'json');
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['activationId']);
  });

  it('keeps what it sent in a private history file', async () => {
    await invoke('sample/hello', '-p', 'name=Remembered');
    const file = join(dir, 'state', 'fnmon', 'invoke-history.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const history = JSON.parse(await readFile(file, 'utf8'));
    expect(history.entries[0]).toMatchObject({ fn: 'sample/hello', params: { name: 'Remembered' } });
    expect(await readFile(file, 'utf8')).not.toContain(emulator.auth);
  });

  it('refuses with --read-only: one line, exit 2, nothing sent', async () => {
    const before = emulator.stats().requests;
    const result = await invoke('sample/hello', '--read-only');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('fnmon invoke: not invoking: --read-only is set\n');
    expect(emulator.stats().requests).toBe(before);
  });

  it('exits 2 with one line for a -p without =', async () => {
    const result = await invoke('sample/hello', '-p', 'oops');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("fnmon invoke: -p expects KEY=VALUE (got 'oops')\n");
  });

  it('exits 2 naming file, line and column for an invalid --params file', async () => {
    const bad = await fileWith('bad.yaml', 'name: Zed\nage: : 3\n');
    const result = await invoke('sample/hello', '--params', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^fnmon invoke: ${bad}:2:6: .+\n$`));
    const missing = await invoke('sample/hello', '--params', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('exits 2 naming file, line and key for a broken project.yml', async () => {
    const project = await mkdtemp(join(dir, 'broken-'));
    await writeFile(join(project, 'project.yml'), 'packages:\n  - name: sample\n    functions: {}\n');
    const result = await invoke('sample/hello', '--project', project);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `fnmon invoke: ${join(project, 'project.yml')}:3: packages[0].functions: must be a list\n`,
    );
  });

  it('exits 1 for a function that does not exist', async () => {
    const result = await invoke('sample/nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^fnmon invoke: function sample\/nope not found/);
  });
});
