// Per-function tallies over a run of time buckets [lo, hi], kept up to date as activations arrive and
// slid forward by subtracting the buckets that leave and adding the ones that enter. Reading a 60-minute
// window therefore costs the buckets that changed, not the activations in it.
import type { Activation } from './activation.js';
import { FunctionTally } from './stats-tally.js';

/** Bucket index -> (function -> tally). */
export type BucketLookup = (index: number) => ReadonlyMap<string, FunctionTally> | undefined;

export class SlidingWindow {
  readonly tallies = new Map<string, FunctionTally>();
  // Empty until the first slide; an infinite lo is never pruned and covers nothing.
  private lo = Infinity;
  private hi = -Infinity;

  /** The oldest bucket this window depends on (it must not be pruned while the window is kept). */
  get oldestBucket(): number {
    return this.lo;
  }

  /** An activation that just landed in bucket `index`: counted here too when the window covers it. */
  recordIfCovered(index: number, activation: Activation): void {
    if (index < this.lo || index > this.hi) return;
    tallyFor(this.tallies, activation.fn).record(activation);
  }

  slideTo(lo: number, hi: number, bucketAt: BucketLookup): void {
    // Moving backwards, or jumping past everything held: nothing can be reused.
    if (lo < this.lo || hi < this.hi || lo > this.hi) {
      this.tallies.clear();
      this.mergeRange(lo, hi, bucketAt, 1);
    } else {
      this.mergeRange(this.lo, lo - 1, bucketAt, -1);
      this.mergeRange(this.hi + 1, hi, bucketAt, 1);
    }
    this.lo = lo;
    this.hi = hi;
  }

  private mergeRange(from: number, to: number, bucketAt: BucketLookup, sign: 1 | -1): void {
    for (let index = from; index <= to; index++) {
      const bucket = bucketAt(index);
      if (!bucket) continue;
      for (const [fn, tally] of bucket) {
        const held = tallyFor(this.tallies, fn);
        held.merge(tally, sign);
        if (held.invocations <= 0) this.tallies.delete(fn);
      }
    }
  }
}

export function tallyFor(tallies: Map<string, FunctionTally>, fn: string): FunctionTally {
  let tally = tallies.get(fn);
  if (!tally) {
    tally = new FunctionTally();
    tallies.set(fn, tally);
  }
  return tally;
}
