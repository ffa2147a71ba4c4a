// The tail benchmark's traffic, the same for every contestant (a fixed seed makes the emulator
// produce the same activations, durations and outcomes at the same offsets from its start).
// "busy" is the workload the budgets name; "quiet" shows what each rule costs when little happens.
import type { EmulatorOptions } from '../../src/emulator/index.js';

const FAULTS = '500:0.05,429:0.03,reset:0.01';

export const TAIL_WORKLOADS = {
  busy: { seed: 2024, rate: 100, burst: { count: 600, everyMs: 20_000 }, longRunningRatio: 0.03, faults: FAULTS },
  quiet: { seed: 2024, rate: 5, longRunningRatio: 0.03, faults: FAULTS },
} satisfies Record<string, EmulatorOptions>;

export type WorkloadName = keyof typeof TAIL_WORKLOADS;

export function isWorkload(name: string): name is WorkloadName {
  return Object.hasOwn(TAIL_WORKLOADS, name);
}

/** After the measured period, contestants keep running this long to pick up its last records
 *  (more than doctl's 5 s tick plus a failed poll or two). */
export const DRAIN_MS = 12_000;

export function describeWorkload(name: WorkloadName): string {
  const w: EmulatorOptions = TAIL_WORKLOADS[name];
  const burst = w.burst ? `, bursts of ${w.burst.count} within 1 s every ${w.burst.everyMs / 1000} s` : '';
  return (
    `emulator seed ${w.seed}: ${w.rate} activations/s (Poisson)${burst}, ` +
    `${(w.longRunningRatio ?? 0) * 100}% long-running (5–40 s), GET faults ${w.faults}`
  );
}
