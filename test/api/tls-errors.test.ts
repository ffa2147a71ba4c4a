// TLS failures in plain words: a real https server with a self-signed certificate (made by
// openssl), and the mapping of the other certificate codes Node reports.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTlsFailure } from '../../src/api/http.js';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';

let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fnmon-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_request, response) =>
    response.end('[]'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS failures', () => {
  it('explains a self-signed certificate in plain words, without the key', async () => {
    const client = new OpenWhiskClient({ apihost: url, auth: 'uuid:averysecretkey', retries: 0 });
    const error = await client.listNamespaces().catch((caught: unknown) => caught);
    await client.close();
    expect(error).toMatchObject({
      kind: 'network',
      message: `cannot connect securely to ${url}: its TLS certificate is self-signed, so it cannot be trusted; if your network inspects TLS through a proxy, point NODE_EXTRA_CA_CERTS at its CA certificate`,
    });
  });

  it('names expired, not-yet-valid and wrong-host certificates', () => {
    expect(describeTlsFailure('CERT_HAS_EXPIRED')).toBe('its TLS certificate has expired');
    expect(describeTlsFailure('CERT_NOT_YET_VALID')).toContain("check this computer's clock");
    expect(describeTlsFailure('ERR_TLS_CERT_ALTNAME_INVALID')).toContain('for a different host name');
    expect(describeTlsFailure('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toContain('unknown issuer');
    expect(describeTlsFailure('ERR_SSL_WRONG_VERSION_NUMBER')).toBe(
      'the TLS handshake failed (ERR_SSL_WRONG_VERSION_NUMBER)',
    );
    expect(describeTlsFailure('ECONNREFUSED')).toBeUndefined();
  });
});
