// The OpenWhisk read API against the emulator serving known records: shapes, paging, filters,
// counts, sub-resources, the entity lists, and the not-found / bad-request paths.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenWhiskClient } from '../../src/api/openwhisk.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, openWhisk, rejectionOf } from './harness.js';
import { NEWEST_FIRST, RECORDS, ids } from './records.js';

let target: RunningEmulator;
let client: OpenWhiskClient;
beforeAll(async () => {
  target = await emulator({ load: RECORDS });
  client = openWhisk(target, { retries: 0 });
});

const [r10, r11, r12, r13, r14, r15] = RECORDS as [
  (typeof RECORDS)[0],
  (typeof RECORDS)[0],
  (typeof RECORDS)[0],
  (typeof RECORDS)[0],
  (typeof RECORDS)[0],
  (typeof RECORDS)[0],
];

describe('listActivations', () => {
  it('docs=true returns the full records exactly as stored, newest first', async () => {
    expect(await client.listActivations({ docs: true })).toEqual(NEWEST_FIRST);
  });

  it('docs=false returns summaries: no response or logs, a numeric statusCode', async () => {
    const summaries = await client.listActivations();
    expect(ids(summaries)).toEqual(ids(NEWEST_FIRST));
    for (const summary of summaries) {
      expect(summary).not.toHaveProperty('response');
      expect(summary).not.toHaveProperty('logs');
      expect(typeof summary.statusCode).toBe('number');
    }
    expect(summaries.find((s) => s.activationId === r11.activationId)?.statusCode).toBe(1);
  });

  it('pages with limit and skip', async () => {
    const pages = await Promise.all([0, 2, 4, 6].map((skip) => client.listActivations({ limit: 2, skip })));
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 0]);
    expect(ids(pages.flat())).toEqual(ids(NEWEST_FIRST));
  });

  it('since and upto are inclusive bounds on start', async () => {
    const window = await client.listActivations({ since: r11.start, upto: r13.start });
    expect(ids(window)).toEqual(ids([r13, r12, r11]));
    expect(ids(await client.listActivations({ since: r15.start }))).toEqual(ids([r15]));
  });

  it('filters by pkg/fn or plain fn name', async () => {
    expect(ids(await client.listActivations({ name: 'sample/hello' }))).toEqual(ids([r14, r12, r10]));
    expect(ids(await client.listActivations({ name: 'healthcheck', docs: true }))).toEqual(ids([r13]));
    expect(await client.listActivations({ name: 'nobody' })).toEqual([]);
    // A packaged function is matched only as pkg/fn (reference §2.1).
    expect(await client.listActivations({ name: 'hello' })).toEqual([]);
  });

  it('reports an invalid parameter as a usage error with the server text', async () => {
    const error = await rejectionOf(client.listActivations({ limit: 201 }));
    expect(error).toMatchObject({ kind: 'usage', status: 400 });
    expect(error.message).toContain("The value '201' is not in the range of 0 to 200 for activations.");
  });
});

describe('countActivations', () => {
  it('counts all, by name, and within a window', async () => {
    expect(await client.countActivations()).toBe(6);
    expect(await client.countActivations({ name: 'billing/charge' })).toBe(2);
    expect(await client.countActivations({ since: r12.start, upto: r14.start })).toBe(3);
  });
});

describe('one activation', () => {
  it('getActivation returns the record exactly', async () => {
    expect(await client.getActivation(r12.activationId)).toEqual(r12);
  });

  it('getLogs and getResult return the sub-resources', async () => {
    expect(await client.getLogs(r11.activationId)).toEqual({ logs: r11.logs });
    expect(await client.getResult(r11.activationId)).toEqual({
      result: { error: 'failed 11' },
      size: 12,
      status: 'application error',
      success: false,
    });
  });

  it('a missing activation is not-found, naming it', async () => {
    const missing = 'f'.repeat(32);
    for (const call of [client.getActivation(missing), client.getLogs(missing), client.getResult(missing)]) {
      const error = await rejectionOf(call);
      expect(error).toMatchObject({ kind: 'not-found', status: 404 });
      expect(error.message).toContain(missing);
    }
  });

  it('a malformed id is a usage error (400) carrying the server message', async () => {
    const error = await rejectionOf(client.getActivation('xyz'));
    expect(error).toMatchObject({ kind: 'usage', status: 400 });
    expect(error.message).toContain('Activation id length is 3 but must be 32.');
    await expect(client.getActivation('Z'.repeat(32))).rejects.toMatchObject({ kind: 'usage', status: 400 });
  });
});

describe('functions, packages, namespaces', () => {
  it('listActions includes packaged functions, with the package in the namespace', async () => {
    const actions = await client.listActions({ limit: 200 });
    const hello = actions.find((action) => action.name === 'hello');
    expect(hello?.namespace).toBe(`${target.namespace}/sample`);
    expect(actions.find((action) => action.name === 'healthcheck')?.namespace).toBe(target.namespace);
    expect(await client.listActions({ limit: 1 })).toHaveLength(1);
  });

  it('listPackages lists the packages', async () => {
    const names = (await client.listPackages()).map((pkg) => pkg.name);
    expect(names).toEqual(expect.arrayContaining(['sample', 'billing']));
  });

  it('getAction returns one function with its limits; an unknown one is not-found', async () => {
    const action = await client.getAction('sample/hello');
    expect(action).toMatchObject({ name: 'hello', namespace: `${target.namespace}/sample` });
    expect(typeof action.limits.timeout).toBe('number');
    expect(action.exec).not.toHaveProperty('code');
    await expect(client.getAction('sample/nope')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('listNamespaces returns the caller namespace', async () => {
    expect(await client.listNamespaces()).toEqual([target.namespace]);
  });

  it('a configured namespace goes into the paths', async () => {
    const named = openWhisk(target, { namespace: target.namespace, retries: 0 });
    expect(await named.countActivations()).toBe(6);
    const other = openWhisk(target, { namespace: 'fn-someone-else', retries: 0 });
    await expect(other.countActivations()).rejects.toMatchObject({ kind: 'auth', status: 403 });
  });
});
