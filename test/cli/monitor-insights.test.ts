// The monitor service's insights against the emulator: stats count each delivered activation once
// (also after the store swaps summaries for full records), and failures that arrive as summaries get
// their full records fetched in the background, so their messages are fingerprinted.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';
import { isFailure } from '../../src/core/activation.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 3, rate: 20, maxDurationMs: 500, longRunningRatio: 0 });
});
afterAll(async () => {
  await emulator.close();
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 100) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('the monitor service insights', () => {
  it('counts deliveries once and fingerprints failures from their fetched full records', async () => {
    const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
    const service = createMonitorService(client, {
      target: { namespaceLabel: 'emulator', apiHost: new URL(emulator.apihost).host },
      readOnly: true,
      pollMs: 200,
    });
    const { insights, store } = service;
    await waitFor(() => insights.fingerprints.list().length > 0, 'a fingerprint');

    // The stream holds summaries; the fingerprinted failures were fetched in full and upgraded in the store.
    const fingerprint = insights.fingerprints.list()[0]!;
    const example = store.get(fingerprint.newestId);
    expect(example?.full).toBe(true);
    expect(example?.error).toBe(fingerprint.example);
    // A full record fetched for the detail pane replaces its summary in the store, and is not counted again.
    const summary = store.newestFirst().find((activation) => !activation.full && !isFailure(activation));
    expect(summary).toBeDefined();
    await service.fetchFull(summary!.id);
    await service.close();

    const counted = insights.stats.window(3_600_000).rows.reduce((sum, row) => sum + row.invocations, 0);
    expect(store.get(summary!.id)?.full).toBe(true);
    expect(counted).toBe(store.size);
  });
});
