// Poll pacing: adaptive while healthy, exponential with jitter while failing.

export interface PacingOptions {
  /** Fastest interval, used while activations keep arriving (--poll). */
  minIntervalMs: number;
  /** Slowest interval, reached after a run of empty polls. */
  maxIntervalMs: number;
  /** Ceiling for error back-off. */
  maxBackoffMs: number;
}

export const DEFAULT_PACING: PacingOptions = { minIntervalMs: 1000, maxIntervalMs: 5000, maxBackoffMs: 60_000 };

/** Next interval after a successful poll: back to the fastest when something arrived, else slow down by half. */
export function nextInterval(current: number, foundSomething: boolean, pacing: PacingOptions): number {
  if (foundSomething) return pacing.minIntervalMs;
  return Math.min(pacing.maxIntervalMs, Math.max(pacing.minIntervalMs, Math.round(current * 1.5)));
}

/**
 * Delay before retrying after `consecutiveErrors` failures in a row. "Equal jitter": half the
 * exponential step is fixed so retries never bunch up near zero, the other half is random so
 * many clients do not retry in lockstep. A server's Retry-After is a floor.
 */
export function backoffDelay(
  consecutiveErrors: number,
  pacing: PacingOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const step = Math.min(pacing.maxBackoffMs, pacing.minIntervalMs * 2 ** Math.max(0, consecutiveErrors - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}
