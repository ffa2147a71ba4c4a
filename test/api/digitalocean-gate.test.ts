// The DO client's rate-limit gate: once a response says the budget is spent, the next request is
// refused locally until the reset. The emulator cannot be driven there in a test (its budget is
// 5000/hour behind 250/minute), so a loopback server announces ratelimit-remaining: 0 instead.
import { afterEach, describe, expect, it } from 'vitest';
import { DigitalOceanClient } from '../../src/api/digitalocean.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer;
let client: DigitalOceanClient;
afterEach(async () => {
  await client.close();
  await server.close();
});

async function serveBudget(remaining: number, resetInSeconds: number): Promise<void> {
  server = await startLoopbackServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'ratelimit-limit': '5000',
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    });
    response.end('{"namespaces":[]}');
  });
  client = new DigitalOceanClient({ token: 'dop_v1_test', baseUrl: server.url, retries: 0 });
}

describe('DigitalOceanClient rate-limit gate', () => {
  it('refuses locally with retryAfterMs while the budget is spent', async () => {
    await serveBudget(0, 120);
    await client.listNamespaces();
    expect(client.rateLimit).toMatchObject({ limit: 5000, remaining: 0 });
    const error = await client.listTriggers('fn-x').catch((failure: unknown) => failure);
    expect(error).toMatchObject({ kind: 'rate-limited', message: expect.stringContaining('rate limit is used up') });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(100_000);
    expect(server.requests).toBe(1);
  });

  it('sends again once the announced reset has passed', async () => {
    await serveBudget(0, -1);
    await client.listNamespaces();
    await client.listNamespaces();
    expect(server.requests).toBe(2);
  });
});
