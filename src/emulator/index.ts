// The emulator's public face: startEmulator() wires the world, traffic, store and HTTP server.
// A wire-compatible stand-in for DigitalOcean Functions (OpenWhisk API + DO API v2) with seeded traffic.
//
// Map: world.ts (identity, packages, functions) -> functions.ts (what each function does with its
// params) -> plan.ts (platform effects: cold starts, timeouts, ...) -> traffic.ts (seeded arrivals)
// -> engine.ts (real-time runs, visibility at end) -> record-store.ts (sorted, bounded) ->
// server.ts + routes.ts / activations-api.ts / actions-api.ts / invoke.ts / do-api.ts (HTTP).
import { BLOCKING_WAIT_MS, LIST_LIMIT_MAX, RETENTION_MS, type WireActivation } from '../api/types.js';
import { createDoNamespaces, type DoApiContext } from './do-api.js';
import { Engine } from './engine.js';
import { FaultInjector } from './faults.js';
import {
  LogSinks,
  type DeliveredLine,
  type LogSinkLimits,
  type LogSourceName,
  type LogSources,
} from './logsinks/index.js';
import { Random } from './random.js';
import { RecordFile } from './record-file.js';
import { RecordStore } from './record-store.js';
import { Scheduler } from './scheduler.js';
import { EmulatorServer } from './server.js';
import { DoRateLimiter, InvokeThrottle } from './throttle.js';
import { backfillTraffic, startBursts, startPoissonTraffic, type TrafficOptions } from './traffic.js';
import { startWebTraffic, WebInvoker } from './web.js';
import { createIdentity } from './world.js';

export { parseFaults, type FaultRule } from './faults.js';
export { parseDurationMs } from './duration.js';
export { parseRecords } from './load-file.js';
export { generateTraffic, type Arrival, type TrafficOptions } from './traffic.js';
export type { ActivationPlan } from './plan.js';
export type { DeliveredLine, LogSinkLimits, LogSourceName, LogSources } from './logsinks/index.js';

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** Same seed => same workload: functions, durations, outcomes, logs, ids, credentials. */
  seed?: number;
  /** Mean generated activations per second (Poisson arrivals). */
  rate?: number;
  /** `count` activations started within one second, at start-up and then every `everyMs`. */
  burst?: { count: number; everyMs: number };
  /** Cap on simulated durations (timeouts included), so tests run fast. */
  maxDurationMs?: number;
  /** Share of generated activations that run 5-40 s (capped by maxDurationMs). */
  longRunningRatio?: number;
  /** false = no generated traffic (and no bursts). */
  traffic?: boolean;
  /** Records served as already finished, exactly as given (never expired or dropped). */
  load?: unknown[];
  /** Appends every record as a JSON line when it becomes visible to the list API. */
  recordFile?: string;
  /** Faults for GET requests, e.g. "500:0.05,429:0.05,reset:0.02,slow:0.01,garbage:0.01". */
  faults?: string;
  /** How long a `slow` fault delays its reply. */
  slowMs?: number;
  /** DO demotes blocking invokes to 202 after this long. */
  blockingWaitMs?: number;
  /** Upstream STORE_ALWAYS: completed blocking invokes get records too. */
  storeAlways?: boolean;
  listLimitMax?: number;
  /** Bound on retained generated records (oldest dropped first). */
  maxRecords?: number;
  /** Invoke throttles (defaults: DO's 600 per minute, 120 concurrent). */
  invokeLimits?: { perMinute?: number; concurrent?: number };
  /** Request budgets of the emulated log destinations' read APIs. */
  logSourceLimits?: LogSinkLimits;
  /** Generated web invocations (no record; lines only at the destination) per second; default rate / 20. */
  webRate?: number;
  /**
   * Epoch ms: also play the seeded traffic as if it had run from `from`, keeping the activations
   * that ended by `until` (visible at start-up). The demo's still life (FNMON_DEMO_CLOCK) uses it.
   */
  history?: { from: number; until: number };
}

export interface RunningEmulator {
  apihost: string;
  auth: string;
  namespace: string;
  doApi: string;
  doToken: string;
  /** Read access to the emulated log destinations (base URLs and read credentials). */
  logSources: LogSources;
  /** Status faults for one log destination ("429:1", "503:1", "401:1"; "" clears). Throws on a bad spec. */
  setLogSourceFaults(name: LogSourceName, spec: string): void;
  /** Changes the GET faults; "" clears them; "503:1" is a total outage. Throws on a bad spec. */
  setFaults(spec: string): void;
  /** Ground truth: called as each forwarded line reaches its destination. */
  onForwarded(listener: (line: DeliveredLine) => void): () => void;
  /** Ground truth: called as each generated or invoked record becomes visible. */
  onVisible(listener: (record: WireActivation) => void): () => void;
  /** Every retained visible record (generated and invoked; loaded ones excluded), oldest start first. */
  visibleRecords(): WireActivation[];
  /** Every HTTP request received (faulted ones too) and the response body bytes sent. */
  stats(): { requests: number; bytesSent: number };
  close(): Promise<void>;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function validate(options: EmulatorOptions): void {
  const positive = (value: number | undefined): boolean => value === undefined || (Number.isFinite(value) && value > 0);
  check(
    options.port === undefined || (Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535),
    'port must be an integer from 0 to 65535',
  );
  check(options.seed === undefined || Number.isSafeInteger(options.seed), 'seed must be an integer');
  check(positive(options.rate), 'rate must be a positive number');
  check(positive(options.webRate), 'webRate must be a positive number');
  check(
    options.burst === undefined ||
      (Number.isInteger(options.burst.count) && options.burst.count > 0 && positive(options.burst.everyMs)),
    'burst needs a positive count and interval',
  );
  check(positive(options.maxDurationMs) && positive(options.blockingWaitMs), 'durations must be positive');
  check(options.slowMs === undefined || options.slowMs >= 0, 'slowMs must not be negative');
  check(
    options.longRunningRatio === undefined || (options.longRunningRatio >= 0 && options.longRunningRatio <= 1),
    'longRunningRatio must be from 0 to 1',
  );
  check(
    options.listLimitMax === undefined || (Number.isInteger(options.listLimitMax) && options.listLimitMax > 0),
    'listLimitMax must be a positive integer',
  );
  check(
    options.maxRecords === undefined || (Number.isInteger(options.maxRecords) && options.maxRecords > 0),
    'maxRecords must be a positive integer',
  );
}

function loadRecords(store: RecordStore, records: unknown[]): void {
  records.forEach((record, index) => {
    check(
      record !== null && typeof record === 'object' && !Array.isArray(record),
      `load: record ${index + 1} is not a JSON object`,
    );
    store.addLoaded(record as Record<string, unknown>);
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  validate(options);
  const seed = options.seed ?? 1;
  const host = options.host ?? '127.0.0.1';
  const now = Date.now;
  const identity = createIdentity(seed);
  const faults = new FaultInjector(seed, options.faults ?? '');
  const store = new RecordStore({ maxRecords: options.maxRecords ?? 200_000, retentionMs: RETENTION_MS, now });
  loadRecords(store, options.load ?? []);
  const recordFile = options.recordFile === undefined ? undefined : new RecordFile(options.recordFile);
  const scheduler = new Scheduler(now);
  const logSinks = new LogSinks({
    seed,
    namespace: identity.namespace,
    scheduler,
    now,
    limits: options.logSourceLimits ?? {},
  });
  const engine = new Engine(identity, store, scheduler, recordFile, logSinks.forwarder);
  const web = new WebInvoker({
    namespace: identity.namespace,
    engine,
    scheduler,
    random: new Random(seed, 'web'),
    now,
    maxDurationMs: options.maxDurationMs,
  });
  const throttle = new InvokeThrottle({
    perMinute: options.invokeLimits?.perMinute ?? 600,
    concurrent: options.invokeLimits?.concurrent ?? 120,
  });
  const doApi: DoApiContext = { identity, namespaces: [], limiter: new DoRateLimiter(), now };
  const server = new EmulatorServer({
    openWhisk: {
      identity,
      activations: { store, listLimitMax: options.listLimitMax ?? LIST_LIMIT_MAX },
      invoke: {
        engine,
        throttle,
        scheduler,
        random: new Random(seed, 'invoke'),
        now,
        blockingWaitMs: options.blockingWaitMs ?? BLOCKING_WAIT_MS,
        storeAlways: options.storeAlways ?? false,
        maxDurationMs: options.maxDurationMs,
      },
    },
    doApi,
    faults,
    slowMs: options.slowMs ?? 35_000,
    scheduler,
    txids: new Random(seed, 'txid'),
    logSinks,
    web,
  });

  let port: number;
  try {
    port = await server.listen(host, options.port ?? 0);
  } catch (error) {
    scheduler.close();
    recordFile?.close();
    throw error;
  }
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  doApi.namespaces.push(...createDoNamespaces(seed, identity, base));

  const traffic: TrafficOptions = {
    seed,
    rate: options.rate ?? 2,
    maxDurationMs: options.maxDurationMs,
    longRunningRatio: options.longRunningRatio ?? 0.03,
  };
  if (options.history) backfillTraffic(traffic, engine, options.history);
  if (options.traffic !== false) {
    startPoissonTraffic(traffic, engine, scheduler, now);
    if (options.burst) startBursts(traffic, options.burst, engine, scheduler, now);
    startWebTraffic(web, scheduler, options.webRate ?? traffic.rate / 20, seed);
  }

  let closing: Promise<void> | undefined;
  return {
    apihost: base,
    auth: `${identity.uuid}:${identity.key}`,
    namespace: identity.namespace,
    doApi: base,
    doToken: identity.doToken,
    logSources: logSinks.sources(base),
    setLogSourceFaults: (name, spec) => logSinks.setFaults(name, spec),
    setFaults: (spec) => faults.set(spec),
    onVisible: (listener) => engine.onVisible(listener),
    onForwarded: (listener) => logSinks.onDelivered(listener),
    visibleRecords: () => store.liveRecords(),
    stats: () => ({ requests: server.requests, bytesSent: server.bytesSent }),
    close: () => {
      closing ??= (async () => {
        scheduler.close();
        await server.close();
        recordFile?.close();
      })();
      return closing;
    },
  };
}
