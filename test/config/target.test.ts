import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/config/target.js';

describe('resolveTarget', () => {
  it('prefers flags over the environment', () => {
    const result = resolveTarget(
      { apihost: 'https://flag.example', auth: 'a:b' },
      { FNMON_APIHOST: 'https://env.example', FNMON_AUTH: 'c:d' },
    );
    expect(result).toMatchObject({ ok: true, target: { apihost: 'https://flag.example', source: 'flags (--apihost/--auth)' } });
  });

  it('falls back to FNMON_ then the OpenWhisk variables', () => {
    expect(resolveTarget({}, { FNMON_APIHOST: 'h1', FNMON_AUTH: 'a:b', FNMON_NAMESPACE: 'ns1' })).toMatchObject({
      ok: true,
      target: { apihost: 'h1', namespace: 'ns1' },
    });
    expect(resolveTarget({}, { WHISK_APIHOST: 'h2', WHISK_AUTH: 'a:b' })).toMatchObject({ ok: true, target: { apihost: 'h2' } });
    expect(resolveTarget({}, { __OW_API_HOST: 'h3', __OW_API_KEY: 'a:b' })).toMatchObject({ ok: true, target: { apihost: 'h3' } });
  });

  it('says which flag is missing when only one of the pair is given', () => {
    expect(resolveTarget({ apihost: 'h' }, {})).toEqual({ ok: false, message: '--auth is missing (give --apihost and --auth together)' });
  });

  it('lists the sources it tried and the fix when nothing is configured', () => {
    const result = resolveTarget({}, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('FNMON_APIHOST');
      expect(result.message).toContain('fnmon --demo');
    }
  });
});
