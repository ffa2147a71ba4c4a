// The loss-proof poller. Every poll re-checks a window that reaches back further than the
// longest an activation can run (records appear only when an activation ends, but are indexed
// by its start), using counts to fetch only what is new (see reconcile.ts). Ids are deduped,
// and forgotten once they fall out of the window. After an outage the window stays anchored at
// the last successful poll, so everything that ended in the gap is still found.
import { activationEndTime, normaliseActivation, type Activation } from './activation.js';
import { DEFAULT_PACING, backoffDelay, nextInterval, type PacingOptions } from './backoff.js';
import { systemClock, type Clock } from './clock.js';
import type { FeedHealth } from './feed-health.js';
import { Reconciler } from './reconcile.js';
import { SeenIndex } from './seen-index.js';
import { describeSourceError, type ActivationSource, type RawRecord } from './source.js';

/** DO's longest function timeout; the window when nothing better is known. */
export const MAX_FUNCTION_TIMEOUT_MS = 15 * 60 * 1000;
/** Added to the longest timeout: wait time before start, store latency, clock skew. */
export const WINDOW_SLACK_MS = 60_000;
/** DO keeps activation records for 72 hours. */
const RETENTION_MS = 72 * 60 * 60 * 1000;
const PAGE_LIMIT = 200;
// Listing a range re-fetches the records already known there; halving it costs a count instead.
// Smaller leaves save bytes and cost requests: at 2 (full records) the busy benchmark made half as
// many requests again for 15% fewer bytes, at 16 half the requests for 50% more bytes (bench/: tail).
const LIST_RULE = { leafSize: 4, listShare: 4 };
const REQUEST_BUDGET = 60;
const FIRST_PASS_BUDGET = 5_000;
/** A poll pages in what is missing among the records that started this recently. */
const HEAD_SPAN_MS = 2000;
/**
 * A sweep runs beside the polls, so its budget bounds its work rather than anyone's wait, and only
 * against runaway: each sweep starts again from the top, so one that kept running out of budget
 * (searching many late records breadth-first) would never reach the deepest of them.
 */
const SWEEP_BUDGET = 5_000;
/** Requests a sweep keeps in flight: the pool has 8 connections, the head needs one. */
const SWEEP_IN_FLIGHT = 6;

export interface Delivery {
  activation: Activation;
  /** The record exactly as the API returned it. */
  record: RawRecord;
  /** Arrived after an activation that ended later was already delivered. */
  late: boolean;
}

export interface TailEngineOptions {
  source: ActivationSource;
  /** Fetch full records (logs, result) rather than summaries. */
  docs: boolean;
  /** Server-side function filter (one exact `fn` or `pkg/fn`). */
  name?: string;
  pacing?: Partial<PacingOptions>;
  /** Also deliver records that already existed at start, from this start time on. */
  historySince?: number;
  /** Fixed window instead of the longest timeout in the namespace + slack. */
  windowMs?: number;
  clock?: Clock;
  random?: () => number;
}

type BatchListener = (batch: Delivery[]) => void;
type HealthListener = (health: FeedHealth) => void;

export class TailEngine {
  private readonly seen = new SeenIndex();
  private readonly reconciler: Reconciler;
  private readonly pacing: PacingOptions;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly batchListeners = new Set<BatchListener>();
  private readonly healthListeners = new Set<HealthListener>();
  private readonly stopSignal = new AbortController();
  private longestTimeoutMs: number | undefined;
  private firstPassDone = false;
  private latestDeliveredEnd = 0;
  /** When the engine started (or, stepped by tests, its first poll): records that ended later are new. */
  private startedAt: number | undefined;
  private running: Promise<void> | undefined;
  /** The sweep for late records, running beside the polls; its range's lower end while it runs. */
  private sweeping: { promise: Promise<void>; lo: number } | undefined;
  private state: FeedHealth;

  constructor(private readonly options: TailEngineOptions) {
    this.pacing = { ...DEFAULT_PACING, ...options.pacing };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.reconciler = new Reconciler(options.source, this.seen, {
      docs: options.docs,
      name: options.name,
      pageLimit: PAGE_LIMIT,
      ...LIST_RULE,
      requestBudget: REQUEST_BUDGET,
      maxInFlight: SWEEP_IN_FLIGHT,
    });
    this.state = {
      state: 'starting',
      intervalMs: this.pacing.minIntervalMs,
      consecutiveErrors: 0,
      completenessAtRisk: false,
      catchingUp: true,
      windowMs: this.windowMs(),
      requests: 0,
      delivered: 0,
    };
  }

  get health(): FeedHealth {
    return this.state;
  }

  /** How many ids the dedupe index holds (bounded by the window). */
  get trackedIds(): number {
    return this.seen.size;
  }

  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  onHealth(listener: HealthListener): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  start(): void {
    // Not the first poll: learning the window comes first and can take seconds of retries.
    this.startedAt ??= this.clock.now();
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.running;
    await this.settle();
    this.setHealth({ state: 'stopped', nextPollAt: undefined });
  }

  /**
   * One poll: returns the delay until the next one. Public so tests can step the engine (`settle()`
   * then waits for the sweep it may have started).
   *
   * A poll pages in what is new from the top and delivers it at once. Records that ended late, below
   * the top, are left to a sweep that runs beside the next polls, so its searching (tens of counts,
   * each maybe waiting out a Retry-After) never holds back the newest records (bench/: tail latency).
   * The first pass runs its sweep to the end before it counts as done: it decides what is history.
   */
  async pollOnce(): Promise<number> {
    const pollStartedAt = this.clock.now();
    const windowStart = this.windowStart(pollStartedAt);
    this.startedAt ??= pollStartedAt;
    let found = 0;
    const onFound = (records: RawRecord[]) => {
      found += records.length;
      this.deliver(records);
    };
    const firstPass = !this.firstPassDone;
    const result = firstPass
      ? await this.reconciler.run(windowStart, undefined, FIRST_PASS_BUDGET, onFound)
      : await this.reconciler.head(windowStart, pollStartedAt - HEAD_SPAN_MS, REQUEST_BUDGET, onFound);
    this.state.requests += result.requests;
    // A pass of many requests can fail late, after it already found new records: the API is up and
    // that failure was one of a kind, so it must not push the next poll out like an outage would.
    if (result.error !== undefined) return this.recordFailure(result.error, found > 0);

    if (firstPass && !result.incomplete) this.firstPassDone = true;
    if (result.sweepBelow !== undefined) this.startSweep(windowStart, result.sweepBelow);
    // Ids a running sweep may still count stay known, or it would fetch them again as missing.
    this.seen.forgetBefore(Math.min(windowStart, this.sweeping?.lo ?? windowStart));
    const intervalMs = result.incomplete
      ? this.pacing.minIntervalMs
      : nextInterval(this.state.intervalMs, found > 0, this.pacing);
    this.setHealth({
      state: 'live',
      lastSuccessAt: pollStartedAt,
      intervalMs,
      consecutiveErrors: 0,
      catchingUp: result.incomplete,
      completenessAtRisk: this.state.completenessAtRisk,
      windowMs: this.windowMs(),
      nextPollAt: this.clock.now() + intervalMs,
    });
    return intervalMs;
  }

  /** Resolves once no sweep is running. */
  async settle(): Promise<void> {
    while (this.sweeping) await this.sweeping.promise;
  }

  /**
   * Sweeps [lo, hi] unless a sweep is already running (the next poll starts another if needed). A
   * sweep that fails or runs out of budget leaves the rest to the next one: the polls still see the
   * count of the whole window fall short, and report an outage themselves.
   */
  private startSweep(lo: number, hi: number): void {
    if (this.sweeping) return;
    const promise = this.reconciler
      .sweep(lo, hi, SWEEP_BUDGET, (records) => this.deliver(records), this.stopSignal.signal)
      .then((result) => {
        this.state.requests += result.requests;
        this.sweeping = undefined;
      });
    this.sweeping = { promise, lo };
  }

  private async loop(): Promise<void> {
    await this.learnLongestTimeout();
    while (!this.stopSignal.signal.aborted) {
      const delay = await this.pollOnce();
      await this.clock.sleep(delay, this.stopSignal.signal);
    }
  }

  private async learnLongestTimeout(): Promise<void> {
    if (this.options.windowMs !== undefined || !this.options.source.maxTimeoutMs) return;
    try {
      this.raiseLongestTimeout(await this.options.source.maxTimeoutMs());
    } catch {
      // Not fatal: without it the window stays at the platform maximum.
    }
  }

  private raiseLongestTimeout(timeoutMs: number | undefined): void {
    if (timeoutMs === undefined || !(timeoutMs > 0)) return;
    const capped = Math.min(timeoutMs, MAX_FUNCTION_TIMEOUT_MS);
    if (this.longestTimeoutMs === undefined || capped > this.longestTimeoutMs) this.longestTimeoutMs = capped;
  }

  private windowMs(): number {
    return this.options.windowMs ?? (this.longestTimeoutMs ?? MAX_FUNCTION_TIMEOUT_MS) + WINDOW_SLACK_MS;
  }

  /** Anchored at the last success, so an outage widens the window instead of skipping the gap. */
  private windowStart(now: number): number {
    const anchor = Math.min(this.state.lastSuccessAt ?? now, now);
    const start = anchor - this.windowMs();
    if (!this.firstPassDone && this.options.historySince !== undefined)
      return Math.min(start, this.options.historySince);
    return start;
  }

  private deliver(records: RawRecord[]): void {
    const batch: Delivery[] = [];
    for (const record of records) {
      const activation = normaliseActivation(record);
      if (!activation) continue;
      this.raiseLongestTimeout(activation.timeoutLimit);
      if (!this.firstPassDone && !this.wantedFromHistory(activation) && !this.endedSinceStart(activation)) continue;
      batch.push({ activation, record, late: false });
    }
    if (batch.length === 0) return;
    batch.sort((a, b) => activationEndTime(a.activation) - activationEndTime(b.activation));
    for (const delivery of batch) delivery.late = activationEndTime(delivery.activation) < this.latestDeliveredEnd;
    this.latestDeliveredEnd = Math.max(this.latestDeliveredEnd, activationEndTime(batch.at(-1)!.activation));
    this.state.delivered += batch.length;
    for (const listener of this.batchListeners) listener(batch);
  }

  /**
   * Ended after the engine started: not history, even when the first pass takes several polls to
   * finish (a burst, or errors); such records were once dropped as history (bench/: tail, fnmon tail).
   */
  private endedSinceStart(activation: Activation): boolean {
    return this.startedAt !== undefined && activationEndTime(activation) >= this.startedAt;
  }

  /** Records that already existed when the engine started are history, delivered only when asked for. */
  private wantedFromHistory(activation: Activation): boolean {
    return this.options.historySince !== undefined && activation.start >= this.options.historySince;
  }

  private recordFailure(error: unknown, madeProgress: boolean): number {
    const failure = describeSourceError(error);
    const consecutiveErrors = madeProgress ? 1 : this.state.consecutiveErrors + 1;
    // A wrong key will not fix itself quickly: retry at the slowest pace, never in a storm.
    const delay =
      failure.kind === 'auth'
        ? this.pacing.maxBackoffMs
        : backoffDelay(consecutiveErrors, this.pacing, this.random, failure.retryAfterMs);
    const now = this.clock.now();
    const outage = now - (this.state.lastSuccessAt ?? now);
    this.setHealth({
      state: failure.kind === 'auth' ? 'error' : 'backing-off',
      consecutiveErrors,
      lastError: { kind: failure.kind, message: failure.message, at: now },
      completenessAtRisk: this.state.completenessAtRisk || outage > RETENTION_MS - this.windowMs(),
      nextPollAt: now + delay,
    });
    return delay;
  }

  private setHealth(change: Partial<FeedHealth>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.healthListeners) listener(this.state);
  }
}
