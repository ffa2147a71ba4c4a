// Full records of failures, fetched in the background. The tail engine delivers docs=false summaries,
// which carry no error message; error fingerprints need one. So each failure that arrives as a summary
// is queued here and its full record fetched by id, gently: at most 2 requests at once and at most 5
// starts a second (a burst of failures must not starve the poll or trip the API's rate limit), newest
// first (the failures people look at now), and a bounded backlog whose oldest entries are dropped (a
// history of thousands of failures is not worth thousands of requests). What is fetched goes to the
// store too, so opening a failure shows its record at once. A fetch that fails is not retried here:
// the detail pane fetches on demand anyway.
import { isFailure, type Activation } from './activation.js';

export interface FailureDetailOptions {
  /** GET the full record of `id`. */
  fetch: (id: string) => Promise<Activation>;
  /** Receives each full record fetched. */
  fetched: (full: Activation) => void;
  /** Whether the full record of `id` is known already (e.g. the detail pane fetched it). */
  known: (id: string) => boolean;
  concurrency?: number;
  /** Least time between two request starts. */
  intervalMs?: number;
  /** Most failures waiting; beyond it the oldest are dropped. */
  backlog?: number;
}

const FAILURE_FETCH_CONCURRENCY = 2;
const FAILURE_FETCH_INTERVAL_MS = 200;
const FAILURE_FETCH_BACKLOG = 100;

export class FailureDetails {
  /** Oldest start first, so the newest is popped from the end. */
  private readonly waiting: Activation[] = [];
  private readonly queued = new Set<string>();
  private active = 0;
  private nextStartAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly concurrency: number;
  private readonly intervalMs: number;
  private readonly backlog: number;

  constructor(private readonly options: FailureDetailOptions) {
    this.concurrency = options.concurrency ?? FAILURE_FETCH_CONCURRENCY;
    this.intervalMs = options.intervalMs ?? FAILURE_FETCH_INTERVAL_MS;
    this.backlog = options.backlog ?? FAILURE_FETCH_BACKLOG;
  }

  /** Queues the failures among `activations` that are summaries; anything else is ignored. */
  add(activations: readonly Activation[]): void {
    if (this.stopped) return;
    for (const activation of activations) {
      if (activation.full || !isFailure(activation) || this.queued.has(activation.id)) continue;
      this.queued.add(activation.id);
      this.waiting.push(activation);
    }
    this.waiting.sort((a, b) => a.start - b.start);
    for (const dropped of this.waiting.splice(0, Math.max(0, this.waiting.length - this.backlog)))
      this.queued.delete(dropped.id);
    this.pump();
  }

  /** Failures waiting for a request slot. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Drops the backlog; answers still in flight are ignored. */
  stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
    this.queued.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private pump(): void {
    while (!this.stopped && this.timer === undefined && this.active < this.concurrency && this.waiting.length > 0) {
      const wait = this.nextStartAt - Date.now();
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      const next = this.waiting.pop()!;
      this.queued.delete(next.id);
      if (this.options.known(next.id)) continue;
      this.nextStartAt = Date.now() + this.intervalMs;
      this.active += 1;
      void this.fetchOne(next.id);
    }
  }

  private async fetchOne(id: string): Promise<void> {
    try {
      const full = await this.options.fetch(id);
      if (!this.stopped) this.options.fetched(full);
    } catch {
      // Not retried: the detail pane asks again if someone opens it.
    } finally {
      this.active -= 1;
      this.pump();
    }
  }
}
