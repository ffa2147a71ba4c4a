// Records with odd fields, served as given: one of them must never make a page unreadable, and
// log lines that are not strings still come back as text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { emulator, openWhisk } from './harness.js';

const ID = (n: number) => `${'0'.repeat(31)}${n}`;
const ODD = [
  { activationId: ID(1), start: 1000, name: 42, annotations: { path: 'ns/x' }, response: 'success', logs: 'line' },
  { activationId: ID(2), start: 2000, name: 'fine', response: null, logs: [1, null, { a: '\x1b]0;t\x07' }, 'text'] },
  { activationId: ID(3), start: 3000, end: 'later', namespace: ['x'], version: { v: 1 } },
];

let client: OpenWhiskClient;
beforeAll(async () => {
  client = openWhisk(await emulator({ load: ODD }), { retries: 0 });
});

describe('records with odd fields', () => {
  it('are listed with every other record on the page, summaries and full records alike', async () => {
    expect((await client.listActivations()).map((record) => record.activationId)).toEqual([ID(3), ID(2), ID(1)]);
    expect(await client.listActivations({ docs: true })).toEqual([...ODD].reverse());
  });

  it('are fetched by id exactly as stored', async () => {
    expect(await client.getActivation(ID(1))).toEqual(ODD[0]);
  });

  it('give their log lines as text, non-strings as JSON', async () => {
    expect((await client.getLogs(ID(2))).logs).toEqual(['1', 'null', '{"a":"\\u001b]0;t\\u0007"}', 'text']);
  });
});
