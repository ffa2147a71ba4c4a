import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/config/secret.js';
import { describeTarget, type Target } from '../../src/config/target.js';

const KEY = '23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP';

describe('Secret', () => {
  it('never shows its value when printed, interpolated, inspected or serialised', () => {
    const secret = new Secret(KEY);
    const holder = { auth: secret };
    for (const text of [
      String(secret),
      `${secret}`,
      JSON.stringify(holder),
      inspect(holder),
      inspect(secret, { showHidden: true }),
    ]) {
      expect(text).not.toContain(KEY.slice(0, 12));
      expect(text).toContain('[redacted]');
    }
    expect(Object.keys(secret)).toEqual([]);
    expect({ ...secret }).toEqual({});
  });

  it('hands out the value only through reveal()', () => {
    expect(new Secret(KEY).reveal()).toBe(KEY);
  });

  it('previews the first four characters of a long secret and nothing of a short one', () => {
    expect(new Secret(KEY).preview()).toBe('23bc…');
    expect(new Secret('a:b').preview()).toBe('…');
  });

  it('lists the forms a key travels in: whole, the part after the colon, and base64', () => {
    expect(new Secret(KEY).forms()).toEqual([KEY, KEY.split(':')[1], Buffer.from(KEY).toString('base64')]);
  });
});

describe('describeTarget', () => {
  it('names host, namespace, source and the key preview, never the key', () => {
    const target: Target = {
      apihost: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      auth: new Secret(KEY),
      namespace: 'fn-feb132ee-706a-4f13-9c81-f24a3330260b',
      label: 'prod',
      source: 'flags (--apihost/--auth)',
      allowInsecureHttp: false,
    };
    const line = describeTarget(target);
    expect(line).toBe(
      'https://faas-nyc1-2ef2e6cc.doserverless.co, namespace fn-feb132ee-706a-4f13-9c81-f24a3330260b (prod), key 23bc…, from flags (--apihost/--auth)',
    );
    expect(JSON.stringify(target)).not.toContain(KEY.split(':')[1]);
  });
});
