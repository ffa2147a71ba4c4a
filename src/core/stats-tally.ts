// The running totals of one function over some span of time (a 10 s bucket, or a whole window).
// Tallies add and subtract, so a window is slid by merging buckets in and out of it.
import { isFailure, nearTimeout, type Activation } from './activation.js';
import { LogHistogram } from './quantile-sketch.js';

export class FunctionTally {
  invocations = 0;
  failures = 0;
  timeouts = 0;
  coldStarts = 0;
  /** Ran longer than 80% of their time limit (see nearTimeout). */
  nearLimit = 0;
  gbSeconds = 0;
  readonly durations = new LogHistogram();
  readonly waits = new LogHistogram();
  readonly inits = new LogHistogram();

  record(activation: Activation): void {
    this.invocations += 1;
    if (isFailure(activation)) this.failures += 1;
    if (activation.status === 'timeout') this.timeouts += 1;
    if (activation.cold) this.coldStarts += 1;
    if (nearTimeout(activation)) this.nearLimit += 1;
    this.gbSeconds += gbSecondsOf(activation) ?? 0;
    if (activation.duration !== undefined) this.durations.add(activation.duration);
    if (activation.waitTime !== undefined) this.waits.add(activation.waitTime);
    if (activation.initTime !== undefined) this.inits.add(activation.initTime);
  }

  merge(other: FunctionTally, sign: 1 | -1): void {
    this.invocations += sign * other.invocations;
    this.failures += sign * other.failures;
    this.timeouts += sign * other.timeouts;
    this.coldStarts += sign * other.coldStarts;
    this.nearLimit += sign * other.nearLimit;
    this.gbSeconds += sign * other.gbSeconds;
    this.durations.merge(other.durations, sign);
    this.waits.merge(other.waits, sign);
    this.inits.merge(other.inits, sign);
  }
}

/**
 * What the activation costs in GB-seconds. DigitalOcean's `gbs` annotation is what it bills, so it
 * wins when present; otherwise duration × memory limit (s × MB/1024). Undefined when neither is known.
 */
export function gbSecondsOf(activation: Activation): number | undefined {
  if (activation.gbs !== undefined && activation.gbs >= 0) return activation.gbs;
  const { duration, memory } = activation;
  if (duration === undefined || memory === undefined || memory <= 0) return undefined;
  return (duration / 1000) * (memory / 1024);
}
