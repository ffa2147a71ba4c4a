// Played-back history (the demo's still life, FNMON_DEMO_CLOCK): the seeded traffic of a past range,
// visible at start-up, all of it finished inside the range, the same for the same seed.
import { describe, expect, it } from 'vitest';
import type { WireActivation } from '../../src/api/types.js';
import { emulator, eventually } from './helpers.js';

// Within the emulator's retention: the range ends a minute ago.
const UNTIL = Date.now() - 60_000;
const history = { from: UNTIL - 5 * 60_000, until: UNTIL };

async function playedBack(seed: number, traffic = false): Promise<WireActivation[]> {
  const running = await emulator({ seed, rate: 3, history, traffic });
  await eventually(async () => running.visibleRecords().length > 0 || undefined);
  return running.visibleRecords();
}

describe('history', () => {
  it('serves the seeded traffic of the range at once, every activation started and ended inside it', async () => {
    const records = await playedBack(7);
    // About 3 a second for 5 minutes, less those still running at the end.
    expect(records.length).toBeGreaterThan(700);
    for (const record of records) {
      expect(record.start).toBeGreaterThanOrEqual(history.from);
      expect(record.end).toBeLessThanOrEqual(history.until);
    }
  });

  it('is the same for the same seed and differs between seeds', async () => {
    const ids = (records: WireActivation[]) => records.map((record) => record.activationId);
    const first = await playedBack(7);
    expect(ids(await playedBack(7))).toEqual(ids(first));
    expect(ids(await playedBack(8))).not.toEqual(ids(first));
  });

  it('shares no activation id with live traffic after it', async () => {
    const running = await emulator({ seed: 7, rate: 50, history, traffic: true });
    await eventually(async () => running.visibleRecords().some((record) => record.start > history.until) || undefined);
    const ids = running.visibleRecords().map((record) => record.activationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
