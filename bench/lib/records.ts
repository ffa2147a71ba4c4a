// Realistic activation records without a server: the emulator's own seeded traffic (functions,
// outcomes, cold starts, log lines) built into wire records, with start times laid out as asked.
// Used where a benchmark needs many records at once (render, memory) rather than live traffic.
import type { WireActivation } from '../../src/api/types.js';
import { summarize } from '../../src/emulator/activations-api.js';
import { RecordBuilder } from '../../src/emulator/record-builder.js';
import { TrafficGenerator } from '../../src/emulator/traffic.js';
import { createIdentity } from '../../src/emulator/world.js';

export interface RecordOptions {
  seed: number;
  /** Start time of the first record (epoch ms); later ones go back in time by spacingMs. */
  newest: number;
  spacingMs: number;
  /** Share of long-running activations, as in the emulator's traffic (default 0.03). */
  longRunningRatio?: number;
}

/** Full records (docs=true shape), newest start first, generated lazily. */
export function* fullRecords(count: number, options: RecordOptions): Generator<WireActivation> {
  const identity = createIdentity(options.seed);
  const builder = new RecordBuilder(identity);
  const traffic = new TrafficGenerator({
    seed: options.seed,
    rate: 1,
    longRunningRatio: options.longRunningRatio ?? 0.03,
  });
  for (let i = 0; i < count; i++) {
    yield builder.build(traffic.plan(), options.newest - i * options.spacingMs);
  }
}

/** The docs=false summaries of the same records (what the monitor's stream holds). */
export function* summaryRecords(count: number, options: RecordOptions): Generator<Record<string, unknown>> {
  for (const record of fullRecords(count, options)) yield summarize(record as unknown as Record<string, unknown>);
}

/** Total bytes of the log lines of a record, as UTF-8. */
export function logBytes(record: WireActivation): number {
  let bytes = 0;
  for (const line of record.logs) bytes += Buffer.byteLength(line);
  return bytes;
}

const EXTRA_MESSAGES = [
  'GET /api/v1/items?page=2 200 18ms',
  'cache miss for key orders:2025-06:eu-west, loading from the database',
  'processed batch 14/40 (250 rows) in 31ms',
  'retrying upstream call after 429 (attempt 2 of 3)',
  'user 48213 resolved from session token; plan=pro region=fra1',
];

/**
 * The record with log lines added (plausible ones, with timestamps inside its run) until its
 * logs hold at least `targetBytes`. Records that already have more are returned as they are.
 */
export function withLogBytes(record: WireActivation, targetBytes: number): WireActivation {
  const logs = [...record.logs];
  let bytes = logBytes(record);
  for (let i = 0; bytes < targetBytes; i++) {
    const at = new Date(record.start + Math.min(i, (record.duration ?? 1) - 1)).toISOString();
    const line = `${at.slice(0, -1)}000000Z stdout: ${EXTRA_MESSAGES[i % EXTRA_MESSAGES.length]}`;
    logs.push(line);
    bytes += Buffer.byteLength(line);
  }
  return { ...record, logs };
}
