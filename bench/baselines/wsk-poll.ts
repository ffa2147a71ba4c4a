// The polling rule of `wsk activation poll`, reproduced for comparison (apache/openwhisk-cli
// @23f3cf73, commands/activation.go, activationPollCmd; see ../shared/reference/prior-art.md §1):
// - start: list limit=1&docs=true; cursor = newest.start + 1; on error cursor = now; on an empty
//   namespace the cursor stays 0;
// - each poll: since=<cursor>&docs=true&limit=0&skip=0 (the server max, 200 rows);
// - cursor = max(cursor, row.start + 1) over every row; ids printed once (a map never pruned);
// - sleep 2 s after a successful poll; on an error `continue` without sleeping (a busy loop).
import { LoopingPoller, sleep, type Deliver, type ListClient, type Poller } from '../tail/poller.js';

export const WSK_INTERVAL_MS = 2000;

export interface WskOptions {
  client: ListClient;
  deliver: Deliver;
  intervalMs?: number;
}

export class WskPoll extends LoopingPoller implements Poller {
  readonly stopped = undefined;
  /** Failed polls, each immediately followed by another request. */
  errors = 0;
  private readonly reported = new Set<string>();
  private pollSince = 0;

  constructor(private readonly options: WskOptions) {
    super();
  }

  protected async loop(): Promise<void> {
    const { client } = this.options;
    try {
      const newest = await client.listActivations({ limit: 1, docs: true });
      if (newest[0]) this.pollSince = newest[0].start + 1;
    } catch {
      this.pollSince = Date.now();
    }
    while (!this.signal.aborted) {
      let page: ReadonlyArray<{ activationId: string; start: number }>;
      try {
        page = await client.listActivations({ since: this.pollSince, docs: true, limit: 0, skip: 0 });
      } catch {
        this.errors += 1;
        continue;
      }
      this.print(page);
      await sleep(this.options.intervalMs ?? WSK_INTERVAL_MS, this.signal);
    }
  }

  private print(page: ReadonlyArray<{ activationId: string; start: number }>): void {
    const fresh: string[] = [];
    for (const row of [...page].reverse()) {
      if (!this.reported.has(row.activationId)) {
        this.reported.add(row.activationId);
        fresh.push(row.activationId);
      }
      this.pollSince = Math.max(this.pollSince, row.start + 1);
    }
    if (fresh.length > 0) this.options.deliver(fresh);
  }
}
