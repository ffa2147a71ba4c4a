// The monitor's header tells the truth about the feed, in a real pty against the emulator: it rides
// out a mix of faults, shows backing off with a countdown and the reason during an outage, live
// again after it with nothing lost, and a rejected key as an error in plain words, asked again
// only at the slowest pace.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACING } from '../../src/core/backoff.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { startPty, type PtySession } from '../e2e/pty.js';
import { maxRequestsDuringOutage } from './backoff-bound.js';

const POLL_MS = 250;
const OUTAGE_MS = 6000;
/** Requests a poll already under way may still make when the outage starts. */
const IN_FLIGHT = 5;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function monitorOn(emulator: RunningEmulator, auth = emulator.auth): Promise<PtySession> {
  const session = startPty(['--poll', `${POLL_MS}ms`], {
    cols: 140,
    rows: 30,
    env: { ...tempHome().env, FNMON_APIHOST: emulator.apihost, FNMON_AUTH: auth },
  });
  cleanups.push(() => session.kill('SIGKILL'));
  return session;
}

const header = (screen: string) => screen.split('\n')[0] ?? '';
const shownTotal = (screen: string) => Number(/\d+\/(\d+) shown/.exec(header(screen))?.[1] ?? NaN);

describe('the monitor under faults', () => {
  it(
    'shows backing off with a countdown during an outage, then live, having lost nothing',
    { timeout: 90_000 },
    async () => {
      const emulator = await startEmulator({ seed: 4, rate: 10, maxDurationMs: 1000 });
      cleanups.push(() => emulator.close());
      const visible: Array<{ id: string; at: number }> = [];
      emulator.onVisible((record) => visible.push({ id: record.activationId, at: Date.now() }));
      const session = await monitorOn(emulator);
      await session.waitFor((screen) => header(screen).includes('● live') && shownTotal(screen) > 0, 'the feed live');

      // Every kind of fault at once for a while: the monitor keeps running and comes back live.
      emulator.setFaults('500:0.2,429:0.2,reset:0.1,garbage:0.1');
      await new Promise((resolve) => setTimeout(resolve, 4000));
      emulator.setFaults('');
      await session.waitFor((screen) => header(screen).includes('● live'), 'live after the mixed faults');

      const before = emulator.stats().requests;
      emulator.setFaults('503:1');
      const outageStart = Date.now();
      const backingOff = await session.waitFor(
        (screen) => /◐ backing off — retry in \d+s \(.*failed to answer the request.*\(503\)/.test(header(screen)),
        'backing off with a countdown and the reason',
      );
      expect(header(backingOff)).not.toContain('● live');
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - outageStart)));
      const duringOutage = emulator.stats().requests - before;
      emulator.setFaults('');
      expect(duringOutage).toBeLessThanOrEqual(
        maxRequestsDuringOutage(OUTAGE_MS, { minIntervalMs: POLL_MS }) + IN_FLIGHT,
      );

      const cutoff = Date.now();
      const endedBefore = visible.filter((entry) => entry.at <= cutoff).length;
      const recovered = await session.waitFor(
        (screen) => header(screen).includes('● live') && shownTotal(screen) >= endedBefore,
        'live again with everything that ended during the outage',
        30_000,
      );
      expect(shownTotal(recovered)).toBeLessThanOrEqual(visible.length);
      expect(visible.filter((entry) => entry.at >= outageStart && entry.at <= cutoff).length).toBeGreaterThan(20);
    },
  );

  it('says in plain words that the key was rejected, and does not retry in a storm', { timeout: 60_000 }, async () => {
    const emulator = await startEmulator({ seed: 6, traffic: false });
    cleanups.push(() => emulator.close());
    const wrongKey = `${emulator.auth.split(':')[0]}:not-the-key`;
    const session = await monitorOn(emulator, wrongKey);
    const screen = await session.waitFor((text) => header(text).includes('✗ error'), 'the error in the header');
    expect(header(screen)).toMatch(
      /✗ error: authentication failed for http:\/\/127\.0\.0\.1:\d+: check the namespace key/,
    );
    expect(screen).not.toContain('not-the-key');
    // A rejected key is asked again only after the longest back-off: one poll, plus the lookup of
    // the functions' time limits at start, whatever happens in the seconds that follow.
    const afterError = emulator.stats().requests;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(emulator.stats().requests - afterError).toBe(0);
    expect(afterError).toBeLessThanOrEqual(2 + Math.ceil(3000 / DEFAULT_PACING.maxBackoffMs));
  });
});
