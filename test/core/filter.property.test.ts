import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFilter,
  describeFilter,
  filterFromTailFlags,
  matches,
  parseFilter,
  STATUS_WORDS,
  type Term,
} from '../../src/core/filter.js';
import { activation } from './activation-fixtures.js';

const PIECES = [
  'fn:',
  'status:',
  'cold:',
  'kind:',
  'id:',
  'dur',
  '>',
  '<',
  '>=',
  '<=',
  '=',
  '!',
  '"',
  '\\',
  '/',
  '|',
  '*',
  '?',
  ' ',
  '  ',
  '\t',
  'i',
  'failed',
  'success',
  'timeout',
  'yes',
  'no',
  '500ms',
  '2s',
  '1m',
  '12',
  'billing/*',
  '[',
  ']',
  '(',
  ')',
  'ab',
  '古',
  '\n',
  '\u00a0',
  // Pasted from a log: escape sequences and controls, which error messages quote.
  '\x1b]0;title\x07',
  '\x1b[2J',
  '\r',
  '\u202e',
];

// eslint-disable-next-line no-control-regex -- the point is to detect control characters
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Text that exercises the grammar's corners more often than random strings do. */
const filterishText = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

const globChar = fc.constantFrom(...'abcxyz09/*?-_.:"'.split(''));
const glob = fc.string({ unit: globChar, minLength: 1, maxLength: 8 });
const hexPrefix = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 1, maxLength: 8 });

const positiveTerm: fc.Arbitrary<Term> = fc.oneof(
  fc.record({
    field: fc.constant('fn' as const),
    patterns: fc.array(glob, { minLength: 1, maxLength: 3 }),
    negated: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('kind' as const),
    patterns: fc.array(glob, { minLength: 1, maxLength: 3 }),
    negated: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('id' as const),
    prefixes: fc.array(hexPrefix, { minLength: 1, maxLength: 3 }),
    negated: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('status' as const),
    statuses: fc.array(fc.constantFrom(...STATUS_WORDS), { minLength: 1, maxLength: 3 }),
    negated: fc.boolean(),
  }),
  fc.record({ field: fc.constant('cold' as const), cold: fc.boolean(), negated: fc.boolean() }),
  fc.record({
    field: fc.constant('dur' as const),
    op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const, '=' as const),
    ms: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
    negated: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('text' as const),
    text: fc.string({ minLength: 1, maxLength: 10 }),
    negated: fc.boolean(),
  }),
  fc.record({
    field: fc.constant('regex' as const),
    source: fc.constantFrom('a+', 'x\\/y', '[/]z', '^b', 'c|d', '\\d{2}', 'a b', '"q"'),
    flags: fc.constantFrom('' as const, 'i' as const),
    negated: fc.boolean(),
  }),
);

describe('filter properties', () => {
  it('parseFilter never throws; errors point inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(filterishText, fc.string()), (text) => {
        const result = parseFilter(text);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          expect(UNSAFE.test(result.error), JSON.stringify(result.error)).toBe(false);
          expect(result.position).toBeGreaterThanOrEqual(0);
          expect(result.position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tail flag errors quote the value terminal-safely, on one line', () => {
    fc.assert(
      fc.property(
        fc.array(filterishText, { maxLength: 3 }),
        fc.array(filterishText, { maxLength: 3 }),
        (functions, statuses) => {
          const result = filterFromTailFlags({ functions, statuses });
          if (!result.ok) expect(UNSAFE.test(result.error), JSON.stringify(result.error)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describe is a fixpoint for anything that parses', () => {
    fc.assert(
      fc.property(filterishText, (text) => {
        const first = parseFilter(text);
        if (!first.ok) return;
        const again = parseFilter(describeFilter(first.filter));
        expect(again.ok && again.filter.terms).toEqual(first.filter.terms);
      }),
      { numRuns: 500 },
    );
  });

  it('parse(describe(f)) gives back generated filters', () => {
    fc.assert(
      fc.property(fc.array(positiveTerm, { maxLength: 5 }), (terms) => {
        const described = describeFilter(buildFilter(terms));
        const parsed = parseFilter(described);
        expect(parsed.ok && parsed.filter.terms).toEqual(terms);
      }),
      { numRuns: 300 },
    );
  });

  it('a negated term matches exactly what the plain term does not', () => {
    const sample = [activation(), activation({ status: 'success', cold: false, duration: undefined, kind: undefined })];
    fc.assert(
      fc.property(positiveTerm, (term) => {
        const plain = buildFilter([{ ...term, negated: false }]);
        const negated = buildFilter([{ ...term, negated: true }]);
        for (const a of sample) expect(matches(negated, a)).toBe(!matches(plain, a));
      }),
      { numRuns: 200 },
    );
  });
});
