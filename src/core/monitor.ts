// The service the interactive monitor runs on. cli/ builds it (engine + store + API client);
// the TUI only sees this interface, so it never touches the network layer directly.
import type { Activation } from './activation.js';
import type { FeedHealth } from './feed-health.js';
import type { Invoker } from './invoke.js';
import type { ActivationStore } from './store.js';

export interface MonitorTarget {
  /** The namespace's label when known, else its name. */
  namespaceLabel: string;
  /** Host only: never a credential, never a path. */
  apiHost: string;
}

export interface MonitorService {
  readonly target: MonitorTarget;
  readonly store: ActivationStore;
  readonly readOnly: boolean;
  /** Invokes functions (the re-invoke dialog); undefined when read-only. */
  readonly invoker?: Invoker;
  health(): FeedHealth;
  onHealth(listener: (health: FeedHealth) => void): () => void;
  /** The full record (response, logs); fetched when the store only holds a summary, then cached in the store. */
  fetchFull(id: string): Promise<Activation>;
  /** The logs of an activation (GET …/logs). */
  fetchLogs(id: string): Promise<string[]>;
  /** Every function of the namespace as `pkg/fn`. */
  listFunctions(): Promise<string[]>;
  /** Stops polling and releases connections. */
  close(): Promise<void>;
}
