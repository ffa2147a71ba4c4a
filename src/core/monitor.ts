// The service the interactive monitor runs on. cli/ builds it (engine + store + API client);
// the TUI only sees this interface, so it never touches the network layer directly.
import type { Activation } from './activation.js';
import type { FeedHealth } from './feed-health.js';
import type { ForwardedLogs } from './forwarded.js';
import type { Insights } from './insights.js';
import type { Invoker } from './invoke.js';
import type { ActivationStore } from './store.js';

export interface MonitorTarget {
  /** The namespace's label when known, else its name. */
  namespaceLabel: string;
  /** Host only: never a credential, never a path. */
  apiHost: string;
}

/** A namespace the monitor could switch to, as plain data (no credential in it). */
export interface NamespaceOption {
  /** Identifies the option for switchNamespace(); unique within one list. */
  key: string;
  /** What to show first: the DO label, else the namespace, else the host. */
  label: string;
  namespace?: string;
  /** DO region (e.g. nyc1), for namespaces listed by the DO API. */
  region?: string;
  /** Host only. */
  apiHost: string;
  /** Where the credential comes from, e.g. "doctl serverless credentials (/path)". */
  source: string;
  /** The namespace the stream is on now. */
  current: boolean;
}

export interface NamespaceList {
  options: NamespaceOption[];
  /** Sources that could not be listed (e.g. the DO API refused a token), one line each. */
  warnings: string[];
}

export interface MonitorService {
  /** The namespace streamed now; changes when switchNamespace() succeeds. */
  readonly target: MonitorTarget;
  /** The current namespace's activations; a switch brings a fresh store (subscribe again). */
  readonly store: ActivationStore;
  /**
   * Per-function stats and error fingerprints of the current namespace, fed with each delivered
   * activation once (and with the full records of failures, for their messages). Replaced by a switch.
   */
  readonly insights: Insights;
  readonly readOnly: boolean;
  /** Invokes functions (the re-invoke dialog); undefined when read-only. Replaced by a switch. */
  readonly invoker?: Invoker;
  /**
   * Logs read back from the LOG_DESTINATIONS services, joined to this store's activations; orphan
   * entries, per-source health and "what to configure" hints. Replaced by a switch (subscribe
   * again); undefined when the service has no forwarded-log wiring at all.
   */
  readonly forwarded?: ForwardedLogs;
  health(): FeedHealth;
  /** Health of whichever namespace is current: listeners carry over a switch. */
  onHealth(listener: (health: FeedHealth) => void): () => void;
  /** The full record (response, logs); fetched when the store only holds a summary, then cached in the store. */
  fetchFull(id: string): Promise<Activation>;
  /** The logs of an activation (GET …/logs). */
  fetchLogs(id: string): Promise<string[]>;
  /** Every function of the namespace as `pkg/fn`. */
  listFunctions(): Promise<string[]>;
  /** Every namespace the credentials on this machine reach; absent when the service cannot switch. */
  listNamespaces?(): Promise<NamespaceList>;
  /**
   * Restarts the stream on the namespace of `key` (from the last listNamespaces()): connects first,
   * and only then stops the old stream, so a failure (rejected) leaves the current one running.
   */
  switchNamespace?(key: string): Promise<void>;
  /** Stops polling and releases connections. */
  close(): Promise<void>;
}
