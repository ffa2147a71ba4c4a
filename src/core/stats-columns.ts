// The stats table's columns as data: id (what --sort and the view's sort key name), header title,
// alignment, sort key and cell text. `fnmon stats` and the stats view render from this one table.
import { formatDuration } from './duration.js';
import { sanitize } from './sanitize.js';
import type { FunctionStats } from './stats.js';

export type StatsColumnId =
  'function' | 'calls' | 'errors' | 'timeouts' | 'cold' | 'p50' | 'p95' | 'p99' | 'wait' | 'init' | 'gbs' | 'near';

export interface StatsColumn {
  id: StatsColumnId;
  title: string;
  align: 'left' | 'right';
  /** What the column sorts by; undefined (no value in the window) always sorts last. */
  sortKey: (row: FunctionStats) => number | string | undefined;
  /** The cell as shown (sanitised). */
  cell: (row: FunctionStats) => string;
}

/** A right-aligned number column; '-' when the window has no value for it. */
const numeric = (
  id: StatsColumnId,
  title: string,
  value: (row: FunctionStats) => number | undefined,
  show: (n: number) => string,
): StatsColumn => ({
  id,
  title,
  align: 'right',
  sortKey: value,
  cell: (row) => {
    const n = value(row);
    return n === undefined ? '-' : show(n);
  },
});

export const STATS_COLUMNS: readonly StatsColumn[] = [
  { id: 'function', title: 'FUNCTION', align: 'left', sortKey: (row) => row.fn, cell: (row) => sanitize(row.fn) },
  numeric('calls', 'CALLS', (row) => row.invocations, String),
  numeric('errors', 'ERR%', (row) => row.errorRate, formatPercent),
  numeric('timeouts', 'TIMEOUTS', (row) => row.timeouts, String),
  numeric('cold', 'COLD%', (row) => row.coldRatio, formatPercent),
  numeric('p50', 'P50', (row) => row.durationP50, formatDuration),
  numeric('p95', 'P95', (row) => row.durationP95, formatDuration),
  numeric('p99', 'P99', (row) => row.durationP99, formatDuration),
  numeric('wait', 'WAIT95', (row) => row.waitP95, formatDuration),
  numeric('init', 'INIT95', (row) => row.initP95, formatDuration),
  numeric('gbs', 'GB-S', (row) => row.gbSeconds, formatGbSeconds),
  {
    ...numeric('near', 'NEAR%', (row) => row.nearLimitRatio, formatPercent),
    // '!' flags a function that often runs close to its time limit.
    cell: (row) => `${formatPercent(row.nearLimitRatio)}${row.oftenNearLimit ? '!' : ''}`,
  },
];

export const STATS_COLUMN_IDS: readonly StatsColumnId[] = STATS_COLUMNS.map((column) => column.id);

export function statsColumn(id: StatsColumnId): StatsColumn {
  return STATS_COLUMNS.find((column) => column.id === id)!;
}

/** Names ascend by default, numbers descend (the biggest problem first). */
export function defaultDirection(id: StatsColumnId): 'asc' | 'desc' {
  return id === 'function' ? 'asc' : 'desc';
}

/** A sorted copy; ties (and missing values, always last) are ordered by function name. */
export function sortStats(
  rows: readonly FunctionStats[],
  id: StatsColumnId,
  direction: 'asc' | 'desc' = defaultDirection(id),
): FunctionStats[] {
  const key = statsColumn(id).sortKey;
  const sign = direction === 'asc' ? 1 : -1;
  return rows.toSorted((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
    } else if (ka !== kb) {
      return (ka < kb ? -1 : 1) * sign;
    }
    return a.fn < b.fn ? -1 : a.fn > b.fn ? 1 : 0;
  });
}

/** 0%, 2.5%, 37%: one decimal only where it matters. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  if (percent === 0) return '0%';
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

export function formatGbSeconds(value: number): string {
  if (value === 0) return '0';
  if (value < 1) return value.toFixed(3);
  return value < 100 ? value.toFixed(2) : value.toFixed(0);
}
