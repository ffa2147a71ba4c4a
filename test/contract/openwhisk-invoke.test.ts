// invoke against the emulator: blocking and non-blocking outcomes, result-only bodies, function
// errors (502), refusals; and the promise that an invoke is sent at most once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { ACTIVATION_ID_PATTERN, type WireActivation } from '../../src/api/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startLoopbackServer, type LoopbackServer } from '../api/loopback-server.js';
import { emulator, openWhisk, rejectionOf, requestsDuring } from './harness.js';

const DECLINED_CARD = '4000000000000002';
let target: RunningEmulator;
let client: OpenWhiskClient;
beforeAll(async () => {
  target = await emulator({ maxDurationMs: 2_000, blockingWaitMs: 5_000, invokeLimits: { perMinute: 1_000 } });
  client = openWhisk(target);
});

/** Polls GET activation until the record exists (records appear only once the activation ends). */
async function eventually(id: string): Promise<WireActivation> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return await client.getActivation(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'not-found')) throw error;
      await sleep(50);
    }
  }
  throw new Error(`activation ${id} never appeared`);
}

describe('invoke outcomes', () => {
  it('non-blocking → accepted with an activation id; the record appears once it has run', async () => {
    const outcome = await client.invoke('sample/hello', { name: 'Ada' });
    expect(outcome.kind).toBe('accepted');
    expect(outcome.activationId).toMatch(ACTIVATION_ID_PATTERN);
    const record = await eventually(outcome.activationId);
    expect(record.response.result).toEqual({ body: 'Hello Ada' });
  });

  it('blocking → the full record (status 200, logs []), validated', async () => {
    const outcome = await client.invoke('sample/hello', { name: 'Grace' }, { blocking: true });
    expect(outcome).toMatchObject({ kind: 'result', status: 200 });
    if (outcome.kind !== 'result') return;
    expect(outcome.body.activationId).toBe(outcome.activationId);
    expect(outcome.body.logs).toEqual([]);
    expect(outcome.body.response).toMatchObject({ status: 'success', success: true, result: { body: 'Hello Grace' } });
  });

  it('blocking with result=true → only the function result', async () => {
    const outcome = await client.invoke('healthcheck', {}, { blocking: true, result: true });
    expect(outcome).toMatchObject({ kind: 'result', status: 200, body: { body: { status: 'ok' } } });
    expect(outcome.activationId).toMatch(ACTIVATION_ID_PATTERN);
  });

  it('an application error → status 502 with the record, or just the error with result=true', async () => {
    const params = { amount: 5, card: DECLINED_CARD };
    const full = await client.invoke('billing/charge', params, { blocking: true });
    expect(full).toMatchObject({ kind: 'result', status: 502, body: { response: { status: 'application error' } } });
    const resultOnly = await client.invoke('billing/charge', params, { blocking: true, result: true });
    expect(resultOnly).toMatchObject({ kind: 'result', status: 502, body: { error: 'card declined' } });
  });

  it('a blocking invoke that outlasts its wait → accepted', async () => {
    const outcome = await client.invoke('sample/delay', { ms: 1_500 }, { blocking: true, timeout: 100 });
    expect(outcome.kind).toBe('accepted');
  });

  it('an unknown function → not-found; a final parameter → usage (400)', async () => {
    await expect(client.invoke('sample/nope')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    const error = await rejectionOf(client.invoke('billing/charge', { amount: 1, currency: 'eur' }));
    expect(error).toMatchObject({ kind: 'usage', status: 400 });
    expect(error.message).toContain('Request defines parameters that are not allowed');
  });
});

describe('an invoke is sent at most once', () => {
  it('throttled (429) → rate-limited with the server text, not retried', async () => {
    const throttled = await emulator({ invokeLimits: { perMinute: 1 } });
    const eager = openWhisk(throttled, { retries: 5 });
    await eager.invoke('healthcheck');
    let error: Error | undefined;
    const requests = await requestsDuring(throttled, async () => {
      error = await rejectionOf(eager.invoke('healthcheck'));
    });
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(error?.message).toContain('Too many requests in the last minute (count: 2, allowed: 1).');
    expect(requests).toBe(1);
  });

  describe('against a server that fails after reading the request', () => {
    let server: LoopbackServer;
    let failing: OpenWhiskClient;
    afterEach(async () => {
      await failing.close();
      await server.close();
    });

    async function serveAndInvoke(handler: Parameters<typeof startLoopbackServer>[0]): Promise<Error> {
      server = await startLoopbackServer(handler);
      failing = new OpenWhiskClient({ apihost: server.url, auth: target.auth, retries: 5 });
      return rejectionOf(failing.invoke('sample/hello', { name: 'x' }, { blocking: true }));
    }

    it('a destroyed socket → outcome-unknown, one request, no credential in the error', async () => {
      const error = await serveAndInvoke((request) => request.socket.destroy());
      expect(error).toMatchObject({ kind: 'outcome-unknown' });
      expect(error.message).toContain(
        'the invocation may or may not have run; check the activation list before retrying',
      );
      expect(`${error.message} ${error.stack}`).not.toContain(target.auth.split(':')[1]);
      expect(server.requests).toBe(1);
    });

    it('a 503 → server error, one request', async () => {
      const error = await serveAndInvoke((_request, response) => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"error":"The server is currently unavailable.","code":"x"}');
      });
      expect(error).toMatchObject({ kind: 'server', status: 503 });
      expect(server.requests).toBe(1);
    });
  });

  it('nothing listening → network (the request never left)', async () => {
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const unreachable = new OpenWhiskClient({ apihost: closed.url, auth: target.auth });
    await expect(unreachable.invoke('sample/hello')).rejects.toMatchObject({ kind: 'network' });
    await unreachable.close();
  });
});
