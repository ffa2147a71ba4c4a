// Every shared fixture (real records in their various shapes), served by the emulator, comes back
// through the client deep-equal: validation accepts them and leaves them untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_ID_PATTERN } from '../../src/api/types.js';
import type { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { activationFixtures } from '../api/fixtures.js';
import { emulator, openWhisk } from './harness.js';

let client: OpenWhiskClient;
beforeAll(async () => {
  client = openWhisk(await emulator({ load: activationFixtures.map(({ record }) => record) }), { retries: 0 });
});

describe('shared fixtures through the client', () => {
  it.each(activationFixtures)('$file is listed exactly as loaded (docs=true)', async ({ record }) => {
    const listed = await client.listActivations({ docs: true, limit: 0 });
    expect(listed.find((candidate) => candidate.activationId === record.activationId)).toEqual(record);
  });

  const fetchable = activationFixtures.filter(({ record }) => ACTIVATION_ID_PATTERN.test(String(record.activationId)));
  it.each(fetchable)('$file reads back deep-equal via getActivation', async ({ record }) => {
    expect(await client.getActivation(String(record.activationId))).toEqual(record);
  });

  it('the doctl-printed fixture has a non-hex id, which the server refuses to look up (400)', async () => {
    expect(fetchable.length).toBe(activationFixtures.length - 1);
    await expect(client.getActivation('activation-2')).rejects.toMatchObject({ kind: 'usage', status: 400 });
  });
});
