import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLine } from '../../src/plain/json.js';

// Raw in a JSON line, any of these would act on a terminal that `cat`s the output (or end the line).
// eslint-disable-next-line no-control-regex -- the point is to detect control characters
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('JSON line properties', () => {
  it('is one valid, terminal-inert line that parses back to the value', () => {
    fc.assert(
      fc.property(hostileJson, (value) => {
        const line = jsonLine(value);
        const body = line.slice(0, -1);
        expect(line.endsWith('\n')).toBe(true);
        expect(UNSAFE.test(body), body).toBe(false);
        expect(LONE_SURROGATE.test(body), body).toBe(false);
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 400 },
    );
  });
});
