import { describe, expect, it } from 'vitest';
import type { FunctionStats } from '../../src/core/stats.js';
import { STATS_COLUMNS, formatGbSeconds, formatPercent, sortStats, statsColumn } from '../../src/core/stats-columns.js';

function row(fn: string, overrides: Partial<FunctionStats> = {}): FunctionStats {
  return {
    fn,
    invocations: 10,
    failures: 0,
    errorRate: 0,
    timeouts: 0,
    coldStarts: 0,
    coldRatio: 0,
    nearLimit: 0,
    nearLimitRatio: 0,
    oftenNearLimit: false,
    gbSeconds: 0,
    rate: [],
    errors: [],
    ...overrides,
  };
}

describe('sortStats', () => {
  const rows = [
    row('b', { durationP95: 100 }),
    row('a', { durationP95: 900 }),
    row('c'),
    row('d', { durationP95: 100 }),
  ];

  it('puts the biggest number first by default, ties by name, missing values last', () => {
    expect(sortStats(rows, 'p95').map((r) => r.fn)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('sorts ascending when asked, still with missing values last', () => {
    expect(sortStats(rows, 'p95', 'asc').map((r) => r.fn)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('sorts function names alphabetically by default', () => {
    expect(sortStats(rows, 'function').map((r) => r.fn)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves its input alone', () => {
    sortStats(rows, 'function');
    expect(rows.map((r) => r.fn)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('stats cells', () => {
  it('formats every column, with a dash for a percentile nobody reported', () => {
    const cells = STATS_COLUMNS.map((column) =>
      column.cell(row('billing/charge', { errorRate: 0.125, durationP50: 357, gbSeconds: 1.5, coldRatio: 0.02 })),
    );
    expect(cells).toEqual(['billing/charge', '10', '13%', '0', '2.0%', '357ms', '-', '-', '-', '-', '1.50', '0%']);
  });

  it('flags a function often near its limit', () => {
    expect(statsColumn('near').cell(row('x', { nearLimitRatio: 0.3, oftenNearLimit: true }))).toBe('30%!');
  });

  it('sanitises function names', () => {
    expect(statsColumn('function').cell(row('evil\x1b[31m\x07'))).toBe('evil␇');
  });

  it('formats percentages and GB-seconds for reading', () => {
    expect([0, 0.025, 0.5, 1].map(formatPercent)).toEqual(['0%', '2.5%', '50%', '100%']);
    expect([0, 0.0251, 12.345, 1234.5].map(formatGbSeconds)).toEqual(['0', '0.025', '12.35', '1235']);
  });
});
