// The DO API v2 client against the emulator: namespaces (with the credential and api_host that the
// OpenWhisk client then uses), triggers, the ratelimit-* headers, refusals, and doctl's host rewrite.
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { rewriteApiHost, type DigitalOceanClient } from '../../src/api/digitalocean.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { digitalOcean, emulator, openWhisk, rejectionOf, requestsDuring } from './harness.js';

let target: RunningEmulator;
let client: DigitalOceanClient;
beforeAll(async () => {
  target = await emulator();
  client = digitalOcean(target, { retries: 0 });
});

describe('namespaces', () => {
  it('lists the account namespaces, one of them on a .doserverless.io host', async () => {
    const namespaces = await client.listNamespaces();
    expect(namespaces.map((ns) => ns.namespace)).toContain(target.namespace);
    const legacy = namespaces.find((ns) => ns.api_host.endsWith('.doserverless.io'));
    expect(legacy).toBeDefined();
    expect(rewriteApiHost(legacy!.api_host, legacy!.namespace)).toMatch(/^https:\/\/faas-[^/]+\.doserverless\.co$/);
  });

  it('gets one namespace, whose api_host and uuid:key work with the OpenWhisk client', async () => {
    const namespace = await client.getNamespace(target.namespace);
    expect(`${namespace.uuid}:${namespace.key}`).toBe(target.auth);
    const apihost = rewriteApiHost(namespace.api_host, namespace.namespace);
    const openwhisk = openWhisk(target, { apihost, auth: `${namespace.uuid}:${namespace.key}` });
    expect(await openwhisk.listNamespaces()).toEqual([target.namespace]);
  });

  it('an unknown namespace is not-found', async () => {
    await expect(client.getNamespace('fn-00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
  });
});

describe('triggers', () => {
  it('lists the scheduled triggers of a namespace', async () => {
    const triggers = await client.listTriggers(target.namespace);
    expect(triggers.length).toBeGreaterThan(0);
    for (const trigger of triggers) {
      expect(trigger).toMatchObject({ namespace: target.namespace, type: 'SCHEDULED' });
      expect(typeof trigger.scheduled_details?.cron).toBe('string');
    }
  });
});

describe('rate limit', () => {
  it('exposes the last ratelimit-* headers seen', async () => {
    const fresh = digitalOcean(target, { retries: 0 });
    expect(fresh.rateLimit).toBeUndefined();
    await fresh.listNamespaces();
    const first = fresh.rateLimit!;
    expect(first.limit).toBeGreaterThan(0);
    expect(first.remaining).toBeLessThan(first.limit);
    expect(first.resetAtMs).toBeGreaterThan(Date.now() - 1000);
    await fresh.listTriggers(target.namespace);
    expect(fresh.rateLimit!.remaining).toBe(first.remaining - 1);
  });

  it('a 429 is rate-limited and is not hammered (retries: 0)', async () => {
    const limited = await emulator();
    const hasty = digitalOcean(limited, { retries: 0 });
    // DO allows 250 requests a minute; the window is fixed, so a minute boundary can add up to 250 more.
    let error: Error | undefined;
    for (let attempt = 0; attempt < 600 && !error; attempt++) {
      error = await hasty.listNamespaces().then(
        () => undefined,
        (failure: Error) => failure,
      );
    }
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(error?.message).toContain('API Rate limit exceeded.');
    expect(await requestsDuring(limited, () => hasty.listNamespaces())).toBe(1);
  });
});

describe('refusals', () => {
  it('a wrong token is an auth error without the token, not retried', async () => {
    const wrongToken = 'dop_v1_0123456789abcdef0123456789abcdef';
    const wrong = digitalOcean(target, { token: wrongToken, retries: 2 });
    let error: Error | undefined;
    const requests = await requestsDuring(target, async () => {
      error = await rejectionOf(wrong.listNamespaces());
    });
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error?.message).toBe(
      `authentication failed for ${target.doApi}: check the DigitalOcean access token (401): Unable to authenticate you`,
    );
    expect(inspect(error)).not.toContain(wrongToken);
    expect(requests).toBe(1);
  });

  it('faults apply to the DO API as well: a 500 is a server error', async () => {
    const faulty = await emulator({ faults: '500:1' });
    await expect(digitalOcean(faulty, { retries: 0 }).listNamespaces()).rejects.toMatchObject({
      kind: 'server',
      status: 500,
    });
  });
});
