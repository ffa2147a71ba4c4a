import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationExact, parseDuration } from '../../src/core/duration.js';

describe('duration properties', () => {
  it('formatDurationExact parses back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (ms) => {
        expect(parseDuration(formatDurationExact(ms))).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('formatDuration parses back to within its rounding (5%, or half a millisecond)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10 ** 10, noNaN: true }), (ms) => {
        const back = parseDuration(formatDuration(ms));
        expect(back).toBeDefined();
        expect(Math.abs((back ?? 0) - ms)).toBeLessThanOrEqual(Math.max(0.5, ms * 0.05));
      }),
      { numRuns: 300 },
    );
  });

  it('formatDuration fits a 6-column cell, whatever the number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0 }), fc.constantFrom(1e300, Number.MAX_VALUE, Infinity)), (ms) => {
        expect(formatDuration(ms).length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 300 },
    );
  });

  it('parseDuration never throws and never returns a negative or non-finite value', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const ms = parseDuration(text);
        if (ms !== undefined) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
