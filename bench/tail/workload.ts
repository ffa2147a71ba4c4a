// The tail benchmark's traffic, the same for every contestant (a fixed seed makes the emulator
// produce the same activations, durations and outcomes at the same offsets from its start).
import type { EmulatorOptions } from '../../src/emulator/index.js';

export const TAIL_WORKLOAD: EmulatorOptions = {
  seed: 2024,
  rate: 100,
  burst: { count: 600, everyMs: 20_000 },
  longRunningRatio: 0.03,
  faults: '500:0.05,429:0.03,reset:0.01',
};

/** After the measured period, contestants keep running this long to pick up its last records
 *  (more than doctl's 5 s tick plus a failed poll or two). */
export const DRAIN_MS = 12_000;

export function describeWorkload(): string {
  const w = TAIL_WORKLOAD;
  return (
    `emulator seed ${w.seed}: ${w.rate} activations/s (Poisson), bursts of ${w.burst?.count} within 1 s every ` +
    `${(w.burst?.everyMs ?? 0) / 1000} s, ${(w.longRunningRatio ?? 0) * 100}% long-running (5–40 s), ` +
    `GET faults ${w.faults}`
  );
}
