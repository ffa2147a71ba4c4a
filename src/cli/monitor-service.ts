// Builds the MonitorService the TUI runs on: a tail engine (summaries only; full records are
// fetched when a person selects one) feeding a bounded store, plus the few reads the UI needs.
// The namespace can change while the monitor runs: each namespace is a Session (client, engine,
// store, invoker), and a switch swaps the whole session; health listeners carry over.
// Insights (stats, error fingerprints) are fed from the engine's batches, each id once; failures
// arriving as summaries get their full records fetched in the background (failure-details.ts) so
// their error messages can be fingerprinted.
import type { OpenWhiskClient } from '../api/openwhisk.js';
import { normaliseActivation, type Activation } from '../core/activation.js';
import { FailureDetails } from '../core/failure-details.js';
import type { FeedHealth } from '../core/feed-health.js';
import type { ForwardedLogs } from '../core/forwarded.js';
import { Insights } from '../core/insights.js';
import type { MonitorService, MonitorTarget, NamespaceList } from '../core/monitor.js';
import { ActivationStore } from '../core/store.js';
import { TailEngine } from '../core/tail.js';
import { defaultHistoryFile } from '../config/invoke-history.js';
import { listAllActions } from './connect.js';
import { namespaceOf, wireForwardedLogs, type ForwardedWiring, type ForwardingInputs } from './forwarded-wiring.js';
import { InvokeService } from './invoke-service.js';
import type { NamespaceDirectory, OpenedNamespace, Place } from './namespace-directory.js';
import { wireSource } from './wire-source.js';

/** How much history the monitor shows when it opens. */
const OPENING_HISTORY_MS = 15 * 60 * 1000;

export interface MonitorServiceOptions {
  target: MonitorTarget;
  readOnly: boolean;
  pollMs?: number;
  storeCapacity?: number;
  /** Locates the invoke history (XDG state dir); process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** The demo's emulator: re-invocations there are kept apart from the person's history. */
  demo?: { apihost: string; env: NodeJS.ProcessEnv };
  /** --project: where project.yml is; the current directory when absent. */
  projectDir?: string;
  /** The namespaces to offer in the picker; without it the monitor stays on its first namespace. */
  namespaces?: NamespaceDirectory;
  /** Where the first client points, so the picker can mark it as current. */
  place?: Place;
  /** Read credentials and project.yml destinations for forwarded logs (loadForwardingInputs). */
  forwarding?: ForwardingInputs;
}

interface Session {
  client: OpenWhiskClient;
  target: MonitorTarget;
  place: Place;
  store: ActivationStore;
  insights: Insights;
  failureDetails: FailureDetails;
  engine: TailEngine;
  invoker?: InvokeService;
  stopForwarding: () => void;
  logs?: ForwardedWiring;
}

export function createMonitorService(client: OpenWhiskClient, options: MonitorServiceOptions): MonitorService {
  const place = options.place ?? { apihost: client.apihost };
  return new SwitchableMonitorService({ client, target: options.target, place }, options);
}

class SwitchableMonitorService implements MonitorService {
  readonly readOnly: boolean;
  readonly listNamespaces?: () => Promise<NamespaceList>;
  readonly switchNamespace?: (key: string) => Promise<void>;
  private session: Session;
  private readonly healthListeners = new Set<(health: FeedHealth) => void>();
  private switching = false;
  private closed = false;

  constructor(
    first: OpenedNamespace,
    private readonly options: MonitorServiceOptions,
  ) {
    this.readOnly = options.readOnly;
    this.session = this.start(first);
    const directory = options.namespaces;
    if (directory) {
      this.listNamespaces = () => directory.list(this.session.place);
      this.switchNamespace = (key) => this.switchTo(directory, key);
    }
  }

  get target(): MonitorTarget {
    return this.session.target;
  }

  get store(): ActivationStore {
    return this.session.store;
  }

  get insights(): Insights {
    return this.session.insights;
  }

  get invoker(): InvokeService | undefined {
    return this.session.invoker;
  }

  get forwarded(): ForwardedLogs | undefined {
    return this.session.logs?.forwarded;
  }

  health(): FeedHealth {
    return this.session.engine.health;
  }

  onHealth(listener: (health: FeedHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  async fetchFull(id: string): Promise<Activation> {
    const { store, client, insights } = this.session;
    const known = store.get(id);
    if (known?.full) return known;
    const full = toActivation(await client.getActivation(id), id);
    store.add([full]);
    // Stats counted it on delivery; only the fingerprints can use what the full record adds.
    insights.fingerprints.add([full]);
    return full;
  }

  async fetchLogs(id: string): Promise<string[]> {
    return (await this.session.client.getLogs(id)).logs;
  }

  listFunctions(): Promise<string[]> {
    return listFunctionPaths(this.session.client);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop(this.session);
  }

  private async switchTo(directory: NamespaceDirectory, key: string): Promise<void> {
    if (this.switching) throw new Error('a namespace switch is already under way');
    this.switching = true;
    try {
      // Connect first: if that fails, the current stream keeps running.
      const opened = await directory.open(key);
      if (this.closed) return void (await opened.client.close());
      const previous = this.session;
      await this.stop(previous);
      this.session = this.start(opened);
      this.publishHealth();
    } finally {
      this.switching = false;
    }
  }

  private start({ client, target, place }: OpenedNamespace): Session {
    const { options } = this;
    const store = new ActivationStore(options.storeCapacity);
    const insights = new Insights();
    const failureDetails = fetchFailureDetails(client, store, insights);
    const engine = new TailEngine({
      source: wireSource(client),
      docs: false,
      historySince: Date.now() - OPENING_HISTORY_MS,
      ...(options.pollMs !== undefined && { pacing: { minIntervalMs: options.pollMs } }),
    });
    const logs =
      options.forwarding &&
      wireForwardedLogs(options.forwarding, {
        since: Date.now() - OPENING_HISTORY_MS,
        namespace: () => (place.namespace ? Promise.resolve(place.namespace) : namespaceOf(client)),
      });
    engine.onBatch((batch) => {
      const activations = batch.map((delivery) => delivery.activation);
      // Insights from the batch, not from store changes: the store later replaces a summary with
      // its full record under the same id, which stats would count twice.
      insights.delivered(activations);
      store.add(activations);
      failureDetails.add(activations);
      logs?.forwarded.noteActivations(batch.map((delivery) => delivery.activation.id));
    });
    const stopForwarding = engine.onHealth(() => this.publishHealth());
    engine.start();
    const invoker = options.readOnly ? undefined : createInvoker(client, store, options, place);
    return {
      client,
      target,
      place,
      store,
      insights,
      failureDetails,
      engine,
      stopForwarding,
      ...(invoker && { invoker }),
      ...(logs && { logs }),
    };
  }

  private async stop(session: Session): Promise<void> {
    session.stopForwarding();
    session.failureDetails.stop();
    await session.engine.stop();
    await session.logs?.close();
    await session.client.close();
  }

  private publishHealth(): void {
    const health = this.health();
    for (const listener of this.healthListeners) listener(health);
  }
}

function createInvoker(
  client: OpenWhiskClient,
  store: ActivationStore,
  options: MonitorServiceOptions,
  place: Place,
): InvokeService {
  const env = options.demo && place.apihost === options.demo.apihost ? options.demo.env : options.env;
  return new InvokeService({
    client,
    store,
    historyFile: defaultHistoryFile(env ?? process.env),
    project: { path: options.projectDir ?? process.cwd(), explicit: options.projectDir !== undefined },
  });
}

/** Full records of failures that arrived as summaries: their messages feed the fingerprints. */
function fetchFailureDetails(client: OpenWhiskClient, store: ActivationStore, insights: Insights): FailureDetails {
  return new FailureDetails({
    fetch: async (id) => toActivation(await client.getActivation(id), id),
    fetched: (full) => {
      insights.fingerprints.add([full]);
      // Only upgrades what the store still holds: an evicted failure is not brought back.
      if (store.get(full.id)) store.add([full]);
    },
    known: (id) => store.get(id)?.full === true,
  });
}

function toActivation(record: unknown, id: string): Activation {
  const activation = normaliseActivation(record);
  if (!activation) throw new Error(`activation ${id}: the record has no activation id`);
  // A record fetched by id is all there is, whatever it lacks: full, so it is not asked for again.
  return { ...activation, full: true };
}

/** Every function as `pkg/fn`: packaged actions list their namespace as `<ns>/<pkg>`. */
async function listFunctionPaths(client: OpenWhiskClient): Promise<string[]> {
  const paths = (await listAllActions(client)).map((action) => {
    const packageName = action.namespace.split('/')[1];
    return packageName ? `${packageName}/${action.name}` : action.name;
  });
  return paths.sort();
}
