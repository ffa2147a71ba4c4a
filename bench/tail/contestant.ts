// Child-process entry of the tail benchmark: one contestant against an emulator of its own in
// this process (same seed for all, so the same traffic; separate servers, so requests and bytes
// are counted per contestant and one contestant's busy loop cannot slow another's event loop).
// Prints one JSON line: a TailOutcome.
import { parseArgs } from 'node:util';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { startEmulator } from '../../src/emulator/index.js';
import { createPoller, isContestant } from './contestants.js';
import { Scorer } from './outcome.js';
import { sleep } from './poller.js';
import { DRAIN_MS, TAIL_WORKLOADS, isWorkload } from './workload.js';

const { values } = parseArgs({
  options: {
    contestant: { type: 'string' },
    workload: { type: 'string' },
    'duration-ms': { type: 'string' },
  },
});
const name = values.contestant ?? '';
if (!isContestant(name)) throw new Error(`unknown contestant '${name}'`);
const workload = values.workload ?? 'busy';
if (!isWorkload(workload)) throw new Error(`unknown workload '${workload}'`);
const durationMs = Number(values['duration-ms'] ?? 45_000);

const emulator = await startEmulator(TAIL_WORKLOADS[workload]);
const scorer = new Scorer();
emulator.onVisible((record) => scorer.sawVisible(record.activationId, (record.end ?? record.start) - record.start));
const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
const poller = createPoller(name, client, (ids) => scorer.delivered(ids));

const never = new AbortController().signal;
const startedAt = Date.now();
poller.start();
await sleep(durationMs, never);
const cutoff = performance.now();
await sleep(DRAIN_MS, never);
const { requests, bytesSent } = emulator.stats();
const endedAt = poller.stopped?.at ?? Date.now();
await poller.stop();
await client.close();
await emulator.close();

const outcome = scorer.score(name, cutoff, { requests, bytes: bytesSent, activeMs: endedAt - startedAt });
if (poller.stopped) outcome.stopped = { afterMs: poller.stopped.at - startedAt, reason: poller.stopped.reason };
process.stdout.write(`${JSON.stringify(outcome)}\n`);
process.exit(0);
