// What the insight views read (stats and error fingerprints), fed from the tail engine's deliveries
// in the same place the store is. Not from store changes: the store replaces a summary with its full
// record under the same id, which would count twice. A full record fetched later (to learn a
// failure's message) goes to `fingerprints.add` alone; the stats have counted it already.
import type { Activation } from './activation.js';
import { FingerprintIndex } from './fingerprint.js';
import { StatsCollector, type StatsCollectorOptions } from './stats.js';

export class Insights {
  readonly stats: StatsCollector;
  readonly fingerprints = new FingerprintIndex();

  constructor(options: StatsCollectorOptions = {}) {
    this.stats = new StatsCollector(options);
  }

  /** Activations as the tail engine delivers them: each id once. */
  delivered(activations: readonly Activation[]): void {
    this.stats.add(activations);
    this.fingerprints.add(activations);
  }
}
