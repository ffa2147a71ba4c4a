// Child-process entry of the soak (run with --expose-gc): the monitor's service (tail engine,
// bounded store, per-function insights) against the emulator the parent runs, for --minutes,
// sampling memory (after a full GC), CPU, deliveries and active handles every --sample-ms.
// No terminal UI: this measures what runs for as long as the monitor is open. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';

export interface SoakSample {
  /** Seconds since the service started. */
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the JS heap that V8 knows of (Buffers and other ArrayBuffers included). */
  external: number;
  /** CPU time (user + system) used since the start, ms. */
  cpuMs: number;
  delivered: number;
  requests: number;
  stored: number;
  evicted: number;
  feed: string;
  /** The engine's dedupe window: the ids it remembers cover this long. */
  windowMs: number;
  /** process.getActiveResourcesInfo(), counted by kind (timers, sockets, …). */
  resources: Record<string, number>;
}

export interface SoakOutcome {
  samples: SoakSample[];
  /** Active resources once the service is closed: what would be left behind. */
  afterClose: Record<string, number>;
}

const { values } = parseArgs({
  options: {
    apihost: { type: 'string' },
    auth: { type: 'string' },
    minutes: { type: 'string' },
    capacity: { type: 'string' },
    'sample-ms': { type: 'string' },
  },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !values.apihost || !values.auth) throw new Error('run with --expose-gc, --apihost and --auth');

const countBy = (kinds: string[]) =>
  kinds.reduce<Record<string, number>>((counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }), {});

const stateDir = mkdtempSync(join(tmpdir(), 'fnmon-soak-'));
const client = new OpenWhiskClient({ apihost: values.apihost, auth: values.auth, retries: 0 });
const service = createMonitorService(client, {
  target: { namespaceLabel: 'soak', apiHost: new URL(values.apihost).host },
  readOnly: true,
  storeCapacity: Number(values.capacity),
  env: { XDG_STATE_HOME: stateDir },
});
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const samples: SoakSample[] = [];

function sample(): void {
  gc!();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const cpu = process.cpuUsage(cpuAtStart);
  const health = service.health();
  samples.push({
    at: Math.round((performance.now() - started) / 1000),
    rss,
    heapUsed,
    heapTotal,
    external,
    cpuMs: (cpu.user + cpu.system) / 1000,
    delivered: health.delivered,
    requests: health.requests,
    stored: service.store.size,
    evicted: service.store.evicted,
    feed: health.state,
    windowMs: health.windowMs,
    resources: countBy(process.getActiveResourcesInfo()),
  });
  process.stderr.write(
    `soak: ${samples.at(-1)!.at}s, ${service.store.size} stored, ${Math.round(rss / 2 ** 20)} MB RSS\n`,
  );
}

const sampler = setInterval(sample, Number(values['sample-ms']));
await new Promise((resolve) => setTimeout(resolve, Number(values.minutes) * 60_000));
clearInterval(sampler);
sample();
await service.close();
await new Promise((resolve) => setImmediate(resolve));
const outcome: SoakOutcome = { samples, afterClose: countBy(process.getActiveResourcesInfo()) };
rmSync(stateDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(outcome)}\n`);
