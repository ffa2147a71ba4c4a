// Finds every record in a start-time range that the engine has not seen yet, cheaply.
//
// Records appear only when an activation ends but are indexed by start, so new records can
// show up anywhere in the window, not just at the top. The server's count=true answer for a
// range, compared with how many ids we know in that range, says whether anything is missing
// there. New records are usually the newest, so we first page from the top (sized by how many
// are missing); what is still missing after that (long-running activations that finished late)
// is located by bisecting the rest of the range with counts and listing only small ranges.
import type { ActivationSource, RawRecord } from './source.js';
import type { SeenIndex } from './seen-index.js';

export interface ReconcileOptions {
  docs: boolean;
  name?: string;
  /** The server's max page size. */
  pageLimit: number;
  /** A range with at most this many records is listed rather than bisected. */
  leafSize: number;
  /** Most requests one pass may make; the rest waits for the next poll. */
  requestBudget: number;
}

export interface ReconcileResult {
  found: RawRecord[];
  requests: number;
  /** True when the budget ran out before the range was fully reconciled. */
  incomplete: boolean;
  /** The request failure that ended the pass early; `found` still holds what came before it. */
  error?: unknown;
}

class BudgetExhausted extends Error {}

/** The first slice below the top page that searchDown counts. */
const SEARCH_FIRST_SLICE_MS = 1000;

export class Reconciler {
  private found: RawRecord[] = [];
  private requests = 0;

  private budget = 0;
  private onFound: ((records: RawRecord[]) => void) | undefined;

  constructor(
    private readonly source: ActivationSource,
    private readonly seen: SeenIndex,
    private readonly options: ReconcileOptions,
  ) {}

  /**
   * Reconciles [lo, hi]; hi undefined means "up to now". With `onFound`, records are handed over
   * as each page brings them (the newest at once, not after a long search for stragglers) and the
   * result holds none of them; without it, the result holds them all.
   */
  async run(
    lo: number,
    hi?: number,
    requestBudget = this.options.requestBudget,
    onFound?: (records: RawRecord[]) => void,
  ): Promise<ReconcileResult> {
    this.found = [];
    this.onFound = onFound;
    this.requests = 0;
    this.budget = requestBudget;
    try {
      await this.reconcileFromTop(lo, hi);
      return { found: this.found, requests: this.requests, incomplete: false };
    } catch (error) {
      // Records taken before a failure are already marked seen, so they must still be handed on.
      if (error instanceof BudgetExhausted) return { found: this.found, requests: this.requests, incomplete: true };
      return { found: this.found, requests: this.requests, incomplete: true, error };
    }
  }

  private async reconcileFromTop(lo: number, hi: number | undefined): Promise<void> {
    const serverCount = await this.count(lo, hi);
    if (serverCount - this.known(lo, hi) <= 0) return;
    if (serverCount <= this.options.leafSize) return this.listRange(lo, hi);

    // Page down from the newest while the pages keep turning up unseen records at their bottom.
    let upto = hi;
    let tiesAtUpto = 0;
    for (;;) {
      const missing = serverCount - this.known(lo, hi);
      // After a page, `known` also counts records that arrived since the count and came with the page,
      // which can hide as many older ones still missing: searchDown recounts below before trusting it.
      if (missing <= 0) return upto === hi ? undefined : this.searchDown(lo, upto!);
      // A little over the missing count: new records that arrived since the count.
      const limit = Math.min(this.options.pageLimit, missing + 8);
      const page = await this.list(lo, upto, limit, tiesAtUpto);
      const oldest = page.at(-1);
      const freshAtBottom = oldest !== undefined && this.take(page).has(oldest.activationId);
      if (!oldest || page.length < limit) return;
      tiesAtUpto =
        oldest.start === upto ? tiesAtUpto + countStartingAt(page, oldest.start) : countStartingAt(page, oldest.start);
      upto = oldest.start;
      if (!freshAtBottom) return this.searchDown(lo, upto);
    }
  }

  /**
   * Locates missing records in [lo, hi] from the top down. They are most often just below hi (short
   * activations that ended out of order), so slices that widen fourfold from hi are counted and
   * bisected first; bisecting the whole window instead spent about ten counts per poll only to
   * walk down to its top.
   */
  private async searchDown(lo: number, hi: number): Promise<void> {
    let top = hi;
    for (let width = SEARCH_FIRST_SLICE_MS; ; width *= 4) {
      // Counted afresh, not derived from the slices above: records keep arriving near the top while
      // a pass runs, and a derived count would let them hide the older ones still missing below.
      const below = await this.count(lo, top);
      if (below - this.known(lo, top) <= 0) return;
      const from = top - width + 1;
      if (from <= lo) return this.bisect(lo, top, below);
      const sliceCount = await this.count(from, top);
      await this.bisect(from, top, sliceCount);
      top = from - 1;
    }
  }

  /** Locates missing records in [lo, hi] by halving the range, counting each half. */
  private async bisect(lo: number, hi: number, knownServerCount?: number): Promise<void> {
    const serverCount = knownServerCount ?? (await this.count(lo, hi));
    if (serverCount - this.known(lo, hi) <= 0) return;
    if (serverCount <= this.options.leafSize || hi <= lo) return this.listRange(lo, hi);
    const mid = Math.floor((lo + hi) / 2);
    const lowerCount = await this.count(lo, mid);
    await this.bisect(lo, mid, lowerCount);
    // Counts only grow, so the derived upper count can only be an underestimate; the next
    // poll's count of the whole window catches anything that arrived in between.
    await this.bisect(mid + 1, hi, serverCount - lowerCount);
  }

  /** Lists every record of [lo, hi], newest first, paging by start (and skip only for ties). */
  private async listRange(lo: number, hi: number | undefined): Promise<void> {
    let upto = hi;
    let tiesAtUpto = 0;
    for (;;) {
      const page = await this.list(lo, upto, this.options.pageLimit, tiesAtUpto);
      this.take(page);
      const oldest = page.at(-1);
      if (!oldest || page.length < this.options.pageLimit) return;
      tiesAtUpto =
        oldest.start === upto ? tiesAtUpto + countStartingAt(page, oldest.start) : countStartingAt(page, oldest.start);
      upto = oldest.start;
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

  private count(lo: number, hi: number | undefined): Promise<number> {
    this.spend();
    return this.source.count({ since: lo, upto: hi, name: this.options.name });
  }

  private list(lo: number, upto: number | undefined, limit: number, skip: number): Promise<RawRecord[]> {
    this.spend();
    return this.source.list({ since: lo, upto, limit, skip, docs: this.options.docs, name: this.options.name });
  }

  private spend(): void {
    if (this.requests >= this.budget) throw new BudgetExhausted();
    this.requests += 1;
  }
}

function countStartingAt(page: RawRecord[], start: number): number {
  return page.filter((record) => record.start === start).length;
}
