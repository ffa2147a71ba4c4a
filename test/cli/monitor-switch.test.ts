// The monitor service's namespace switching, against two real emulators: the picker's options come
// from the credential sources (plus the demo's own), a switch restarts the stream on a fresh store,
// health listeners carry over, a DO pick is remembered, and a failed switch changes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { recallNamespace } from '../../src/config/choice-memory.js';
import { defaultHistoryFile } from '../../src/config/invoke-history.js';
import { Secret } from '../../src/config/secret.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';
import { namespaceDirectory, type ExtraNamespace } from '../../src/cli/namespace-directory.js';
import type { FeedHealth } from '../../src/core/feed-health.js';
import type { MonitorService } from '../../src/core/monitor.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';

let first: RunningEmulator;
let second: RunningEmulator;
beforeAll(async () => {
  first = await startEmulator({ seed: 1, rate: 20 });
  second = await startEmulator({ seed: 2, rate: 20 });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

function demoOf(emulator: RunningEmulator): ExtraNamespace {
  const place = { apihost: emulator.apihost };
  return {
    option: { key: 'demo', label: 'demo', apiHost: new URL(emulator.apihost).host, source: 'the demo' },
    place,
    open: () => ({
      client: new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth }),
      target: { namespaceLabel: 'demo', apiHost: new URL(emulator.apihost).host },
      place,
    }),
  };
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function serviceWithPicker(env: NodeJS.ProcessEnv, demoEnv?: NodeJS.ProcessEnv): MonitorService {
  const demo = demoOf(first);
  const opened = demo.open();
  return createMonitorService(opened.client, {
    target: opened.target,
    place: opened.place,
    readOnly: false,
    pollMs: 50,
    env,
    ...(demoEnv && { demo: { apihost: first.apihost, env: demoEnv } }),
    namespaces: namespaceDirectory(env, {}, [demo]),
  });
}

describe('switching namespaces', () => {
  it('lists the demo and the configured namespaces, switches to one, and remembers a DO pick', async () => {
    const home = tempHome();
    home.writeConfig(`contexts:\n  do: {token: "${second.doToken}", do-api: "${second.doApi}"}\n`);
    const demoEnv = { ...home.env, XDG_STATE_HOME: join(home.home, 'demo-state') };
    const service = serviceWithPicker(home.env, demoEnv);
    try {
      // Re-invocations on the demo go to the demo's own history, not the person's.
      expect((await service.invoker!.send('sample/hello', { name: 'One' }, { blocking: true })).kind).toBe('result');
      expect(existsSync(defaultHistoryFile(demoEnv))).toBe(true);
      expect(existsSync(defaultHistoryFile(home.env))).toBe(false);
      await waitFor(() => service.store.size > 0, 'the first stream');
      const firstStore = service.store;
      const { options, warnings } = await service.listNamespaces!();
      expect(warnings).toEqual([]);
      expect(options.map(({ label, current }) => ({ label, current }))).toEqual([
        { label: 'demo', current: true },
        { label: 'fnmon-emulator', current: false },
        { label: 'staging', current: false },
      ]);
      expect(JSON.stringify(options)).not.toContain(second.doToken);

      const healths: FeedHealth[] = [];
      service.onHealth((health) => healths.push(health));
      const emulated = options.find((option) => option.label === 'fnmon-emulator')!;
      await service.switchNamespace!(emulated.key);

      expect(service.store).not.toBe(firstStore);
      expect(service.target.namespaceLabel).toBe(`fnmon-emulator · ${second.namespace}`);
      expect(service.target.apiHost).toBe(new URL(second.apihost).host);
      await waitFor(() => service.store.size > 0, 'the second stream');
      const seenByFirst = new Set(first.visibleRecords().map((record) => record.activationId));
      expect(service.store.newestFirst().some((activation) => seenByFirst.has(activation.id))).toBe(false);
      await waitFor(() => healths.some((health) => health.state === 'live'), 'health from the new stream');
      expect(recallNamespace(home.env, new Secret(second.doToken))).toBe(second.namespace);
      expect((await service.listNamespaces!()).options.find((option) => option.current)?.label).toBe('fnmon-emulator');
      // The invoker follows: it invokes on the new namespace, and keeps the person's history.
      const sent = await service.invoker!.send('sample/hello', { name: 'Two' }, { blocking: true });
      expect(sent.kind).toBe('result');
      expect(existsSync(defaultHistoryFile(home.env))).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('keeps the current stream when the switch fails', async () => {
    const home = tempHome();
    home.writeConfig(`contexts:\n  gone: {apihost: "https://gone.example", auth: "g:1"}\n`);
    const service = serviceWithPicker(home.env);
    try {
      const store = service.store;
      await expect(service.switchNamespace!('no such key')).rejects.toThrow('no longer listed');
      expect(service.store).toBe(store);
      expect(service.target.namespaceLabel).toBe('demo');
    } finally {
      await service.close();
    }
  });
});
