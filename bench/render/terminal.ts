// A fake terminal for in-process render benchmarks: a 120x40 TTY whose output side timestamps
// every write (and passes it on to /dev/null, so a frame pays for a real write syscall). The input
// side is test/tui/fake-stdin.ts.
import { EventEmitter } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';

/** The output side. `nextFrame()` waits for the next frame Ink writes and says when it was done. */
export class BenchStdout extends EventEmitter {
  readonly isTTY = true;
  readonly columns: number;
  readonly rows: number;
  /** performance.now() of the last write. */
  lastWriteAt = 0;
  private readonly sink = openSync('/dev/null', 'w');
  private burstOpen = false;
  private burstEnd = 0;
  private waiter: ((at: number) => void) | undefined;

  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write(chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean {
    if (typeof chunk === 'string') writeSync(this.sink, chunk);
    else writeSync(this.sink, chunk);
    this.lastWriteAt = performance.now();
    this.burstEnd = this.lastWriteAt;
    if (!this.burstOpen) {
      // Everything written in this turn of the event loop is one frame (Ink writes the
      // synchronized-update markers and the frame back to back).
      this.burstOpen = true;
      setImmediate(() => {
        this.burstOpen = false;
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter?.(this.burstEnd);
      });
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }

  /** Resolves with the time the next frame was fully written, or undefined after `timeoutMs`. */
  nextFrame(timeoutMs = 2000): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
    });
  }

  /** The floor: one direct write of a whole screen, in ms. */
  timeDirectWrite(screen: string): number {
    const started = performance.now();
    writeSync(this.sink, screen);
    return performance.now() - started;
  }

  close(): void {
    closeSync(this.sink);
  }
}
