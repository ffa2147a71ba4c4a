// One timer for everything that happens later (arrivals, completions, slow replies): a min-heap
// of due times. Cheaper than a timer per activation at high rates, and close() stops it all at once.

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

export class Scheduler {
  private readonly heap: Task[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private closed = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `run` at epoch ms `at` (immediately on the next tick when `at` is already past). */
  at(at: number, run: () => void): void {
    if (this.closed) return;
    this.push({ at, seq: this.seq++, run });
    if (at < this.armedFor) this.arm();
  }

  after(delayMs: number, run: () => void): void {
    this.at(this.now() + delayMs, run);
  }

  get pending(): number {
    return this.heap.length;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.heap.length = 0;
  }

  private arm(): void {
    clearTimeout(this.timer);
    const first = this.heap[0];
    if (!first) {
      this.armedFor = Infinity;
      return;
    }
    this.armedFor = first.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, first.at - this.now()));
    // The HTTP server keeps the process alive; pending simulation alone should not.
    this.timer.unref();
  }

  private fire(): void {
    this.armedFor = Infinity;
    const now = this.now();
    while (!this.closed && this.heap[0] && this.heap[0].at <= now) {
      const task = this.pop();
      try {
        task.run();
      } catch (error) {
        process.emitWarning(`emulator task failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!this.closed) this.arm();
  }

  private before(a: Task, b: Task): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(task: Task): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Task {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && this.before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && this.before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
