import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseEndpoint, withQuery } from '../../src/api/http.js';
import { rewriteApiHost } from '../../src/api/digitalocean.js';

describe('parseEndpoint', () => {
  it('defaults to https when no scheme is given', () => {
    expect(parseEndpoint('faas-nyc1-2ef2e6cc.doserverless.co', false)).toEqual({
      origin: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      pathPrefix: '',
    });
  });

  it('keeps port and path prefix, drops trailing slashes and credentials', () => {
    expect(parseEndpoint('https://u:p@host.example:8443/ow/', false)).toEqual({
      origin: 'https://host.example:8443',
      pathPrefix: '/ow',
    });
    expect(parseEndpoint(' https://host.example/ ', false)).toEqual({ origin: 'https://host.example', pathPrefix: '' });
  });

  it('allows plain http to loopback only', () => {
    for (const host of ['http://127.0.0.1:3233', 'http://127.8.9.10', 'http://localhost:1', 'http://[::1]:80']) {
      expect(parseEndpoint(host, false).origin).toBe(host.replace(/:80$/, ''));
    }
    expect(() => parseEndpoint('http://faas.example', false)).toThrow(
      expect.objectContaining({
        kind: 'usage',
        message: 'refusing plain http to faas.example: use https, or pass --insecure to allow it',
      }),
    );
    expect(parseEndpoint('http://faas.example', true).origin).toBe('http://faas.example');
  });

  it('rejects other schemes and unparsable hosts, without echoing secrets', () => {
    expect(() => parseEndpoint('ftp://faas.example', false)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => parseEndpoint('https://exa mple', false, ['mple'])).toThrow(
      expect.objectContaining({ kind: 'usage', message: "'https://exa [redacted]' is not a valid host" }),
    );
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['127.example.com', '10.0.0.1', 'localhost.example', '::1', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('withQuery', () => {
  it('appends only defined parameters, encoded', () => {
    expect(withQuery('/a', { limit: 0, skip: undefined, docs: true, name: 'pkg/fn x' })).toBe(
      '/a?limit=0&docs=true&name=pkg%2Ffn+x',
    );
    expect(withQuery('/a', {})).toBe('/a');
  });
});

describe('rewriteApiHost (doctl assignAPIHost)', () => {
  const ns = 'fn-feb132ee-706a-4f13-9c81-f24a3330260b';
  it('replaces the last DNS label with co for fn- namespaces', () => {
    expect(rewriteApiHost('https://faas-nyc1-2ef2e6cc.doserverless.io', ns)).toBe(
      'https://faas-nyc1-2ef2e6cc.doserverless.co',
    );
    expect(rewriteApiHost('https://faas-nyc1-2ef2e6cc.doserverless.co', ns)).toBe(
      'https://faas-nyc1-2ef2e6cc.doserverless.co',
    );
    expect(rewriteApiHost('faas.example.io', ns)).toBe('faas.example.co');
  });

  it('keeps port and path', () => {
    expect(rewriteApiHost('https://faas.example.io:8443/x', ns)).toBe('https://faas.example.co:8443/x');
  });

  it('leaves other namespaces alone', () => {
    expect(rewriteApiHost('https://faas.example.io', 'legacy-ns')).toBe('https://faas.example.io');
  });

  it('leaves IP addresses and single-label hosts alone (the emulator listens on loopback)', () => {
    expect(rewriteApiHost('http://127.0.0.1:3233', ns)).toBe('http://127.0.0.1:3233');
    expect(rewriteApiHost('http://localhost:3233', ns)).toBe('http://localhost:3233');
    expect(rewriteApiHost('http://[::1]:3233', ns)).toBe('http://[::1]:3233');
  });
});
