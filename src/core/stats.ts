// Streaming per-function statistics (issue 11), computed from the activations fnmon already holds.
//
// Activations are tallied into 10 s buckets by their start time (the time the API indexes them by),
// so late and out-of-order ones land where they belong. A window is the run of buckets that overlaps
// (now − window, now]: it covers the window plus at most one bucket more at its old end. Buckets
// older than the retention are dropped; the store evicting an activation does not remove it here.
// Percentiles come from LogHistogram (within 1% of exact). Each window length keeps a SlidingWindow,
// so reading costs the buckets that changed; the rate/error series are summed per read (cheap counts).
import type { Activation } from './activation.js';
import { systemClock, type Clock } from './clock.js';
import type { FunctionTally } from './stats-tally.js';
import { SlidingWindow, tallyFor } from './stats-window.js';

export const STATS_BUCKET_MS = 10_000;
/** The windows the stats view offers: 1, 5, 15 and 60 minutes. */
export const STATS_WINDOWS_MS: readonly number[] = [60_000, 300_000, 900_000, 3_600_000];
/** A function is "often near its limit" when at least this share of its invocations in the window… */
export const OFTEN_NEAR_LIMIT_RATIO = 0.1;
/** …and at least this many of them ran past 80% of the time limit (one slow call of two is not "often"). */
export const OFTEN_NEAR_LIMIT_MIN_COUNT = 3;
const DEFAULT_RETENTION_MS = 3_600_000 + 2 * STATS_BUCKET_MS;
const DEFAULT_POINTS = 30;
/** Window lengths whose sliding tallies are kept at once (the view's four, plus one spare). */
const MAX_KEPT_WINDOWS = 5;

/** One row of the stats table: plain data, ready to format. Times are milliseconds. */
export interface FunctionStats {
  /** `pkg/fn` exactly as the activations name it (unsanitised: it is also what a filter matches). */
  fn: string;
  invocations: number;
  /** Not `success`: application, developer and internal errors and timeouts. */
  failures: number;
  /** failures / invocations, 0..1. */
  errorRate: number;
  timeouts: number;
  coldStarts: number;
  /** coldStarts / invocations, 0..1. */
  coldRatio: number;
  /** Activations that ran longer than 80% of their time limit. */
  nearLimit: number;
  /** nearLimit / invocations, 0..1. */
  nearLimitRatio: number;
  /** nearLimitRatio ≥ OFTEN_NEAR_LIMIT_RATIO and nearLimit ≥ OFTEN_NEAR_LIMIT_MIN_COUNT. */
  oftenNearLimit: boolean;
  /** Undefined when no activation in the window reported the value. */
  durationP50?: number;
  durationP95?: number;
  durationP99?: number;
  waitP95?: number;
  initP95?: number;
  /** Sum of each activation's `gbs` annotation, or duration × memory limit where it has none. */
  gbSeconds: number;
  /** Invocations per slot of `slotMs`, oldest first (for a sparkline). */
  rate: number[];
  /** Failures per slot, oldest first. */
  errors: number[];
}

export interface StatsWindow {
  windowMs: number;
  /** The span the counted buckets cover (epoch ms, `to` exclusive): the window, rounded out to buckets. */
  from: number;
  to: number;
  /** Time covered by one point of `rate` and `errors`, on average (points hold whole buckets). */
  slotMs: number;
  /** One row per function with activity in the window, by function name. */
  rows: FunctionStats[];
}

export interface StatsCollectorOptions {
  bucketMs?: number;
  /** How far back activations are kept (default 60 min + 20 s): longer windows only see this much. */
  retentionMs?: number;
  clock?: Clock;
}

export interface WindowRead {
  /** Default: the clock's now. */
  now?: number;
  /** Points in each series (default: one per bucket, at most 30); the view passes its sparkline width. */
  points?: number;
}

export class StatsCollector {
  private readonly bucketMs: number;
  private readonly retentionMs: number;
  private readonly clock: Clock;
  private readonly buckets = new Map<number, Map<string, FunctionTally>>();
  private readonly windows = new Map<number, SlidingWindow>();
  private oldestBucket = Infinity;
  private currentVersion = 0;
  private memo: { key: string; window: StatsWindow } | undefined;

  constructor(options: StatsCollectorOptions = {}) {
    this.bucketMs = options.bucketMs ?? STATS_BUCKET_MS;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.clock = options.clock ?? systemClock;
  }

  /** Changes whenever an activation is counted. */
  get version(): number {
    return this.currentVersion;
  }

  /**
   * Counts each activation once: feed it what the tail engine delivers (every id exactly once), not
   * store changes (a summary later replaced by its full record would count twice).
   */
  add(activations: readonly Activation[]): void {
    const now = this.clock.now();
    const cutoff = this.bucketOf(now - this.retentionMs);
    // Beyond the retention into the future is a broken clock or record, not something to keep forever.
    const horizon = this.bucketOf(now + this.retentionMs);
    for (const activation of activations) {
      const index = this.bucketOf(activation.start);
      if (index < cutoff || index > horizon) continue;
      let bucket = this.buckets.get(index);
      if (!bucket) this.buckets.set(index, (bucket = new Map()));
      tallyFor(bucket, activation.fn).record(activation);
      for (const window of this.windows.values()) window.recordIfCovered(index, activation);
      this.oldestBucket = Math.min(this.oldestBucket, index);
      this.currentVersion += 1;
    }
    this.prune(cutoff);
  }

  /** Per-function stats over the window ending at `now`; the same object until a count or bucket changes. */
  window(windowMs: number, read: WindowRead = {}): StatsWindow {
    const now = read.now ?? this.clock.now();
    const hi = this.bucketOf(now);
    const lo = Math.min(hi, this.bucketOf(now - windowMs));
    // Whole points, at least one, at most one per bucket (a width of 0 or NaN from a view gives one).
    const points = Math.max(1, Math.min(Math.floor(read.points ?? DEFAULT_POINTS) || 1, hi - lo + 1));
    const key = `${this.currentVersion}:${windowMs}:${lo}:${hi}:${points}`;
    if (this.memo?.key === key) return this.memo.window;
    const sliding = this.slidingWindow(windowMs);
    sliding.slideTo(lo, hi, (index) => this.buckets.get(index));
    const rows = [...sliding.tallies].map(([fn, tally]) => toRow(fn, tally, points));
    rows.sort((a, b) => (a.fn < b.fn ? -1 : a.fn > b.fn ? 1 : 0));
    this.fillSeries(rows, lo, hi, points);
    const from = lo * this.bucketMs;
    const to = (hi + 1) * this.bucketMs;
    const window = { windowMs, from, to, slotMs: (to - from) / points, rows };
    this.memo = { key, window };
    return window;
  }

  private slidingWindow(windowMs: number): SlidingWindow {
    let sliding = this.windows.get(windowMs);
    if (!sliding) {
      if (this.windows.size >= MAX_KEPT_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(windowMs, (sliding = new SlidingWindow()));
    }
    return sliding;
  }

  /** Sums each bucket's counts into its slot: slot = position in the window scaled to `points`. */
  private fillSeries(rows: FunctionStats[], lo: number, hi: number, points: number): void {
    const byFn = new Map(rows.map((row) => [row.fn, row]));
    const span = hi - lo + 1;
    for (let index = lo; index <= hi; index++) {
      const bucket = this.buckets.get(index);
      if (!bucket) continue;
      const slot = Math.floor(((index - lo) * points) / span);
      for (const [fn, tally] of bucket) {
        const row = byFn.get(fn);
        if (!row) continue;
        row.rate[slot]! += tally.invocations;
        row.errors[slot]! += tally.failures;
      }
    }
  }

  private prune(cutoff: number): void {
    if (this.oldestBucket >= cutoff) return;
    for (let index = this.oldestBucket; index < cutoff; index++) this.buckets.delete(index);
    this.oldestBucket = cutoff;
    // A window still reaching into pruned buckets could not subtract them: start it afresh.
    for (const [windowMs, sliding] of this.windows) {
      if (sliding.oldestBucket < cutoff) this.windows.delete(windowMs);
    }
  }

  private bucketOf(time: number): number {
    return Math.floor(time / this.bucketMs);
  }
}

function toRow(fn: string, tally: FunctionTally, points: number): FunctionStats {
  const { invocations, nearLimit } = tally;
  const [durationP50, durationP95, durationP99] = tally.durations.quantiles([0.5, 0.95, 0.99]);
  const nearLimitRatio = nearLimit / invocations;
  return {
    fn,
    invocations,
    failures: tally.failures,
    errorRate: tally.failures / invocations,
    timeouts: tally.timeouts,
    coldStarts: tally.coldStarts,
    coldRatio: tally.coldStarts / invocations,
    nearLimit,
    nearLimitRatio,
    oftenNearLimit: nearLimitRatio >= OFTEN_NEAR_LIMIT_RATIO && nearLimit >= OFTEN_NEAR_LIMIT_MIN_COUNT,
    durationP50,
    durationP95,
    durationP99,
    waitP95: tally.waits.quantiles([0.95])[0],
    initP95: tally.inits.quantiles([0.95])[0],
    // Subtracting buckets can leave a rounding residue below zero.
    gbSeconds: Math.max(0, tally.gbSeconds),
    rate: new Array<number>(points).fill(0),
    errors: new Array<number>(points).fill(0),
  };
}
