import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorKind } from '../../src/api/errors.js';
import { isTransient, retryDelayMs, retryPolicy, withRetries } from '../../src/api/retry.js';

const error = (kind: ApiErrorKind, retryAfterMs?: number) =>
  new ApiError(kind, kind, retryAfterMs === undefined ? {} : { retryAfterMs });
const policy = retryPolicy(3);

describe('retry policy', () => {
  it('defaults to 2 retries; 0 disables; nonsense is clamped', () => {
    expect(retryPolicy().retries).toBe(2);
    expect(retryPolicy(0).retries).toBe(0);
    expect(retryPolicy(-4).retries).toBe(0);
  });

  it('retries only transient failures', () => {
    const transient = ['network', 'timeout', 'server', 'rate-limited'] as const;
    const final = ['auth', 'not-found', 'bad-response', 'usage', 'outcome-unknown'] as const;
    for (const kind of transient) expect(isTransient(error(kind))).toBe(true);
    for (const kind of final) expect(isTransient(error(kind))).toBe(false);
    expect(isTransient(new Error('plain'))).toBe(false);
  });

  it('draws full jitter below an exponential cap', () => {
    const top = () => 0.999999;
    expect(retryDelayMs(0, error('server'), policy, top)).toBe(policy.baseDelayMs - 1);
    expect(retryDelayMs(1, error('server'), policy, top)).toBe(policy.baseDelayMs * 2 - 1);
    expect(retryDelayMs(2, error('server'), policy, () => 0)).toBe(0);
    const wide = { ...retryPolicy(20), maxDelayMs: 1000 };
    expect(retryDelayMs(15, error('network'), wide, top)).toBe(999);
  });

  it('stops after the configured number of retries', () => {
    expect(retryDelayMs(3, error('server'), policy)).toBeUndefined();
    expect(retryDelayMs(0, error('server'), retryPolicy(0))).toBeUndefined();
  });

  it('waits at least Retry-After, and gives up when the server asks for too long', () => {
    expect(retryDelayMs(0, error('rate-limited', 1000), policy, () => 0)).toBe(1000);
    expect(retryDelayMs(0, error('rate-limited', policy.maxRetryAfterMs + 1), policy)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const noSleep = { sleep: async () => undefined, random: () => 0.5 };

  it('recovers from a transient failure', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw error('server');
        return 'ok';
      },
      retryPolicy(2),
      noSleep,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('rethrows the last error once retries are spent, and never retries a final error', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw error('timeout');
    };
    await expect(withRetries(failing, retryPolicy(2), noSleep)).rejects.toMatchObject({ kind: 'timeout' });
    expect(calls).toBe(3);

    calls = 0;
    const unauthorised = async () => {
      calls++;
      throw error('auth');
    };
    await expect(withRetries(unauthorised, retryPolicy(2), noSleep)).rejects.toMatchObject({ kind: 'auth' });
    expect(calls).toBe(1);
  });

  it('sleeps the computed delays', async () => {
    const slept: number[] = [];
    const deps = { sleep: async (ms: number) => void slept.push(ms), random: () => 0 };
    await expect(
      withRetries(async () => Promise.reject(error('rate-limited', 700)), retryPolicy(2), deps),
    ).rejects.toThrow();
    expect(slept).toEqual([700, 700]);
  });
});
