// Construction-time behaviour of the clients (no network). Their wire behaviour is in test/contract.
import { afterEach, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { DigitalOceanClient, DO_API_BASE_URL } from '../../src/api/digitalocean.js';

const clients: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (clients.length) await clients.pop()?.close();
});
function openWhisk(options: ConstructorParameters<typeof OpenWhiskClient>[0]): OpenWhiskClient {
  const client = new OpenWhiskClient(options);
  clients.push(client);
  return client;
}

describe('OpenWhiskClient options', () => {
  it('defaults to https and the caller namespace _', () => {
    const client = openWhisk({ apihost: 'faas-nyc1-2ef2e6cc.doserverless.co', auth: 'uuid:key' });
    expect(client.apihost).toBe('https://faas-nyc1-2ef2e6cc.doserverless.co');
    expect(client.namespace).toBe('_');
  });

  it('exposes apihost without credentials', () => {
    const client = openWhisk({ apihost: 'https://uuid:key@faas.example:8443/', auth: 'uuid:key', namespace: 'fn-1' });
    expect(client.apihost).toBe('https://faas.example:8443');
    expect(client.namespace).toBe('fn-1');
  });

  it('refuses plain http to a remote host unless allowed', () => {
    expect(() => new OpenWhiskClient({ apihost: 'http://faas.example', auth: 'uuid:key' })).toThrow(
      expect.objectContaining({ kind: 'usage', message: expect.stringContaining('use https, or pass --insecure') }),
    );
    expect(openWhisk({ apihost: 'http://faas.example', auth: 'uuid:key', allowInsecureHttp: true }).apihost).toBe(
      'http://faas.example',
    );
  });

  it('refuses a credential that is not uuid:key, without quoting it', () => {
    expect(() => new OpenWhiskClient({ apihost: 'faas.example', auth: 'justAkeyWithoutUuid' })).toThrow(
      expect.objectContaining({ kind: 'usage', message: 'the namespace key must have the form uuid:key' }),
    );
  });

  it('rejects function names that are not fn or pkg/fn before sending anything', async () => {
    const client = openWhisk({ apihost: 'http://127.0.0.1:9', auth: 'uuid:key' });
    for (const name of ['a/b/c', '', 'pkg/', '/fn']) {
      await expect(client.getAction(name)).rejects.toMatchObject({ kind: 'usage' });
      await expect(client.invoke(name)).rejects.toMatchObject({ kind: 'usage' });
    }
  });
});

describe('DigitalOceanClient options', () => {
  it('defaults to the public API and has seen no rate limit yet', () => {
    const client = new DigitalOceanClient({ token: 'dop_v1_token' });
    clients.push(client);
    expect(client.baseUrl).toBe(DO_API_BASE_URL);
    expect(client.rateLimit).toBeUndefined();
  });

  it('refuses plain http to a remote base URL', () => {
    expect(() => new DigitalOceanClient({ token: 't', baseUrl: 'http://api.example' })).toThrow(
      expect.objectContaining({ kind: 'usage' }),
    );
  });
});
