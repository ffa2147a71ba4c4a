import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matches, parseFilter, type Filter } from '../../src/core/filter.js';
import { narrows } from '../../src/core/filter-narrow.js';
import { activation } from './activation-fixtures.js';

function filter(text: string): Filter {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.filter;
}

describe('narrows', () => {
  it('holds when a word grows or terms are added', () => {
    expect(narrows(filter('re'), filter('r'))).toBe(true);
    expect(narrows(filter('Resize'), filter('resi'))).toBe(true);
    expect(narrows(filter('fn:a* resize'), filter('fn:a* res'))).toBe(true);
    expect(narrows(filter('resize status:failed'), filter('resize'))).toBe(true);
    expect(narrows(filter('r'), filter(''))).toBe(true);
  });

  it('does not hold when the filter widens or changes', () => {
    expect(narrows(filter('r'), filter('re'))).toBe(false);
    expect(narrows(filter('!res'), filter('!re'))).toBe(false);
    expect(narrows(filter('fn:ab'), filter('fn:a'))).toBe(false);
    expect(narrows(filter('/re/'), filter('/r/'))).toBe(false);
    expect(narrows(filter('résumé'), filter('rés'))).toBe(false);
    expect(narrows(filter(''), filter('r'))).toBe(false);
  });

  it('only ever says so when the narrower filter keeps a subset', () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,6}$/);
    const fields = fc.record({ fn: word, id: word, error: fc.option(word, { nil: undefined }) });
    fc.assert(
      fc.property(word, word, fc.array(fields, { maxLength: 20 }), (shorter, longer, records) => {
        const [next, previous] = [filter(longer), filter(shorter)];
        if (!narrows(next, previous)) return;
        for (const fields of records) {
          const subject = activation({ ...fields, logs: [] });
          if (matches(next, subject)) expect(matches(previous, subject)).toBe(true);
        }
      }),
    );
  });
});
