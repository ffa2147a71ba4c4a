// Upper bounds on requests that follow from the retry policies alone (never from how fast the
// machine is): a client that keeps to them cannot make more, however quick everything runs.
import { PASS_RETRIES } from '../../src/cli/wire-source.js';
import { DEFAULT_PACING, backoffDelay, type PacingOptions } from '../../src/core/backoff.js';

/**
 * The most polls an engine can start while every request fails for `durationMs`: the first, then
 * one after each back-off delay, each at its shortest (the jitter at zero, Retry-After as a floor).
 */
export function maxPollsDuringOutage(
  durationMs: number,
  pacing: Partial<PacingOptions>,
  retryAfterMs?: number,
): number {
  const policy = { ...DEFAULT_PACING, ...pacing };
  let polls = 1;
  let elapsed = 0;
  for (let errors = 1; ; errors++) {
    elapsed += backoffDelay(errors, policy, () => 0, retryAfterMs);
    if (elapsed > durationMs) return polls;
    polls++;
  }
}

/** The most requests while everything fails: each failed poll tries its first read 1 + retries times. */
export function maxRequestsDuringOutage(
  durationMs: number,
  pacing: Partial<PacingOptions>,
  retryAfterMs?: number,
): number {
  return maxPollsDuringOutage(durationMs, pacing, retryAfterMs) * (1 + PASS_RETRIES.retries);
}
