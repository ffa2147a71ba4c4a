// The polling rule of `doctl serverless activations logs --follow`, reproduced for comparison
// (digitalocean/doctl @168188d3, commands/activations.go, pollActivations; see
// ../shared/reference/prior-art.md §2):
// - a time.Ticker of 5 s; the first request fires after the first tick;
// - until anything has been returned: limit=1&since=<cursor>&docs=true (cursor starts at 0);
//   afterwards limit=0 (the server max, 200);
// - cursor = the OLDEST row of the newest-first page + 100 ms; unchanged when a poll is empty;
// - each page is printed oldest first, deduped by a map of printed ids that is never pruned;
// - the first list error ends the command (no retry, no back-off).
// `keepGoing` is not doctl: it skips a failed tick instead of stopping, to measure the rule's
// steady cost and loss under the same faults.
import { LoopingPoller, errorMessage, sleep, type Deliver, type ListClient, type Poller } from '../tail/poller.js';

export const DOCTL_TICK_MS = 5000;
const CURSOR_STEP_MS = 100;

export interface DoctlOptions {
  client: ListClient;
  deliver: Deliver;
  keepGoing?: boolean;
  tickMs?: number;
}

export class DoctlFollow extends LoopingPoller implements Poller {
  stopped: { at: number; reason: string } | undefined;
  private readonly printed = new Map<string, number>();
  private lastActivationTimestamp = 0;
  private requestLimit = 1;

  constructor(private readonly options: DoctlOptions) {
    super();
  }

  protected async loop(): Promise<void> {
    const tickMs = this.options.tickMs ?? DOCTL_TICK_MS;
    const base = Date.now();
    let tick = 1;
    while (!this.signal.aborted) {
      await sleep(base + tick * tickMs - Date.now(), this.signal);
      if (this.signal.aborted) return;
      try {
        this.print(
          await this.options.client.listActivations({
            limit: this.requestLimit,
            since: this.lastActivationTimestamp,
            docs: true,
          }),
        );
      } catch (error) {
        if (!this.options.keepGoing) {
          this.stopped = { at: Date.now(), reason: errorMessage(error) };
          return;
        }
      }
      // Go's ticker buffers one tick: ticks that passed during a slow request collapse into one.
      tick = Math.max(tick + 1, Math.floor((Date.now() - base) / tickMs));
    }
  }

  private print(page: ReadonlyArray<{ activationId: string; start: number }>): void {
    if (page.length === 0) return;
    const fresh: string[] = [];
    for (const row of [...page].reverse()) {
      if (this.printed.has(row.activationId)) continue;
      this.printed.set(row.activationId, row.start);
      fresh.push(row.activationId);
    }
    if (fresh.length > 0) this.options.deliver(fresh);
    this.lastActivationTimestamp = page.at(-1)!.start + CURSOR_STEP_MS;
    this.requestLimit = 0;
  }
}
