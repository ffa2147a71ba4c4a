import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Activation } from '../../src/core/activation.js';
import { FailureDetails } from '../../src/core/failure-details.js';
import { act, failure } from './insight-activations.js';

const T0 = 1_700_000_000_000;

/** A fetcher whose requests the test answers by hand. */
function rig(options: { known?: (id: string) => boolean; backlog?: number } = {}) {
  const pending = new Map<string, (full: Activation) => void>();
  const started: string[] = [];
  const fetched: Activation[] = [];
  const details = new FailureDetails({
    fetch: (id) => {
      started.push(id);
      return new Promise((resolve) => pending.set(id, resolve));
    },
    fetched: (full) => fetched.push(full),
    known: options.known ?? (() => false),
    ...(options.backlog !== undefined && { backlog: options.backlog }),
  });
  const answer = async (id: string) => {
    pending.get(id)!({ ...failure('user 1 not found', { id }), full: true });
    pending.delete(id);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { details, started, fetched, answer };
}

const summary = (n: number) => failure('', { id: `f${n}`, start: T0 + n, full: false, error: undefined });

beforeEach(() => vi.useFakeTimers({ now: T0 }));
afterEach(() => vi.useRealTimers());

describe('FailureDetails', () => {
  it('fetches failure summaries only, newest first, two at a time and at most five starts a second', async () => {
    const { details, started, fetched, answer } = rig();
    details.add([summary(1), act({ id: 'ok', full: false }), summary(2), summary(3), { ...summary(4), full: true }]);
    expect(started).toEqual(['f3']);
    vi.advanceTimersByTime(200);
    expect(started).toEqual(['f3', 'f2']);
    vi.advanceTimersByTime(1000);
    expect(started).toEqual(['f3', 'f2']); // two in flight: the third waits for a slot
    await answer('f3');
    expect(started).toEqual(['f3', 'f2', 'f1']);
    expect(fetched.map((full) => full.id)).toEqual(['f3']);
    expect(details.pending).toBe(0);
  });

  it('skips what is known by the time its turn comes, and each id once', async () => {
    const known = new Set(['f2']);
    const { details, started } = rig({ known: (id) => known.has(id) });
    details.add([summary(1), summary(2), summary(3)]);
    details.add([summary(1)]);
    vi.advanceTimersByTime(1000);
    expect(started).toEqual(['f3', 'f1']);
  });

  it('keeps a bounded backlog, dropping the oldest failures', async () => {
    const { details, started, answer } = rig({ backlog: 3 });
    details.add([1, 2, 3, 4, 5, 6].map(summary));
    vi.advanceTimersByTime(10_000);
    expect(started).toEqual(['f6', 'f5']);
    expect(details.pending).toBe(1);
    await answer('f6');
    await answer('f5');
    vi.advanceTimersByTime(10_000);
    expect(started).toEqual(['f6', 'f5', 'f4']);
    expect(details.pending).toBe(0);
  });

  it('drops the backlog and ignores late answers once stopped', async () => {
    const { details, started, fetched, answer } = rig();
    details.add([summary(1), summary(2), summary(3)]);
    details.stop();
    await answer('f3');
    vi.advanceTimersByTime(10_000);
    details.add([summary(4)]);
    expect(started).toEqual(['f3']);
    expect(fetched).toEqual([]);
  });
});
