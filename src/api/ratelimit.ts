// The DO API's rate-limit headers (reference §6): ratelimit-limit, ratelimit-remaining, and
// ratelimit-reset (Unix epoch seconds). Pure functions; the client keeps the last value seen.

export interface RateLimit {
  limit: number;
  remaining: number;
  /** Epoch ms at which the window resets. */
  resetAtMs: number;
}

type Headers = Record<string, string | string[] | undefined>;

function numericHeader(headers: Headers, name: string): number | undefined {
  const raw = headers[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The rate limit a response announces, or undefined unless all three headers are present and numeric. */
export function readRateLimit(headers: Headers): RateLimit | undefined {
  const limit = numericHeader(headers, 'ratelimit-limit');
  const remaining = numericHeader(headers, 'ratelimit-remaining');
  const reset = numericHeader(headers, 'ratelimit-reset');
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, resetAtMs: reset * 1000 };
}

/** How long to hold off before the next request: 0 unless the budget is spent and the reset is ahead. */
export function rateLimitWaitMs(rateLimit: RateLimit | undefined, nowMs: number): number {
  if (!rateLimit || rateLimit.remaining > 0) return 0;
  return Math.max(0, rateLimit.resetAtMs - nowMs);
}
