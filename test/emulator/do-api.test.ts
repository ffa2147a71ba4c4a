// DO API v2 (reference §7): namespaces, triggers, Bearer auth and rate-limit headers.
import { describe, expect, it } from 'vitest';
import type { FunctionsNamespace, FunctionsTrigger } from '../../src/api/types.js';
import { doApi, emulator, request } from './helpers.js';

describe('DO API v2', () => {
  it('lists the emulator’s namespace with its own api_host and credential', async () => {
    const emu = await emulator();
    const { status, body } = await doApi(emu, 'namespaces');
    const namespaces = (body as { namespaces: FunctionsNamespace[] }).namespaces;
    expect(status).toBe(200);
    const own = namespaces.find((ns) => ns.namespace === emu.namespace);
    expect(own).toMatchObject({ api_host: emu.apihost, region: expect.any(String), label: expect.any(String) });
    expect(`${own?.uuid}:${own?.key}`).toBe(emu.auth);
  });

  it('includes a second namespace on a .doserverless.io host (the host rewrite quirk)', async () => {
    const emu = await emulator();
    const namespaces = ((await doApi(emu, 'namespaces')).body as { namespaces: FunctionsNamespace[] }).namespaces;
    expect(namespaces).toHaveLength(2);
    expect(namespaces[1]?.api_host).toMatch(/^https:\/\/faas-[a-z0-9-]+\.doserverless\.io$/);
    expect(namespaces[1]?.namespace).toMatch(/^fn-/);
  });

  it('returns one namespace as {namespace}', async () => {
    const emu = await emulator();
    const { body } = await doApi(emu, `namespaces/${emu.namespace}`);
    expect(body).toMatchObject({ namespace: { namespace: emu.namespace, api_host: emu.apihost } });
  });

  it('answers an unknown namespace with 404 and the DO error body', async () => {
    const emu = await emulator();
    const { status, body } = await doApi(emu, 'namespaces/fn-nope');
    expect(status).toBe(404);
    expect(body).toEqual({ id: 'not_found', message: expect.any(String) });
  });

  it('lists scheduled triggers with cron details and run times', async () => {
    const emu = await emulator();
    const triggers = (
      (await doApi(emu, `namespaces/${emu.namespace}/triggers`)).body as { triggers: FunctionsTrigger[] }
    ).triggers;
    expect(triggers.length).toBeGreaterThanOrEqual(2);
    expect(triggers[0]).toMatchObject({
      namespace: emu.namespace,
      type: 'SCHEDULED',
      is_enabled: true,
      scheduled_details: { cron: expect.any(String) },
      scheduled_runs: { next_run_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
    });
  });

  it('returns one trigger as {trigger}', async () => {
    const emu = await emulator();
    const { body } = await doApi(emu, `namespaces/${emu.namespace}/triggers/nightly-cleanup`);
    expect(body).toMatchObject({ trigger: { name: 'nightly-cleanup', function: 'cron/cleanup' } });
  });

  it('answers a request without the bearer token with 401 and the DO error body', async () => {
    const emu = await emulator();
    const { status, body } = await request(`${emu.doApi}/v2/functions/namespaces`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(status).toBe(401);
    expect(body).toEqual({ id: 'unauthorized', message: 'Unable to authenticate you' });
  });

  it('sends ratelimit-limit, -remaining and -reset headers, remaining counting down', async () => {
    const emu = await emulator();
    const first = await doApi(emu, 'namespaces');
    const second = await doApi(emu, 'namespaces');
    expect(first.headers.get('ratelimit-limit')).toBe('5000');
    expect(Number(second.headers.get('ratelimit-remaining'))).toBe(
      Number(first.headers.get('ratelimit-remaining')) - 1,
    );
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('answers 429 to the 251st request within a minute', async () => {
    const emu = await emulator();
    const statuses: number[] = [];
    for (let i = 0; i < 251; i++) statuses.push((await doApi(emu, 'namespaces')).status);
    expect(statuses.slice(0, 250).every((status) => status === 200)).toBe(true);
    expect(statuses[250]).toBe(429);
  });
});
