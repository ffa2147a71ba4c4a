// What the tail benchmark needs from each contestant: start, stop, and say whether it gave up.
import type { OpenWhiskClient } from '../../src/api/openwhisk.js';

/** Called with the ids a poller shows, the moment it would print them. */
export type Deliver = (ids: readonly string[]) => void;

/** The list call both baselines make (the same client fnmon uses, retries off, like doctl and wsk). */
export type ListClient = Pick<OpenWhiskClient, 'listActivations'>;

export interface Poller {
  start(): void;
  stop(): Promise<void>;
  /** Set when the poller ended by itself (doctl ends on its first error). */
  readonly stopped: { at: number; reason: string } | undefined;
}

/** A poller that runs `loop()` until stopped; `signal` aborts when stop() is called. */
export abstract class LoopingPoller {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  protected get signal(): AbortSignal {
    return this.abort.signal;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  protected abstract loop(): Promise<void>;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
