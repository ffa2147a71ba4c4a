// The render benchmark's subject: the real monitor (runMonitor, with its alternate screen,
// incremental rendering and 30 fps cap) on a fake 120x40 terminal, over an in-memory service whose
// store holds 100,000 realistic activations, and helpers to time the frame a key or a batch causes.
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import { runMonitor } from '../../src/tui/index.js';
import { FakeMonitorService } from '../../test/tui/fake-service.js';
// Ink keeps its instance per stdout here; the last full frame it drew is the floor's screen string.
import inkInstances from '../../node_modules/ink/build/instances.js';
import { summarize } from '../../src/emulator/activations-api.js';
import { fullRecords } from '../lib/records.js';
import { FakeStdin } from '../../test/tui/fake-stdin.js';
import { BenchStdout } from './terminal.js';

export const COLUMNS = 120;
export const ROWS = 40;
const SPACING_MS = 20;
/** Full records kept for the newest rows, so selecting them fetches like the real service. */
const FULL_KEPT = 400;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function normalise(record: unknown): Activation {
  const activation = normaliseActivation(record);
  if (!activation) throw new Error('a generated record did not normalise');
  return activation;
}

export class RenderSession {
  readonly service: FakeMonitorService;
  readonly stdout = new BenchStdout(COLUMNS, ROWS);
  private readonly stdin = new FakeStdin();
  private readonly closing = new AbortController();
  private readonly batches: Activation[][] = [];
  private running: Promise<void> | undefined;

  /** `count` activations in the store, and `batchCount` batches of `batchSize` newer ones held back. */
  constructor(count: number, batchCount: number, batchSize: number) {
    this.service = new FakeMonitorService(count * 2);
    const reserved = batchCount * batchSize;
    const options = { seed: 11, newest: Date.now() - 5000, spacingMs: SPACING_MS };
    let index = 0;
    let page: Activation[] = [];
    const held: Activation[] = [];
    for (const record of fullRecords(reserved + count, options)) {
      if (index < reserved + FULL_KEPT) this.service.fullRecords.set(record.activationId, record);
      const summary = normalise(summarize(record as unknown as Record<string, unknown>));
      if (index < reserved) held.push(summary);
      else page.push(summary);
      if (page.length === 200) {
        this.service.store.add(page);
        page = [];
      }
      index += 1;
    }
    this.service.store.add(page);
    // held is newest first; each batch must be newer than the one before it.
    for (let b = batchCount - 1; b >= 0; b--) this.batches.push(held.slice(b * batchSize, (b + 1) * batchSize));
  }

  /** Mounts the monitor and waits for its first frame. */
  async open(): Promise<number> {
    const started = performance.now();
    const first = this.stdout.nextFrame(30_000);
    this.running = runMonitor(this.service, {
      stdin: this.stdin as unknown as NodeJS.ReadStream,
      stdout: this.stdout as unknown as NodeJS.WriteStream,
      signal: this.closing.signal,
    });
    const at = await first;
    if (at === undefined) throw new Error('the monitor drew no first frame');
    await sleep(1500);
    return at - started;
  }

  press(key: string): void {
    this.stdin.type(key);
  }

  /** Adds the next held-back batch to the store, as the tail engine would. */
  addBatch(): void {
    const batch = this.batches.shift();
    if (!batch) throw new Error('no batches left');
    this.service.store.add(batch);
  }

  /** ms from `trigger` to the end of the frame it causes; undefined when no frame came. */
  async frame(trigger: () => void, quietMs = 80): Promise<number | undefined> {
    // Start from a quiet terminal: Ink caps frames at 30 fps, so a frame right after another one
    // would be held back by the cap, which is not what is being measured.
    while (performance.now() - this.stdout.lastWriteAt < quietMs) await sleep(10);
    const done = this.stdout.nextFrame();
    const started = performance.now();
    trigger();
    const at = await done;
    return at === undefined ? undefined : at - started;
  }

  /** Lets follow-up frames (detail fetches, the store's 10 Hz notify) pass. */
  async settle(ms = 250): Promise<void> {
    await sleep(ms);
  }

  /** The last whole frame Ink drew (the screen string), for the floor. */
  screen(): string | undefined {
    const instance = inkInstances.get(this.stdout as unknown as NodeJS.WriteStream) as unknown as
      { lastOutput?: string } | undefined;
    return instance?.lastOutput;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.running;
    this.stdout.close();
  }
}
