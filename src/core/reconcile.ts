// Finds every record in a start-time range that the engine has not seen yet, cheaply.
//
// Records appear only when an activation ends but are indexed by start, so new records can
// show up anywhere in the window, not just at the top. The server's count=true answer for a
// range, compared with how many ids we know in that range, says whether anything is missing
// there. New records are usually the newest, so the head of a pass pages from the top (sized by
// how many are missing); what is still missing below it (long-running activations that finished
// late) is located by a sweep that bisects the rest of the range with counts, several requests
// at a time, and lists only ranges that are small or mostly missing.
import pLimit, { type LimitFunction } from 'p-limit';
import type { ActivationSource, RawRecord } from './source.js';
import type { SeenIndex } from './seen-index.js';

export interface ReconcileOptions {
  docs: boolean;
  name?: string;
  /** The server's max page size. */
  pageLimit: number;
  /** A range with at most this many records is listed rather than bisected. */
  leafSize: number;
  /** A range is listed rather than halved once at least 1 in listShare of its records is missing. */
  listShare: number;
  /** Most requests one pass may make; the rest waits for the next poll. */
  requestBudget: number;
  /** Most requests a sweep has in flight at once. */
  maxInFlight: number;
}

export interface ReconcileResult {
  found: RawRecord[];
  requests: number;
  /** True when the budget ran out before the range was fully reconciled. */
  incomplete: boolean;
  /** The request failure that ended the pass early; `found` still holds what came before it. */
  error?: unknown;
  /** Head passes: records may still be missing in [lo, sweepBelow]; sweep that range. */
  sweepBelow?: number;
}

type OnFound = (records: RawRecord[]) => void;

class BudgetExhausted extends Error {}

/** The first slice below the top page that a sweep counts. */
const SEARCH_FIRST_SLICE_MS = 1000;
/** New records that may arrive between a count and the page that follows it. */
const TOP_PAGE_SLACK = 4;

export class Reconciler {
  constructor(
    private readonly source: ActivationSource,
    private readonly seen: SeenIndex,
    private readonly options: ReconcileOptions,
  ) {}

  /**
   * Reconciles [lo, hi] completely (hi undefined means "up to now"): the head, then the sweep. With
   * `onFound`, records are handed over as each page brings them and the result holds none of them;
   * without it, the result holds them all.
   */
  run(lo: number, hi?: number, budget = this.options.requestBudget, onFound?: OnFound): Promise<ReconcileResult> {
    return this.pass(budget, onFound, async (pass) => {
      const sweepBelow = await pass.head(lo, hi);
      if (sweepBelow !== undefined) await pass.sweep(lo, sweepBelow);
    });
  }

  /**
   * Only the head of a pass: pages in from the top what is missing among the records that started
   * since `topFrom`; says where a sweep should continue.
   */
  head(lo: number, topFrom: number, budget: number, onFound: OnFound): Promise<ReconcileResult> {
    let sweepBelow: number | undefined;
    return this.pass(budget, onFound, async (pass) => {
      sweepBelow = await pass.head(lo, undefined, Math.max(lo, topFrom));
    }).then((result) => ({ ...result, sweepBelow }));
  }

  /**
   * Only the sweep of a pass: locates what is missing in [lo, hi]; `stop` ends it early. Its reads
   * are not retried: a failed one ends only its own branch (the rest goes on, and the next sweep
   * asks again), so in an outage a sweep dies out with the reads it had in flight.
   */
  sweep(lo: number, hi: number, budget: number, onFound: OnFound, stop?: AbortSignal): Promise<ReconcileResult> {
    return this.pass(budget, onFound, (pass) => pass.sweep(lo, hi), { stop, once: true });
  }

  private async pass(
    budget: number,
    onFound: OnFound | undefined,
    work: (pass: Pass) => Promise<void>,
    mode: PassMode = {},
  ) {
    const pass = new Pass(this.source, this.seen, this.options, budget, onFound, mode);
    try {
      await work(pass);
      if (pass.branchFailure !== undefined) throw pass.branchFailure;
      return { found: pass.found, requests: pass.requests, incomplete: false };
    } catch (error) {
      // Records taken before a failure are already marked seen, so they must still be handed on.
      if (error instanceof BudgetExhausted) return { found: pass.found, requests: pass.requests, incomplete: true };
      return { found: pass.found, requests: pass.requests, incomplete: true, error };
    }
  }
}

interface PassMode {
  /** Ends the pass before its next request. */
  stop?: AbortSignal;
  /** Reads are not retried (see Reconciler.sweep). */
  once?: boolean;
}

/** One pass: its request budget, what it found, and the requests it has in flight. */
class Pass {
  readonly found: RawRecord[] = [];
  requests = 0;
  /** The first failure of a branch that ended on it while the others went on. */
  branchFailure: unknown;
  private readonly limit: LimitFunction;

  constructor(
    private readonly source: ActivationSource,
    private readonly seen: SeenIndex,
    private readonly options: ReconcileOptions,
    private readonly budget: number,
    private readonly onFound: OnFound | undefined,
    private readonly mode: PassMode,
  ) {
    this.limit = pLimit(options.maxInFlight);
  }

  /**
   * Pages down from the newest while the pages keep turning up unseen records at their bottom, each
   * page sized by how many are missing since `topFrom` (so that records missing further down, which
   * the sweep will find, do not make every page longer). Returns the start at or below which records
   * may still be missing, or undefined when none are.
   */
  async head(lo: number, hi: number | undefined, topFrom = lo): Promise<number | undefined> {
    // One after the other: in an outage a poll then fails at its first read, as the back-off expects.
    const serverCount = await this.count(lo, hi);
    if (serverCount - this.known(lo, hi) <= 0) return undefined;
    const topCount = topFrom > lo ? await this.count(topFrom, hi) : serverCount;
    if (serverCount <= this.options.leafSize) return this.listRange(lo, hi);

    let upto = hi;
    let tiesAtUpto = 0;
    for (;;) {
      const missing = topCount - this.known(topFrom, hi);
      // After a page, `known` also counts records that arrived since the count and came with the page,
      // which can hide as many older ones still missing: the sweep recounts below before trusting it.
      if (missing <= 0) return upto ?? topFrom - 1;
      const limit = Math.min(this.options.pageLimit, missing + TOP_PAGE_SLACK);
      const page = await this.list(lo, upto, limit, tiesAtUpto);
      const oldest = page.at(-1);
      const freshAtBottom = oldest !== undefined && this.take(page).has(oldest.activationId);
      if (!oldest || page.length < limit) return undefined;
      tiesAtUpto =
        oldest.start === upto ? tiesAtUpto + countStartingAt(page, oldest.start) : countStartingAt(page, oldest.start);
      upto = oldest.start;
      if (!freshAtBottom) return upto;
    }
  }

  /**
   * Locates missing records in [lo, hi]. They are most often just below hi (short activations that
   * ended out of order), so the range is cut into slices that widen fourfold from hi (bisecting the
   * whole window instead spent about ten counts per poll only to walk down to its top), and the
   * slices are searched at the same time.
   */
  async sweep(lo: number, hi: number): Promise<void> {
    // Counted afresh: records keep arriving near the top while a pass runs, and a count derived from
    // the head's would let them hide older ones still missing below.
    const below = await this.count(lo, hi);
    if (below - this.known(lo, hi) <= 0) return;
    await this.all(slicesDown(lo, hi).map(([from, to]) => this.bisect(from, to)));
  }

  /** Locates missing records in [lo, hi] by halving the range, counting each half. */
  private async bisect(lo: number, hi: number, knownServerCount?: number): Promise<void> {
    const serverCount = knownServerCount ?? (await this.count(lo, hi));
    const missing = serverCount - this.known(lo, hi);
    if (missing <= 0) return;
    // Listing re-fetches the records already known; halving costs a count for each level down to
    // each missing record. List when the range is small or a good share of it is missing.
    if (serverCount <= this.options.leafSize || missing * this.options.listShare >= serverCount || hi <= lo) {
      return void (await this.listRange(lo, hi));
    }
    const mid = Math.floor((lo + hi) / 2);
    const lowerCount = await this.count(lo, mid);
    // Counts only grow, so the derived upper count can only be an underestimate; the next
    // pass's count of the whole window catches anything that arrived in between.
    await this.all([this.bisect(lo, mid, lowerCount), this.bisect(mid + 1, hi, serverCount - lowerCount)]);
  }

  /** Lists every record of [lo, hi], newest first, paging by start (and skip only for ties). */
  private async listRange(lo: number, hi: number | undefined): Promise<undefined> {
    let upto = hi;
    let tiesAtUpto = 0;
    for (;;) {
      const page = await this.list(lo, upto, this.options.pageLimit, tiesAtUpto);
      this.take(page);
      const oldest = page.at(-1);
      if (!oldest || page.length < this.options.pageLimit) return undefined;
      tiesAtUpto =
        oldest.start === upto ? tiesAtUpto + countStartingAt(page, oldest.start) : countStartingAt(page, oldest.start);
      upto = oldest.start;
    }
  }

  /**
   * Waits for every branch, so none is left running behind the pass. A branch that fails ends alone
   * and the pass reports its failure at the end; running out of budget ends the pass.
   */
  private async all(branches: Promise<void>[]): Promise<void> {
    for (const outcome of await Promise.allSettled(branches)) {
      if (outcome.status === 'fulfilled') continue;
      if (outcome.reason instanceof BudgetExhausted) throw outcome.reason;
      this.branchFailure ??= outcome.reason;
    }
  }

  /** Adds unseen records of a page to the result; returns the ids that were new. */
  private take(page: RawRecord[]): Set<string> {
    const fresh = new Set<string>();
    const taken: RawRecord[] = [];
    for (const record of page) {
      if (this.seen.add(record.activationId, record.start)) {
        taken.push(record);
        fresh.add(record.activationId);
      }
    }
    if (this.onFound) {
      if (taken.length > 0) this.onFound(taken);
    } else {
      this.found.push(...taken);
    }
    return fresh;
  }

  private known(lo: number, hi: number | undefined): number {
    return this.seen.countInRange(lo, hi ?? Number.MAX_SAFE_INTEGER);
  }

  // Async, so that running out of budget rejects like a failed request instead of throwing.
  private async count(lo: number, hi: number | undefined): Promise<number> {
    this.spend();
    const query = { since: lo, upto: hi, name: this.options.name, ...(this.mode.once && { once: true }) };
    return this.limit(() => this.source.count(query));
  }

  private async list(lo: number, upto: number | undefined, limit: number, skip: number): Promise<RawRecord[]> {
    this.spend();
    const { docs, name } = this.options;
    const query = { since: lo, upto, limit, skip, docs, name, ...(this.mode.once && { once: true }) };
    return this.limit(() => this.source.list(query));
  }

  private spend(): void {
    if (this.requests >= this.budget || this.mode.stop?.aborted) throw new BudgetExhausted();
    this.requests += 1;
  }
}

/** [from, to] slices of [lo, hi], newest first, 1 s wide at hi and four times wider each step down. */
function slicesDown(lo: number, hi: number): [number, number][] {
  const slices: [number, number][] = [];
  let top = hi;
  for (let width = SEARCH_FIRST_SLICE_MS; top >= lo; width *= 4) {
    const from = Math.max(lo, top - width + 1);
    slices.push([from, top]);
    top = from - 1;
  }
  return slices;
}

function countStartingAt(page: RawRecord[], start: number): number {
  return page.filter((record) => record.start === start).length;
}
