import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHistogram, RELATIVE_ERROR } from '../../src/core/quantile-sketch.js';

/** Nearest rank: the value at rank ceil(q·n) of the sorted values. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function histogramOf(values: readonly number[]): LogHistogram {
  const histogram = new LogHistogram();
  for (const value of values) histogram.add(value);
  return histogram;
}

function expectWithinBound(estimate: number | undefined, exact: number): void {
  expect(estimate).toBeDefined();
  // The bound is exact in real arithmetic; allow for floating-point rounding at bin edges.
  expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(exact * (RELATIVE_ERROR + 1e-9));
}

const durations = fc.oneof(
  fc.integer({ min: 0, max: 900_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }),
);
const quantile = fc.oneof(fc.constantFrom(0.5, 0.95, 0.99, 1), fc.double({ min: 0.001, max: 1, noNaN: true }));

describe('LogHistogram percentiles', () => {
  it('are within the relative error bound of the exact nearest-rank percentile', () => {
    fc.assert(
      fc.property(fc.array(durations, { minLength: 1, maxLength: 400 }), quantile, (values, q) => {
        expectWithinBound(histogramOf(values).quantiles([q])[0], exactQuantile(values, q));
      }),
    );
  });

  it('stay within the bound on heavily repeated and skewed values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 1, 2, 3, 250, 251, 3000, 899_999), { minLength: 1, maxLength: 300 }),
        quantile,
        (values, q) => {
          expectWithinBound(histogramOf(values).quantiles([q])[0], exactQuantile(values, q));
        },
      ),
    );
  });

  it('answer for the remaining values after a merged histogram is subtracted again', () => {
    fc.assert(
      fc.property(
        fc.array(durations, { minLength: 1, maxLength: 200 }),
        fc.array(durations, { maxLength: 200 }),
        quantile,
        (kept, removed, q) => {
          const window = histogramOf(kept);
          const leaving = histogramOf(removed);
          window.merge(leaving, 1);
          window.merge(leaving, -1);
          expect(window.count).toBe(kept.length);
          expect(window.quantiles([q])).toEqual(histogramOf(kept).quantiles([q]));
        },
      ),
    );
  });
});

describe('LogHistogram', () => {
  it('has no percentiles when empty', () => {
    expect(new LogHistogram().quantiles([0.5, 0.99])).toEqual([undefined, undefined]);
  });

  it('answers zero exactly and counts negative values as zero', () => {
    const histogram = histogramOf([0, -5, 0, 10]);
    expect(histogram.quantiles([0.5, 0.75])).toEqual([0, 0]);
    expect(histogram.quantiles([1])[0]).toBeCloseTo(10, 0);
  });

  it('ignores values that are not finite', () => {
    const histogram = histogramOf([Number.NaN, Number.POSITIVE_INFINITY, 7]);
    expect(histogram.count).toBe(1);
  });
});
