// Error paths against the emulator: bad credentials, injected GET faults, retries and their limits.
// Every error must be an ApiError of the right kind, with no credential anywhere in it.
import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, openWhisk, rejectionOf, requestsDuring } from './harness.js';
import { RECORDS } from './records.js';

let target: RunningEmulator;
beforeEach(async () => {
  // A fresh emulator per test: faults are drawn from a seeded stream, so each test starts from the same state.
  target = await emulator({ load: RECORDS, slowMs: 3_000 });
});

function expectNoSecret(error: Error, ...secrets: string[]): void {
  const everything = `${error.message}\n${error.stack ?? ''}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
  for (const secret of secrets) expect(everything).not.toContain(secret);
}

describe('authentication', () => {
  it('a wrong key is an auth error naming the host, without the key and without retrying', async () => {
    const [uuid] = target.auth.split(':') as [string];
    const wrongKey = 'wrong-key-0123456789abcdef';
    const client = openWhisk(target, { auth: `${uuid}:${wrongKey}`, retries: 2 });
    let error: Error | undefined;
    const requests = await requestsDuring(target, async () => {
      error = await rejectionOf(client.listActivations());
    });
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error?.message).toContain(`authentication failed for ${target.apihost}: check the namespace key (401)`);
    expectNoSecret(error!, wrongKey, Buffer.from(`${uuid}:${wrongKey}`).toString('base64'));
    expect(requests).toBe(1);
  });
});

describe('injected faults (retries: 0)', () => {
  it('429 with Retry-After → rate-limited with retryAfterMs', async () => {
    target.setFaults('429:1');
    const error = await rejectionOf(openWhisk(target, { retries: 0 }).listActivations());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 1000 });
    expect(error.message).toContain('wait 1 s');
  });

  it('500 → server', async () => {
    target.setFaults('500:1');
    await expect(openWhisk(target, { retries: 0 }).countActivations()).rejects.toMatchObject({
      kind: 'server',
      status: 500,
    });
  });

  it('a reset connection → network, with no credential in the error', async () => {
    target.setFaults('reset:1');
    const error = await rejectionOf(openWhisk(target, { retries: 0 }).getActivation(RECORDS[0]!.activationId));
    expect(error).toMatchObject({ kind: 'network' });
    expectNoSecret(error, target.auth, target.auth.split(':')[1]!);
  });

  it('a reply slower than the client timeout → timeout', async () => {
    target.setFaults('slow:1');
    const client = openWhisk(target, { retries: 0, timeouts: { headersMs: 200 } });
    await expect(client.listActivations()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('a truncated 200 body → bad-response, never a crash or a wrong record', async () => {
    target.setFaults('garbage:1');
    const client = openWhisk(target, { retries: 2 });
    for (const call of [client.listActivations({ docs: true }), client.getActivation(RECORDS[0]!.activationId)]) {
      await expect(call).rejects.toMatchObject({ kind: 'bad-response' });
    }
  });
});

describe('retries', () => {
  it('recover from transient 500s', async () => {
    target.setFaults('500:0.5');
    const client = openWhisk(target, { retries: 8 });
    const results: number[] = [];
    const requests = await requestsDuring(target, async () => {
      for (let read = 0; read < 4; read++) results.push(await client.countActivations());
    });
    expect(results).toEqual([6, 6, 6, 6]);
    expect(requests).toBeGreaterThan(4);
  });

  it('stop after the configured number of attempts', async () => {
    target.setFaults('500:1');
    const client = openWhisk(target, { retries: 2 });
    expect(await requestsDuring(target, () => client.listActivations())).toBe(3);
    expect(await requestsDuring(target, () => openWhisk(target, { retries: 0 }).listActivations())).toBe(1);
  });

  it('wait out Retry-After, then try again', async () => {
    target.setFaults('429:1');
    const client = openWhisk(target, { retries: 1 });
    let error: Error | undefined;
    const requests = await requestsDuring(target, async () => {
      error = await rejectionOf(client.listActivations());
    });
    expect(error).toMatchObject({ kind: 'rate-limited' });
    expect(requests).toBe(2);
  });

  it('never retry a not-found or a bad request', async () => {
    const client = openWhisk(target, { retries: 3 });
    expect(await requestsDuring(target, () => client.getActivation('f'.repeat(32)))).toBe(1);
    expect(await requestsDuring(target, () => client.getActivation('xyz'))).toBe(1);
  });
});
