// Retry policy for reads: exponential backoff with full jitter, honouring Retry-After.
// Only reads go through here — an invoke is never retried (see openwhisk.ts).

import { setTimeout as sleepMs } from 'node:timers/promises';
import { isApiError, type ApiErrorKind } from './errors.js';

export interface RetryPolicy {
  /** Extra attempts after the first; 0 disables retrying. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking for a longer pause than this is not retried: the caller decides. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRIES = 2;

export function retryPolicy(retries: number = DEFAULT_RETRIES): RetryPolicy {
  return { retries: Math.max(0, Math.floor(retries)), baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
}

const TRANSIENT_KINDS: readonly ApiErrorKind[] = ['network', 'timeout', 'server', 'rate-limited'];

export function isTransient(error: unknown): boolean {
  return isApiError(error) && TRANSIENT_KINDS.includes(error.kind);
}

/**
 * How long to wait before retry number `attempt` (0-based) after `error`, or undefined when the
 * error must be surfaced instead. Full jitter (a uniform draw below the exponential cap) keeps
 * many clients from retrying in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  error: unknown,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.retries || !isTransient(error)) return undefined;
  const jittered = Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
  const retryAfterMs = isApiError(error) ? error.retryAfterMs : undefined;
  if (retryAfterMs === undefined) return jittered;
  if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
  return Math.max(retryAfterMs, jittered);
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<unknown>;
  random: () => number;
}

const realDeps: RetryDeps = { sleep: sleepMs, random: Math.random };

/** Runs `operation`, retrying transient failures per `policy`; the last error is rethrown as is. */
export async function withRetries<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  deps: RetryDeps = realDeps,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const delay = retryDelayMs(attempt, error, policy, deps.random);
      if (delay === undefined) throw error;
      await deps.sleep(delay);
    }
  }
}
