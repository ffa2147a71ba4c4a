import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport, USER_AGENT, parseEndpoint } from '../../src/api/http.js';
import type { ErrorContext } from '../../src/api/errors.js';
import { VERSION } from '../../src/version.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const SECRET = 'uuid-1234:sup3r-s3cret-key';
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler);
  cleanup.push(() => server.close());
  return server;
}

function transportFor(url: string, extra: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}): HttpTransport {
  const endpoint = parseEndpoint(url, false);
  const errors: ErrorContext = { origin: endpoint.origin, credentialName: 'namespace key', secrets: [SECRET] };
  const transport = new HttpTransport({ endpoint, errors, ...extra });
  cleanup.push(() => transport.close());
  return transport;
}

const get = { method: 'GET', path: '/x', headers: {} } as const;

describe('HttpTransport', () => {
  it('sends User-Agent fnmon/<version> and returns status, headers and text', async () => {
    let userAgent: string | undefined;
    const server = await serve((request, response) => {
      userAgent = request.headers['user-agent'];
      response.setHeader('x-test', 'yes');
      response.end('{"ok":true}');
    });
    const response = await transportFor(server.url).request(get);
    expect(USER_AGENT).toBe(`fnmon/${VERSION}`);
    expect(userAgent).toBe(USER_AGENT);
    expect(response).toMatchObject({ status: 200, body: '{"ok":true}', headers: { 'x-test': 'yes' } });
  });

  it('shares one keep-alive pool between clients of the same origin', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const first = transportFor(server.url);
    const second = transportFor(server.url);
    // undici hands a keep-alive socket back to the pool one event-loop turn after a response ends.
    const nextTurn = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    await first.request(get);
    await nextTurn();
    await second.request(get);
    await first.close();
    await nextTurn();
    await second.request(get);
    expect(server.requests).toBe(3);
    expect(server.connections).toBe(1);
  });

  it('refuses a response larger than the cap, declared or streamed', async () => {
    const big = 'x'.repeat(5000);
    const declared = await serve((_request, response) => response.end(big));
    const streamed = await serve((_request, response) => {
      response.write(big.slice(0, 2500));
      setImmediate(() => response.end(big.slice(2500)));
    });
    for (const server of [declared, streamed]) {
      await expect(transportFor(server.url, { maxResponseBytes: 1000 }).request(get)).rejects.toMatchObject({
        kind: 'bad-response',
        status: 200,
        message: expect.stringContaining('exceeds 1000 bytes'),
      });
    }
  });

  it('reports a body cut off mid-way as bad-response', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('[{"activationId":');
      setImmediate(() => response.socket?.destroy());
    });
    await expect(transportFor(server.url).request(get)).rejects.toMatchObject({
      kind: 'bad-response',
      message: expect.stringContaining('was cut off'),
    });
  });

  it('reports a refused connection as network, naming the host', async () => {
    const server = await serve(() => undefined);
    const { url } = server;
    await server.close();
    await expect(transportFor(url).request(get)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/^cannot connect to http:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED/),
    });
  });

  it('a socket destroyed after the request was read: network for a read, outcome-unknown for a side effect', async () => {
    const server = await serve((request) => request.socket.destroy());
    const transport = transportFor(server.url);
    await expect(transport.request(get)).rejects.toMatchObject({ kind: 'network' });
    const post = { ...get, method: 'POST', body: '{}', outcomeUnknownAdvice: 'it may have run' } as const;
    await expect(transport.request(post)).rejects.toMatchObject({
      kind: 'outcome-unknown',
      message: expect.stringMatching(/: it may have run$/),
    });
  });

  it('times out waiting for headers', async () => {
    const server = await serve(() => undefined);
    const transport = transportFor(server.url, { timeouts: { headersMs: 100 } });
    await expect(transport.request(get)).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('did not answer'),
    });
  });

  it('refuses to send once closed', async () => {
    const server = await serve((_request, response) => response.end('ok'));
    const transport = transportFor(server.url);
    await transport.close();
    await expect(transport.request(get)).rejects.toMatchObject({
      kind: 'usage',
      message: expect.stringContaining('closed'),
    });
  });
});
