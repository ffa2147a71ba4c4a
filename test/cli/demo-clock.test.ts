// FNMON_DEMO_CLOCK: the demo's still life at a fixed moment (for screenshots that come out the same).
import { afterEach, describe, expect, it } from 'vitest';
import { demoClockInstant, startClockAt, stillLifeEmulator } from '../../src/cli/demo-clock.js';
import { UsageFailure } from '../../src/cli/options.js';

const realNow = Date.now;
afterEach(() => {
  Date.now = realNow;
});

describe('FNMON_DEMO_CLOCK', () => {
  it('is off when unset or empty, and reads an ISO time', () => {
    expect(demoClockInstant({})).toBeUndefined();
    expect(demoClockInstant({ FNMON_DEMO_CLOCK: '' })).toBeUndefined();
    expect(demoClockInstant({ FNMON_DEMO_CLOCK: '2026-05-04T09:30:00Z' })).toBe(Date.UTC(2026, 4, 4, 9, 30));
  });

  it('refuses anything else with one line that says what it expects', () => {
    expect(() => demoClockInstant({ FNMON_DEMO_CLOCK: 'yesterday\x1b[2J' })).toThrow(UsageFailure);
    expect(() => demoClockInstant({ FNMON_DEMO_CLOCK: 'yesterday' })).toThrow(
      'FNMON_DEMO_CLOCK expects an ISO time like 2026-05-04T09:30:00Z (got "yesterday")',
    );
  });

  it('starts the clock at the instant, and time still passes', async () => {
    const instant = Date.UTC(2026, 4, 4, 9, 30);
    startClockAt(instant);
    const first = Date.now();
    expect(Math.abs(first - instant)).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(Date.now()).toBeGreaterThan(first);
  });

  it('makes the emulator play the history up to a minute before the instant, and nothing live', () => {
    const instant = Date.UTC(2026, 4, 4, 9, 30);
    expect(stillLifeEmulator(instant)).toEqual({
      traffic: false,
      history: { from: instant - 14 * 60_000, until: instant - 60_000 },
    });
  });
});
