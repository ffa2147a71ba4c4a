// The Invoker against the real emulator over loopback HTTP: prepared parameters from every source,
// what is sent, what lands in the store, and how each kind of failure is reported.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { defaultHistoryFile } from '../../src/config/invoke-history.js';
import { InvokeService } from '../../src/cli/invoke-service.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';
import type { InvokeResult } from '../../src/core/invoke.js';
import { parseParamsText, type Params } from '../../src/core/invoke-params.js';
import { ActivationStore } from '../../src/core/store.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startLoopbackServer } from '../api/loopback-server.js';
import { emulator, openWhisk } from '../contract/harness.js';

const DECLINED_CARD = '4000000000000002';

let target: RunningEmulator;
let client: OpenWhiskClient;
let root: string;
let dir: string;
let store: ActivationStore;
let invoker: InvokeService;

beforeAll(async () => {
  target = await emulator({ maxDurationMs: 2_000 });
  client = openWhisk(target);
  root = await mkdtemp(join(tmpdir(), 'fnmon-invoke-'));
});

beforeEach(async () => {
  // A fresh project dir and state dir per test: no project.yml or history leaks between tests.
  dir = await mkdtemp(join(root, 'case-'));
  store = new ActivationStore();
  invoker = serviceIn(dir, client);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function serviceIn(root: string, on: OpenWhiskClient): InvokeService {
  return new InvokeService({
    client: on,
    store,
    historyFile: defaultHistoryFile({ XDG_STATE_HOME: join(root, 'state') }),
    project: { path: root, explicit: false },
  });
}

function edited(text: string): Params {
  const parsed = parseParamsText(text);
  if (!parsed.ok) throw new Error(`${parsed.line}:${parsed.column}: ${parsed.message}`);
  return parsed.params;
}

function resultOf(result: InvokeResult) {
  if (result.kind !== 'result') throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result;
}

describe('sending', () => {
  it('invokes with the edited YAML and puts the record, whose result reflects it, into the store', async () => {
    const result = resultOf(await invoker.send('sample/hello', edited('name: Zed\n'), { blocking: true }));
    expect(result.status).toBe(200);
    expect(result.activation.result).toEqual({ body: 'Hello Zed' });
    expect(store.get(result.activation.id)).toBe(result.activation);
  });

  it('invokes with edited JSON just the same', async () => {
    const result = resultOf(await invoker.send('sample/hello', edited('{"name": "Zed"}'), { blocking: true }));
    expect(result.activation.result).toEqual({ body: 'Hello Zed' });
  });

  it('reports an application error as a 502 result with its record', async () => {
    const params = { amount: 5, card: DECLINED_CARD };
    const result = resultOf(await invoker.send('billing/charge', params, { blocking: true }));
    expect(result.status).toBe(502);
    expect(result.activation).toMatchObject({ status: 'app-error', error: 'card declined' });
    expect(store.get(result.activation.id)).toBeDefined();
  });

  it('answers accepted at once without blocking', async () => {
    const result = await invoker.send('sample/hello', {}, { blocking: false });
    expect(result).toMatchObject({
      kind: 'accepted',
      activationId: expect.stringMatching(/^[0-9a-f]{32}$/),
      demoted: false,
    });
    expect(store.size).toBe(0);
  });

  it('answers accepted (demoted) when a blocking call outlasts the wait', async () => {
    const impatient = serviceIn(dir, openWhisk(await emulator({ blockingWaitMs: 100 })));
    const result = await impatient.send('sample/delay', { ms: 1_000 }, { blocking: true });
    expect(result).toMatchObject({ kind: 'accepted', demoted: true });
  });

  it('refuses a second send of the same function while one is in flight, without sending it', async () => {
    const first = invoker.send('sample/delay', { ms: 200 }, { blocking: true });
    const before = target.stats().requests;
    const second = await invoker.send('sample/delay', { ms: 1 }, { blocking: true });
    expect(second).toEqual({
      kind: 'failed',
      errorKind: 'busy',
      message: 'an invocation of sample/delay is already in flight',
    });
    expect(target.stats().requests).toBe(before);
    expect((await first).kind).toBe('result');
    expect((await invoker.send('sample/delay', { ms: 1 }, { blocking: true })).kind).toBe('result');
  });

  it('remembers which activation a re-run came from', async () => {
    const original = '0123456789abcdef0123456789abcdef';
    const result = resultOf(await invoker.send('sample/hello', {}, { blocking: true, rerunOf: original }));
    expect(invoker.rerunOf(result.activation.id)).toBe(original);
    expect(invoker.rerunOf(original)).toBeUndefined();
  });

  it('reports an unknown function as not found', async () => {
    expect(await invoker.send('sample/nope', {}, { blocking: true })).toMatchObject({
      kind: 'failed',
      errorKind: 'not-found',
      httpStatus: 404,
    });
  });

  it('reports throttling as rate-limited, with the platform text', async () => {
    const throttled = openWhisk(await emulator({ invokeLimits: { perMinute: 1 } }));
    const limited = serviceIn(dir, throttled);
    expect((await limited.send('healthcheck', {}, { blocking: true })).kind).toBe('result');
    const refused = await limited.send('healthcheck', {}, { blocking: true });
    expect(refused).toMatchObject({ kind: 'failed', errorKind: 'rate-limited', httpStatus: 429 });
    if (refused.kind === 'failed') expect(refused.message).toContain('Too many requests in the last minute');
  });

  it('reports a connection lost after sending as outcome unknown, and still keeps the parameters', async () => {
    const server = await startLoopbackServer((request) => request.socket.destroy());
    const lost = new OpenWhiskClient({ apihost: server.url, auth: target.auth });
    try {
      const result = await serviceIn(dir, lost).send('sample/hello', { name: 'Lost' }, { blocking: true });
      expect(result).toMatchObject({ kind: 'failed', errorKind: 'outcome-unknown' });
      if (result.kind === 'failed') expect(result.message).toMatch(/^outcome unknown — check the stream/);
      expect(server.requests).toBe(1);
      expect((await invoker.prepare('sample/hello')).sources.history[0]?.params).toEqual({ name: 'Lost' });
    } finally {
      await lost.close();
      await server.close();
    }
  });
});

describe('preparing', () => {
  it('shows bound parameters read-only and does not put them in the text', async () => {
    const prep = await invoker.prepare('images/thumbnail');
    expect(prep.sources.bound).toEqual({ bucket: 'media-uploads' });
    expect(prep.fields).toEqual([{ key: 'bucket', value: 'media-uploads', source: 'bound' }]);
    expect(prep.text).toBe('');
    expect(prep.warnings).toEqual([]);
  });

  it('starts from project.yml defaults, with where they came from', async () => {
    await writeFile(
      join(dir, 'project.yml'),
      'packages:\n  - name: sample\n    functions:\n      - name: hello\n        parameters:\n          name: Ada\n',
    );
    const prep = await invoker.prepare('sample/hello');
    expect(prep.text).toBe('name: Ada\n');
    expect(prep.fields).toEqual([{ key: 'name', value: 'Ada', source: 'project' }]);
    expect(prep.projectFile).toBe(join(dir, 'project.yml'));
    const result = resultOf(await invoker.send('sample/hello', edited(prep.text), { blocking: true }));
    expect(result.activation.result).toEqual({ body: 'Hello Ada' });
  });

  it('never sends project.yml environment as parameters', async () => {
    await writeFile(
      join(dir, 'project.yml'),
      'environment:\n  name: Leaked\npackages:\n  - name: sample\n    environment:\n      name: Leaked\n    functions:\n      - name: hello\n        environment:\n          name: Leaked\n',
    );
    const prep = await invoker.prepare('sample/hello');
    expect(prep.text).toBe('');
    const result = resultOf(await invoker.send('sample/hello', edited(prep.text), { blocking: true }));
    expect(result.activation.result).toEqual({ body: 'Hello stranger' });
  });

  it('leaves out a project default the function binds as final, so the platform does not refuse the call', async () => {
    await writeFile(
      join(dir, 'project.yml'),
      'packages:\n  - name: billing\n    parameters:\n      currency: usd\n    functions:\n      - name: charge\n        parameters:\n          amount: 5\n          card: "4242424242424242"\n',
    );
    const prep = await invoker.prepare('billing/charge');
    expect(edited(prep.text)).toEqual({ amount: 5, card: '4242424242424242' });
    expect(prep.fields.find((field) => field.key === 'currency')).toEqual({
      key: 'currency',
      value: 'usd',
      source: 'bound',
    });
    const typedAgain = { ...edited(prep.text), currency: 'usd' };
    expect((await invoker.send('billing/charge', typedAgain, { blocking: true })).kind).toBe('result');
  });

  it('reports project.yml problems with file, line and key, and carries on', async () => {
    await writeFile(join(dir, 'project.yml'), 'packages:\n  - name: sample\n    parameters: nope\n');
    const prep = await invoker.prepare('sample/hello');
    expect(prep.warnings).toEqual([`${join(dir, 'project.yml')}:3: packages[0].parameters: must be a mapping`]);
    expect(prep.text).toBe('');
  });

  it('offers what was sent before, newest first, and starts from the newest', async () => {
    await invoker.send('sample/hello', { name: 'First' }, { blocking: false });
    await invoker.send('sample/hello', { name: 'Second' }, { blocking: false });
    const prep = await serviceIn(dir, client).prepare('sample/hello');
    expect(prep.sources.history.map((entry) => entry.params)).toEqual([{ name: 'Second' }, { name: 'First' }]);
    expect(prep.text).toBe('name: Second\n');
    expect(prep.fields).toEqual([{ key: 'name', value: 'Second', source: 'history' }]);
  });

  it('warns instead of failing when the function cannot be read', async () => {
    const prep = await invoker.prepare('sample/nope');
    expect(prep.sources.bound).toEqual({});
    expect(prep.warnings).toHaveLength(1);
    expect(prep.warnings[0]).toContain('the bound parameters of sample/nope are unknown');
  });
});

describe('in the monitor service', () => {
  it('has no invoker when read-only', async () => {
    const service = createMonitorService(openWhisk(target), {
      target: { namespaceLabel: 'x', apiHost: 'h' },
      readOnly: true,
    });
    expect(service.invoker).toBeUndefined();
    await service.close();
  });

  it('shows a blocking result once, even when the stream later lists the same activation', async () => {
    const storing = await emulator({ storeAlways: true });
    const service = createMonitorService(openWhisk(storing), {
      target: { namespaceLabel: 'x', apiHost: 'h' },
      readOnly: false,
      pollMs: 50,
      env: { XDG_STATE_HOME: join(dir, 'state') },
      projectDir: dir,
    });
    try {
      const result = resultOf(await service.invoker!.send('sample/hello', { name: 'Once' }, { blocking: true }));
      const version = service.store.version;
      for (let waited = 0; service.health().delivered < 1 && waited < 5_000; waited += 50) await sleep(50);
      expect(service.health().delivered).toBeGreaterThanOrEqual(1);
      expect(service.store.newestFirst().filter((activation) => activation.id === result.activation.id)).toHaveLength(
        1,
      );
      expect(service.store.get(result.activation.id)).toBe(result.activation);
      expect(service.store.version).toBe(version);
    } finally {
      await service.close();
    }
  });
});
