// The monitor service with forwarded logs wired, against the emulator: the TUI's ForwardedLogs is
// there, joins lines to the activations in the store, and stops with the service.
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { emulatorLogSourceEnv, loadForwardingInputs } from '../../src/cli/forwarded-wiring.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 3, rate: 15, maxDurationMs: 500, longRunningRatio: 0 });
});
afterAll(async () => {
  await emulator.close();
});

describe('the monitor service with forwarded logs', () => {
  it('offers ForwardedLogs that joins forwarded lines to the activations in its store', async () => {
    const inputs = await loadForwardingInputs(
      emulatorLogSourceEnv(emulator.logSources),
      undefined,
      {},
      { path: join(tmpdir(), 'no-such-project'), explicit: false },
    );
    inputs.settings.papertrail!.intervalMs = 300;
    const client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
    const service = createMonitorService(client, {
      target: { namespaceLabel: 'emulator', apiHost: new URL(emulator.apihost).host },
      readOnly: true,
      pollMs: 200,
      forwarding: inputs,
    });
    const forwarded = service.forwarded!;
    const webhookWithLines = () =>
      service.store
        .newestFirst()
        .find((activation) => activation.fn === 'api/webhook' && forwarded.linesFor(activation.id).length > 0);
    for (let waited = 0; !webhookWithLines() && waited < 10_000; waited += 100) await sleep(100);

    const activation = webhookWithLines();
    expect(activation).toBeDefined();
    expect(forwarded.linesFor(activation!.id)[0]).toMatchObject({
      source: 'papertrail',
      message: expect.stringMatching(/^received /),
    });
    expect(forwarded.sourcesHealth().map((health) => health.source)).toEqual(['papertrail', 'datadog', 'betterstack']);
    await service.close();
    expect(forwarded.sourcesHealth().every((health) => health.state === 'stopped')).toBe(true);
  });
});
