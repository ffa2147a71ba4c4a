// Builds the MonitorService the TUI runs on: a tail engine (summaries only; full records are
// fetched when a person selects one) feeding a bounded store, plus the few reads the UI needs.
import type { OpenWhiskClient } from '../api/openwhisk.js';
import { normaliseActivation, type Activation } from '../core/activation.js';
import type { MonitorService, MonitorTarget } from '../core/monitor.js';
import { ActivationStore } from '../core/store.js';
import { TailEngine } from '../core/tail.js';
import { defaultHistoryFile } from '../config/invoke-history.js';
import { listAllActions } from './connect.js';
import { InvokeService } from './invoke-service.js';
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
  /** --project: where project.yml is; the current directory when absent. */
  projectDir?: string;
}

export function createMonitorService(client: OpenWhiskClient, options: MonitorServiceOptions): MonitorService {
  const store = new ActivationStore(options.storeCapacity);
  const engine = new TailEngine({
    source: wireSource(client),
    docs: false,
    historySince: Date.now() - OPENING_HISTORY_MS,
    ...(options.pollMs !== undefined && { pacing: { minIntervalMs: options.pollMs } }),
  });
  engine.onBatch((batch) => store.add(batch.map((delivery) => delivery.activation)));
  engine.start();

  return {
    target: options.target,
    store,
    readOnly: options.readOnly,
    ...(!options.readOnly && { invoker: createInvoker(client, store, options) }),
    health: () => engine.health,
    onHealth: (listener) => engine.onHealth(listener),
    fetchFull: async (id) => {
      const known = store.get(id);
      if (known?.full) return known;
      const full = toActivation(await client.getActivation(id), id);
      store.add([full]);
      return full;
    },
    fetchLogs: async (id) => (await client.getLogs(id)).logs,
    listFunctions: () => listFunctionPaths(client),
    close: async () => {
      await engine.stop();
      await client.close();
    },
  };
}

function createInvoker(client: OpenWhiskClient, store: ActivationStore, options: MonitorServiceOptions): InvokeService {
  return new InvokeService({
    client,
    store,
    historyFile: defaultHistoryFile(options.env ?? process.env),
    project: { path: options.projectDir ?? process.cwd(), explicit: options.projectDir !== undefined },
  });
}

function toActivation(record: unknown, id: string): Activation {
  const activation = normaliseActivation(record);
  if (!activation) throw new Error(`activation ${id}: the record has no activation id`);
  return activation;
}

/** Every function as `pkg/fn`: packaged actions list their namespace as `<ns>/<pkg>`. */
async function listFunctionPaths(client: OpenWhiskClient): Promise<string[]> {
  const paths = (await listAllActions(client)).map((action) => {
    const packageName = action.namespace.split('/')[1];
    return packageName ? `${packageName}/${action.name}` : action.name;
  });
  return paths.sort();
}
