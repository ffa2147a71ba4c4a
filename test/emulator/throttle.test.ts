import { describe, expect, it } from 'vitest';
import { InvokeThrottle } from '../../src/emulator/throttle.js';

describe('InvokeThrottle', () => {
  it('counts a minute from the first invoke, not from the wall clock minute', () => {
    const throttle = new InvokeThrottle({ perMinute: 1, concurrent: 10 });
    // 100 ms before a wall-clock minute, then 100 ms after it: still the same minute of invokes.
    expect(throttle.admit(59_900)).toBeUndefined();
    expect(throttle.admit(60_100)).toMatch(/^Too many requests in the last minute \(count: 2, allowed: 1\)/);
    expect(throttle.admit(119_900)).toBeUndefined();
  });

  it('refuses more invokes in flight than allowed, until one is released', () => {
    const throttle = new InvokeThrottle({ perMinute: 100, concurrent: 1 });
    expect(throttle.admit(0)).toBeUndefined();
    expect(throttle.admit(1)).toMatch(/^Too many concurrent requests in flight/);
    throttle.release();
    expect(throttle.admit(2)).toBeUndefined();
  });
});
