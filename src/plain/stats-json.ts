// `fnmon stats --output json`: one JSON document with stable, documented camelCase fields (see README
// "fnmon stats"). Times are epoch milliseconds, durations milliseconds, ratios 0..1; a percentile no
// activation reported is null. Percentiles are rounded to 0.1 ms (they are within 1% anyway) and
// GB-seconds to 6 decimals (sums of floats).
import type { ErrorFingerprint } from '../core/fingerprint.js';
import type { FunctionStats, StatsWindow } from '../core/stats.js';
import type { StatsColumnId } from '../core/stats-columns.js';

export interface JsonFunctionStats {
  function: string;
  invocations: number;
  failures: number;
  errorRate: number;
  timeouts: number;
  coldStarts: number;
  coldRatio: number;
  nearLimit: number;
  nearLimitRatio: number;
  oftenNearLimit: boolean;
  durationP50: number | null;
  durationP95: number | null;
  durationP99: number | null;
  waitP95: number | null;
  initP95: number | null;
  gbSeconds: number;
  rate: number[];
  errors: number[];
}

export interface JsonFingerprint {
  pattern: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  functions: string[];
  newestActivationId: string;
  example: string;
}

export interface JsonStats {
  since: number;
  until: number;
  /** Width of one point of each function's `rate` and `errors` series (ms, on average). */
  slotMs: number;
  sort: StatsColumnId;
  invocations: number;
  functions: JsonFunctionStats[];
  /** Only with --errors. */
  fingerprints?: JsonFingerprint[];
}

export function statsDocument(
  window: StatsWindow,
  rows: readonly FunctionStats[],
  meta: { since: number; until: number; sort: StatsColumnId; fingerprints?: readonly ErrorFingerprint[] },
): JsonStats {
  const document: JsonStats = {
    since: meta.since,
    until: meta.until,
    slotMs: window.slotMs,
    sort: meta.sort,
    invocations: rows.reduce((sum, row) => sum + row.invocations, 0),
    functions: rows.map(toJsonRow),
  };
  if (meta.fingerprints) document.fingerprints = meta.fingerprints.map(toJsonFingerprint);
  return document;
}

function toJsonRow(row: FunctionStats): JsonFunctionStats {
  return {
    function: row.fn,
    invocations: row.invocations,
    failures: row.failures,
    errorRate: row.errorRate,
    timeouts: row.timeouts,
    coldStarts: row.coldStarts,
    coldRatio: row.coldRatio,
    nearLimit: row.nearLimit,
    nearLimitRatio: row.nearLimitRatio,
    oftenNearLimit: row.oftenNearLimit,
    durationP50: tenths(row.durationP50),
    durationP95: tenths(row.durationP95),
    durationP99: tenths(row.durationP99),
    waitP95: tenths(row.waitP95),
    initP95: tenths(row.initP95),
    gbSeconds: Math.round(row.gbSeconds * 1e6) / 1e6,
    rate: row.rate,
    errors: row.errors,
  };
}

function tenths(ms: number | undefined): number | null {
  return ms === undefined ? null : Math.round(ms * 10) / 10;
}

function toJsonFingerprint(fingerprint: ErrorFingerprint): JsonFingerprint {
  return {
    pattern: fingerprint.pattern,
    count: fingerprint.count,
    firstSeen: fingerprint.firstSeen,
    lastSeen: fingerprint.lastSeen,
    functions: fingerprint.functions,
    newestActivationId: fingerprint.newestId,
    example: fingerprint.example,
  };
}
