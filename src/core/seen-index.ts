// The ids the tail engine has already taken, indexed by start time, so that it can tell
// in O(log n) how many records it knows in any [since, upto] range (to compare with the
// server's count=true answer) and forget everything older than its window.

export class SeenIndex {
  private readonly startById = new Map<string, number>();
  /** Start times of every known id, ascending (duplicates allowed). */
  private readonly starts: number[] = [];

  get size(): number {
    return this.startById.size;
  }

  has(id: string): boolean {
    return this.startById.has(id);
  }

  /** Records an id; returns false when it was already known. */
  add(id: string, start: number): boolean {
    if (this.startById.has(id)) return false;
    this.startById.set(id, start);
    this.starts.splice(this.lowerBound(start + 1), 0, start);
    return true;
  }

  /** How many known ids have lo <= start <= hi (both inclusive, like the list API). */
  countInRange(lo: number, hi: number): number {
    if (hi < lo) return 0;
    return this.lowerBound(hi + 1) - this.lowerBound(lo);
  }

  /** Forgets every id whose start is before `cutoff`. */
  forgetBefore(cutoff: number): void {
    const drop = this.lowerBound(cutoff);
    if (drop === 0) return;
    this.starts.splice(0, drop);
    for (const [id, start] of this.startById) {
      if (start < cutoff) this.startById.delete(id);
    }
  }

  /** First index whose start is >= value. */
  private lowerBound(value: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
