// Scoring one contestant's run against the emulator's ground truth (every record, with the moment
// it became visible to the list API).
import { summarize, type Summary } from '../lib/stats.js';

export interface Visible {
  /** performance.now() when the record became visible. */
  at: number;
  /** end - start: long runners are the ones a start cursor skips. */
  spanMs: number;
}

export interface TailOutcome {
  contestant: string;
  /** Records that became visible during the measured period: what should be delivered. */
  produced: number;
  /** Of those, delivered at least once (by the end of the drain period). */
  delivered: number;
  missed: number;
  /** Of the missed, how many ran 5 s or longer. */
  missedLongRunning: number;
  /** Deliveries of an id that was already delivered. */
  duplicates: number;
  /** Delivered ids the emulator never produced (must be 0). */
  unknown: number;
  requests: number;
  /** Response body bytes the emulator sent this contestant. */
  bytes: number;
  /** How long the contestant was polling (less than the run when it stopped by itself). */
  activeMs: number;
  /** Visible -> delivered, over the delivered records. */
  latencyMs: Summary;
  stopped?: { afterMs: number; reason: string };
}

export class Scorer {
  readonly visible = new Map<string, Visible>();
  private readonly firstDelivery = new Map<string, number>();
  private duplicates = 0;

  sawVisible(id: string, spanMs: number): void {
    if (!this.visible.has(id)) this.visible.set(id, { at: performance.now(), spanMs });
  }

  delivered(ids: readonly string[]): void {
    const at = performance.now();
    for (const id of ids) {
      if (this.firstDelivery.has(id)) this.duplicates += 1;
      else this.firstDelivery.set(id, at);
    }
  }

  /** Scores what became visible up to `cutoff` (performance.now()). */
  score(
    contestant: string,
    cutoff: number,
    traffic: { requests: number; bytes: number; activeMs: number },
  ): TailOutcome {
    let produced = 0;
    let missedLongRunning = 0;
    const latencies: number[] = [];
    for (const [id, seen] of this.visible) {
      if (seen.at > cutoff) continue;
      produced += 1;
      const deliveredAt = this.firstDelivery.get(id);
      if (deliveredAt === undefined) {
        if (seen.spanMs >= 5000) missedLongRunning += 1;
      } else {
        latencies.push(Math.max(0, deliveredAt - seen.at));
      }
    }
    let unknown = 0;
    for (const id of this.firstDelivery.keys()) if (!this.visible.has(id)) unknown += 1;
    return {
      contestant,
      produced,
      delivered: latencies.length,
      missed: produced - latencies.length,
      missedLongRunning,
      duplicates: this.duplicates,
      unknown,
      ...traffic,
      latencyMs: summarize(latencies),
    };
  }
}
