// A small in-memory MonitorService over a real ActivationStore: what cli/ hands the TUI, minus the
// network. Full records and logs are served from maps the test fills; fetchFull upgrades the store
// like the real service does. offerNamespaces() adds a namespace picker whose switches bring a fresh
// store and target, as the real service's do.
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import type { FeedHealth } from '../../src/core/feed-health.js';
import { Insights } from '../../src/core/insights.js';
import type { MonitorService, MonitorTarget, NamespaceList, NamespaceOption } from '../../src/core/monitor.js';
import { ActivationStore } from '../../src/core/store.js';

export const LIVE: FeedHealth = {
  state: 'live',
  intervalMs: 2000,
  consecutiveErrors: 0,
  completenessAtRisk: false,
  catchingUp: false,
  windowMs: 960_000,
  requests: 3,
  delivered: 0,
};

export class FakeMonitorService implements MonitorService {
  target: MonitorTarget = { namespaceLabel: 'demo-namespace', apiHost: 'faas-nyc1-2ef2e6cc.doserverless.co' };
  store: ActivationStore;
  /** Fed by addRaw (as the engine's deliveries) and fetchFull, like the real service's. */
  insights = new Insights();
  readonly readOnly = true;
  /** Full raw records by id, served by fetchFull. */
  readonly fullRecords = new Map<string, unknown>();
  /** Logs by id, served by fetchLogs. */
  readonly logs = new Map<string, string[]>();
  functions: string[] = [];
  fetchFullCalls: string[] = [];
  /** While set, fetchFull waits for it: lets a test see the loading state for sure. */
  fetchGate: Promise<void> | undefined;
  private currentHealth: FeedHealth = LIVE;

  constructor(capacity?: number) {
    this.store = new ActivationStore(capacity);
  }
  private readonly healthListeners = new Set<(health: FeedHealth) => void>();

  health(): FeedHealth {
    return this.currentHealth;
  }

  onHealth(listener: (health: FeedHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  setHealth(health: FeedHealth): void {
    this.currentHealth = health;
    for (const listener of this.healthListeners) listener(health);
  }

  /** Normalises raw records and adds them, as the tail engine's deliveries would. */
  addRaw(records: readonly unknown[]): Activation[] {
    const activations = records.map((record) => {
      const activation = normaliseActivation(record);
      if (!activation) throw new Error(`test record did not normalise: ${JSON.stringify(record)}`);
      return activation;
    });
    this.insights.delivered(activations);
    this.store.add(activations);
    return activations;
  }

  async fetchFull(id: string): Promise<Activation> {
    this.fetchFullCalls.push(id);
    await this.fetchGate;
    const raw = this.fullRecords.get(id);
    if (raw === undefined) throw new Error(`activation ${id} was not found`);
    const activation = normaliseActivation(raw);
    if (!activation) throw new Error(`bad record for ${id}`);
    this.store.add([activation]);
    this.insights.fingerprints.add([activation]);
    return activation;
  }

  async fetchLogs(id: string): Promise<string[]> {
    const lines = this.logs.get(id);
    if (!lines) throw new Error(`no logs for ${id}`);
    return lines;
  }

  async listFunctions(): Promise<string[]> {
    return this.functions;
  }

  async close(): Promise<void> {}

  listNamespaces?: () => Promise<NamespaceList>;
  switchNamespace?: (key: string) => Promise<void>;
  /** Keys switchNamespace() was called with. */
  switchCalls: string[] = [];
  /** While set, a switch waits for it. */
  switchGate: Promise<void> | undefined;
  /** Switching to these keys fails with the message. */
  readonly switchFailures = new Map<string, string>();

  /** Offers `options` (the first is current); switching to one starts a fresh store with its records. */
  offerNamespaces(
    options: Omit<NamespaceOption, 'current'>[],
    records: Record<string, unknown[]>,
    warnings: string[] = [],
  ): void {
    let current = options[0]?.key;
    this.listNamespaces = async () => ({
      options: options.map((option) => ({ ...option, current: option.key === current })),
      warnings,
    });
    this.switchNamespace = async (key) => {
      this.switchCalls.push(key);
      await this.switchGate;
      const failure = this.switchFailures.get(key);
      if (failure !== undefined) throw new Error(failure);
      const option = options.find((candidate) => candidate.key === key);
      if (!option) throw new Error(`no namespace ${key}`);
      this.store = new ActivationStore();
      this.insights = new Insights();
      this.addRaw(records[key] ?? []);
      this.target = { namespaceLabel: option.label, apiHost: option.apiHost };
      current = key;
      this.setHealth({ ...LIVE, state: 'starting' });
    };
  }
}
