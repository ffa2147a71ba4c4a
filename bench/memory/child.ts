// Child-process entry of the memory benchmark (run with --expose-gc): reads JSON pages of records
// (written by pages.ts) and ingests them the way the tail engine hands them over (each page
// parsed, normalised, added to an ActivationStore sized to hold them all), then reports RSS and
// heap before and after, each after a full GC. Prints one JSON line: a MemoryOutcome.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import { ActivationStore } from '../../src/core/store.js';

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface MemoryOutcome {
  retained: number;
  before: MemorySnapshot;
  after: MemorySnapshot;
  ingestMs: number;
}

const { values } = parseArgs({ options: { pages: { type: 'string' }, capacity: { type: 'string' } } });
if (!values.pages) throw new Error('--pages FILE is required');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function snapshot(): MemorySnapshot {
  gc!();
  gc!();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

const before = snapshot();
const started = performance.now();
const store = new ActivationStore(Number(values.capacity ?? 1_000_000));
const lines = createInterface({ input: createReadStream(values.pages), crlfDelay: Infinity });
for await (const line of lines) {
  const page = JSON.parse(line) as unknown[];
  store.add(page.map(normaliseActivation).filter((activation): activation is Activation => activation !== undefined));
}
const ingestMs = performance.now() - started;
const after = snapshot();

const outcome: MemoryOutcome = { retained: store.size, before, after, ingestMs };
process.stdout.write(`${JSON.stringify(outcome)}\n`);
