import { describe, expect, it } from 'vitest';
import { findDoToken, hashAccessToken, readDoctlCredentials } from '../../src/config/doctl.js';
import { Secret } from '../../src/config/secret.js';
import { tempHome } from './home.js';

const TOKEN = 'dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const ignore = () => undefined;

describe("doctl's access token", () => {
  it('hashes the token like doctl: the first 8 hex characters of its SHA-1', () => {
    // printf %s "$TOKEN" | sha1sum
    expect(hashAccessToken(new Secret(TOKEN))).toBe('1552f963');
  });

  it('prefers DIGITALOCEAN_ACCESS_TOKEN, with DIGITALOCEAN_API_URL as the API base', () => {
    const home = tempHome();
    home.write('.config/doctl/config.yaml', 'access-token: from-file\n');
    const found = findDoToken(
      { ...home.env, DIGITALOCEAN_ACCESS_TOKEN: TOKEN, DIGITALOCEAN_API_URL: 'http://127.0.0.1:9' },
      ignore,
    );
    expect(found?.token.reveal()).toBe(TOKEN);
    expect(found).toMatchObject({ origin: 'DIGITALOCEAN_ACCESS_TOKEN', baseUrl: 'http://127.0.0.1:9' });
  });

  it("reads access-token for doctl's default context and auth-contexts for another", () => {
    const home = tempHome();
    home.write('.config/doctl/config.yaml', `access-token: default-token\nauth-contexts:\n  work: work-token\n`);
    expect(findDoToken(home.env, ignore)?.token.reveal()).toBe('default-token');
    home.write(
      '.config/doctl/config.yaml',
      `access-token: default-token\ncontext: work\nauth-contexts:\n  work: work-token\n`,
    );
    expect(findDoToken(home.env, ignore)).toMatchObject({ origin: expect.stringContaining("context 'work'") });
    expect(findDoToken(home.env, ignore)?.token.reveal()).toBe('work-token');
    expect(findDoToken({ ...home.env, DIGITALOCEAN_CONTEXT: 'default' }, ignore)?.token.reveal()).toBe('default-token');
  });

  it("warns and moves on when doctl's config cannot be parsed", () => {
    const home = tempHome();
    home.write('.config/doctl/config.yaml', 'access-token: [unclosed\n');
    const warnings: string[] = [];
    expect(findDoToken(home.env, (message) => warnings.push(message))).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/ignored .*doctl\/config\.yaml: it cannot be parsed/)]);
  });
});

describe("doctl's serverless credentials", () => {
  const host = 'https://faas-nyc1-2ef2e6cc.doserverless.io';
  const namespace = 'fn-feb132ee-706a-4f13-9c81-f24a3330260b';

  it("reads the token's hash directory and applies doctl's host rewrite", () => {
    const home = tempHome();
    const file = home.writeDoctlCredentials({ token: TOKEN, host, namespace, key: 'uuid:key', label: 'prod' });
    expect(file).toContain('/sandbox/creds/1552f963/credentials.json');
    const credentials = readDoctlCredentials(home.env, new Secret(TOKEN), ignore);
    expect(credentials).toMatchObject({
      apihost: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      namespace,
      label: 'prod',
      file,
    });
    expect(credentials?.auth.reveal()).toBe('uuid:key');
  });

  it("ignores other tokens' directories when the token is known", () => {
    const home = tempHome();
    home.writeDoctlCredentials({ hash: 'aaaaaaaa', host, namespace, key: 'uuid:key' });
    expect(readDoctlCredentials(home.env, new Secret(TOKEN), ignore)).toBeUndefined();
  });

  it('uses the only directory when no token is known, and the newest of several, saying so', () => {
    const home = tempHome();
    home.writeDoctlCredentials({ hash: 'aaaaaaaa', host, namespace, key: 'old:key', mtime: new Date('2024-01-01') });
    expect(readDoctlCredentials(home.env, undefined, ignore)?.note).toBeUndefined();
    home.writeDoctlCredentials({ hash: 'bbbbbbbb', host, namespace, key: 'new:key', mtime: new Date('2025-01-01') });
    const newest = readDoctlCredentials(home.env, undefined, ignore);
    expect(newest?.auth.reveal()).toBe('new:key');
    expect(newest?.note).toBe('the newest of 2 saved by doctl (no DigitalOcean token to choose by)');
  });

  it('warns about a credentials file without a key for its current namespace', () => {
    const home = tempHome();
    const file = home.write(
      '.config/doctl/sandbox/creds/aaaaaaaa/credentials.json',
      JSON.stringify({ currentHost: host, currentNamespace: namespace, credentials: {} }),
    );
    const warnings: string[] = [];
    expect(readDoctlCredentials(home.env, undefined, (message) => warnings.push(message))).toBeUndefined();
    expect(warnings).toEqual([`warning: ${file} has no key for its current namespace; run: doctl serverless connect`]);
  });
});
