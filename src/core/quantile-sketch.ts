// Percentiles over a sliding window without keeping every value: a log-binned histogram (the
// DDSketch idea). Bin i holds the values in (γ^(i-1), γ^i], γ = (1+α)/(1-α), and a quantile is
// answered with the bin's representative 2γ^i/(γ+1), which lies within α of every value in the bin.
// Bins are ordered like the values, so the exact nearest-rank value is always in the bin where the
// cumulative count reaches its rank: every answer is within α (1%) of the exact percentile. That is
// the bound test/core/quantile-sketch.property.test.ts checks against sorting.
// Bins are plain counts, so histograms add and subtract: windows are slid by merging buckets in and out.

/** Relative error bound of every quantile answered. */
export const RELATIVE_ERROR = 0.01;
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);

export class LogHistogram {
  /** Bin index -> count; only positive values. */
  private readonly bins = new Map<number, number>();
  private zeros = 0;
  private total = 0;

  get count(): number {
    return this.total;
  }

  /** Zero and negative values count as 0 exactly; non-finite values are ignored. */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.total += 1;
    if (value <= 0) this.zeros += 1;
    else this.bump(binOf(value), 1);
  }

  /** Adds (sign 1) or removes (sign -1) every value of `other`. */
  merge(other: LogHistogram, sign: 1 | -1): void {
    this.total += sign * other.total;
    this.zeros += sign * other.zeros;
    for (const [bin, count] of other.bins) this.bump(bin, sign * count);
  }

  /**
   * Nearest-rank quantiles (q in (0, 1]: the value at rank ceil(q·n) of the sorted values), each
   * within RELATIVE_ERROR of the exact one; undefined when empty. Asking for several costs one sort.
   */
  quantiles(qs: readonly number[]): (number | undefined)[] {
    if (this.total <= 0) return qs.map(() => undefined);
    const sortedBins = [...this.bins.keys()].sort((a, b) => a - b);
    return qs.map((q) => this.valueAtRank(Math.max(1, Math.ceil(q * this.total)), sortedBins));
  }

  private valueAtRank(rank: number, sortedBins: readonly number[]): number {
    let seen = this.zeros;
    if (rank <= seen) return 0;
    for (const bin of sortedBins) {
      seen += this.bins.get(bin)!;
      if (seen >= rank) return representative(bin);
    }
    return representative(sortedBins.at(-1)!);
  }

  private bump(bin: number, delta: number): void {
    const count = (this.bins.get(bin) ?? 0) + delta;
    if (count === 0) this.bins.delete(bin);
    else this.bins.set(bin, count);
  }
}

function binOf(value: number): number {
  return Math.ceil(Math.log(value) / LOG_GAMMA);
}

function representative(bin: number): number {
  return (2 * Math.exp(bin * LOG_GAMMA)) / (GAMMA + 1);
}
