// POST …/actions/{[pkg/]name}: reference §4 and the DO record policy of §6/§10.
import { describe, expect, it } from 'vitest';
import type { WireActivation } from '../../src/api/types.js';
import { emulator, eventually, ow } from './helpers.js';

type Emulator = Awaited<ReturnType<typeof emulator>>;

function post(emu: Emulator, path: string, params: unknown = {}) {
  return ow(emu, `actions/${path}`, { method: 'POST', body: JSON.stringify(params) });
}

const annotation = (activation: WireActivation, key: string) =>
  activation.annotations.find((a) => a.key === key)?.value;

describe('invoke', () => {
  it('answers a blocking success with 200, the full record, empty logs and the id header', async () => {
    const emu = await emulator();
    const { status, headers, body } = await post(emu, 'sample/hello?blocking=true', { name: 'sammy' });
    const activation = body as WireActivation;
    expect(status).toBe(200);
    expect(activation.response).toMatchObject({ status: 'success', success: true, result: { body: 'Hello sammy' } });
    expect(activation.logs).toEqual([]);
    expect(headers.get('x-openwhisk-activation-id')).toBe(activation.activationId);
  });

  it('answers a blocking application error with 502 and the record', async () => {
    const emu = await emulator();
    const { status, body } = await post(emu, 'api/users?blocking=true', { userId: 4821 });
    expect(status).toBe(502);
    expect((body as WireActivation).response).toMatchObject({
      status: 'application error',
      success: false,
      result: { error: 'user 4821 not found' },
    });
  });

  it('fails with an application error when a required parameter is missing', async () => {
    const emu = await emulator();
    const { body } = await post(emu, 'billing/charge?blocking=true&result=true', { orderId: 7 });
    expect(body).toEqual({ error: "missing required parameter 'amount'" });
  });

  it('returns only the result with result=true', async () => {
    const emu = await emulator();
    const { status, body } = await post(emu, 'sample/hello?blocking=true&result=true', { name: 'Ada' });
    expect(status).toBe(200);
    expect(body).toEqual({ body: 'Hello Ada' });
  });

  it('passes a JSON array body through (no named parameters)', async () => {
    const emu = await emulator();
    const { body } = await post(emu, 'sample/hello?blocking=true&result=true', ['Ada']);
    expect(body).toEqual({ body: 'Hello stranger' });
  });

  it('merges bound parameters under the invoke parameters', async () => {
    const emu = await emulator();
    const { body } = await post(emu, 'billing/charge?blocking=true&result=true', {
      amount: 12.5,
      card: '4242424242424242',
    });
    expect(body).toMatchObject({ body: { amount: 12.5, currency: 'usd' } });
  });

  it('refuses to override a final bound parameter with the upstream 400 text', async () => {
    const emu = await emulator();
    const { status, body } = await post(emu, 'billing/charge', { amount: 1, currency: 'eur' });
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe(
      'Request defines parameters that are not allowed (e.g., reserved properties).',
    );
  });

  it('answers a non-blocking invoke with 202 and the id, and the record appears later', async () => {
    const emu = await emulator();
    const { status, headers, body } = await post(emu, 'sample/hello', { name: 'Grace' });
    const id = (body as { activationId: string }).activationId;
    expect(status).toBe(202);
    expect(body).toEqual({ activationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(headers.get('x-openwhisk-activation-id')).toBe(id);
    const found = await eventually(async () => {
      const result = await ow(emu, `activations/${id}`);
      return result.status === 200 ? (result.body as WireActivation) : undefined;
    });
    expect(found.logs).toEqual([expect.stringMatching(/ stdout: Hello Grace$/)]);
  });

  it('demotes a blocking invoke to 202 after blockingWaitMs, and it still gets a record', async () => {
    const emu = await emulator({ blockingWaitMs: 100 });
    const { status, body } = await post(emu, 'sample/delay?blocking=true', { ms: 800 });
    expect(status).toBe(202);
    const id = (body as { activationId: string }).activationId;
    await eventually(async () => ((await ow(emu, `activations/${id}`)).status === 200 ? true : undefined));
  });

  it('demotes a blocking invoke at its own timeout parameter when that is shorter', async () => {
    const emu = await emulator();
    const { status } = await post(emu, 'sample/delay?blocking=true&timeout=100', { ms: 800 });
    expect(status).toBe(202);
  });

  it('leaves no record for a completed blocking invoke (DO policy)', async () => {
    const emu = await emulator();
    const { headers } = await post(emu, 'sample/hello?blocking=true', {});
    expect((await ow(emu, `activations/${headers.get('x-openwhisk-activation-id')}`)).status).toBe(404);
  });

  it('keeps records of blocking invokes with storeAlways', async () => {
    const emu = await emulator({ storeAlways: true });
    const { headers } = await post(emu, 'sample/hello?blocking=true', {});
    expect((await ow(emu, `activations/${headers.get('x-openwhisk-activation-id')}`)).status).toBe(200);
  });

  it.each(['0', '60001', 'soon'])('answers timeout=%s with the upstream 400 text', async (timeout) => {
    const emu = await emulator();
    const { status, body } = await post(emu, `sample/hello?blocking=true&timeout=${timeout}`);
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe('Timeout must be number of milliseconds up to 60000.');
  });

  it('answers an unknown function with 404', async () => {
    const emu = await emulator();
    const { status, body } = await post(emu, 'sample/nope');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'The requested resource does not exist.' });
  });

  it('answers a body over 1 MB with 413', async () => {
    const emu = await emulator();
    const { status, body } = await post(emu, 'sample/hello', { blob: 'x'.repeat(1_048_576) });
    expect(status).toBe(413);
    expect((body as { error: string }).error).toMatch(/^Request larger than allowed: \d+ > 1048576 bytes\.$/);
  });

  it('answers a body that is not JSON with 400', async () => {
    const emu = await emulator();
    const { status } = await ow(emu, 'actions/sample/hello', { method: 'POST', body: '{"name":' });
    expect(status).toBe(400);
  });

  it('times out a function that runs past its limit, with the exact message and timeout:true', async () => {
    const emu = await emulator({ maxDurationMs: 200 });
    const { status, body } = await post(emu, 'images/thumbnail?blocking=true', {
      url: 'https://cdn.example.com/u/1-scan.tiff',
    });
    const activation = body as WireActivation;
    expect(status).toBe(502);
    expect(activation.response).toMatchObject({
      status: 'action developer error',
      result: { error: 'The action exceeded its time limits of 5000 milliseconds.' },
    });
    expect(annotation(activation, 'timeout')).toBe(true);
  });

  it('answers 429 with the upstream text beyond the per-minute invoke limit', async () => {
    const emu = await emulator({ invokeLimits: { perMinute: 2 } });
    await post(emu, 'sample/hello');
    await post(emu, 'sample/hello');
    const { status, body } = await post(emu, 'sample/hello');
    expect(status).toBe(429);
    expect((body as { error: string }).error).toBe('Too many requests in the last minute (count: 3, allowed: 2).');
  });

  it('answers 429 with the upstream text beyond the concurrent invoke limit', async () => {
    const emu = await emulator({ invokeLimits: { concurrent: 1 } });
    expect((await post(emu, 'sample/delay', { ms: 2000 })).status).toBe(202);
    const { status, body } = await post(emu, 'sample/hello');
    expect(status).toBe(429);
    expect((body as { error: string }).error).toBe('Too many concurrent requests in flight (count: 1, allowed: 1).');
  });

  it('runs a sequence whose components name the parent as cause and whose parent logs are component ids', async () => {
    const emu = await emulator({ maxDurationMs: 200 });
    const { body } = await post(emu, 'pipelines/resize-and-tag', { key: 'uploads/a.jpg' });
    const parentId = (body as { activationId: string }).activationId;
    const parent = await eventually(async () => emu.visibleRecords().find((r) => r.activationId === parentId));
    const components = emu.visibleRecords().filter((r) => r.cause === parentId);
    expect(annotation(parent, 'kind')).toBe('sequence');
    expect(parent.logs).toEqual(components.map((c) => c.activationId));
    expect(components.map((c) => c.name)).toEqual(['resize', 'tag'].slice(0, components.length));
    expect(components.every((c) => annotation(c, 'causedBy') === 'sequence')).toBe(true);
  });
});
