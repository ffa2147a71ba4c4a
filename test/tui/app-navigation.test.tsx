// The whole monitor over a real store, driven by keys: moving, panes, live data, overlays.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { COMMANDS } from '../../src/tui/keymap.js';
import { resolveKeymap } from '../../src/tui/keymap-overrides.js';
import { open, selectedRow, serviceWith } from './app-helpers.js';
import { fullRecord, hexId, summaryRecord } from './data.js';
import { KEYS, frame, press, renderAt, until } from './render-helpers.js';

afterEach(cleanup);

describe('moving and opening', () => {
  it('moves the selection with j/k and arrows, and opens the detail with Enter', async () => {
    const app = await open(serviceWith());
    expect(selectedRow(app)).toContain(hexId(1).slice(0, 8));
    await press(app, 'j', KEYS.down, 'k');
    expect(selectedRow(app)).toContain(hexId(2).slice(0, 8));
    await press(app, 't');
    expect(selectedRow(app)).toMatch(/^› \d\d:\d\d:\d\d /);
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('▸ Detail · billing/refund');
    expect(frame(app)).toMatch(/id {9}00000002000000020000000200000002/);
    expect(frame(app)).toContain('"activationId": "00000002000000020000000200000002"');
  });

  it('pages, jumps to the ends, and cycles panes with Tab', async () => {
    const app = await open(serviceWith(200));
    await press(app, 'G');
    expect(selectedRow(app)).toContain('c7bb1339'); // the oldest: the 2017 openwhisk-docs-1 fixture
    await press(app, 'g');
    expect(selectedRow(app)).toContain(hexId(1).slice(0, 8));
    await press(app, KEYS.ctrlD);
    expect(selectedRow(app)).not.toContain(hexId(1).slice(0, 8));
    await press(app, KEYS.tab);
    expect(frame(app)).toContain('▸ Detail');
    await press(app, KEYS.tab);
    expect(frame(app)).toContain('▸ Logs');
    await press(app, KEYS.shiftTab, KEYS.shiftTab);
    expect(frame(app)).toContain('▸ Activations');
  });

  it('shows the logs of the selection with l, and goes back with Esc or q', async () => {
    const app = await open(serviceWith());
    await press(app, 'l');
    expect(frame(app)).toContain('▸ Logs · billing/charge');
    expect(frame(app)).toMatch(/\d\d:\d\d:\d\d\.\d{3} out handled 00000001/);
    await press(app, 'T');
    expect(frame(app)).toMatch(/\nout handled 00000001/);
    await press(app, KEYS.esc);
    expect(frame(app)).toContain('▸ Activations');
    await press(app, 'l', 'q');
    expect(frame(app)).toContain('▸ Activations');
  });
  it('shows the component activations of a sequence in its logs', async () => {
    const service = serviceWith();
    const [parent, first, second] = [hexId(900), hexId(901), hexId(902)];
    const start = Date.now() + 100;
    service.addRaw([
      fullRecord({ id: first, fn: 'flow/validate', start: start - 50, cause: parent }),
      fullRecord({ id: parent, fn: 'flow/pipeline', start, kind: 'sequence', logs: [first, second] }),
    ]);
    const app = await open(service);
    await press(app, 'l');
    expect(frame(app)).toContain('sequence: 2 component activations');
    expect(frame(app)).toMatch(new RegExp(`1\\. ${first}  flow/validate  ✓ success`));
    expect(frame(app)).toContain(`2. ${second}  (${second.slice(0, 8)} is not in view)`);
    await press(app, KEYS.shiftTab);
    expect(frame(app)).toContain('yes: its logs list the component activations');
  });
});

describe('live updates', () => {
  it('follows the newest by default; moving stops following and keeps the selection on its activation', async () => {
    const service = serviceWith();
    const app = await open(service);
    service.addRaw([fullRecord({ id: hexId(500), fn: 'sample/hello', start: Date.now() })]);
    await until(app, () => selectedRow(app).includes(hexId(500).slice(0, 8)));
    expect(selectedRow(app)).toContain(hexId(500).slice(0, 8));

    await press(app, 'j');
    expect(frame(app)).toContain('follow off');
    const selected = selectedRow(app).slice(-8);
    service.addRaw([fullRecord({ id: hexId(501), fn: 'sample/hello', start: Date.now() + 1 })]);
    await until(app, (shown) => shown.includes(hexId(501).slice(0, 8)));
    expect(selectedRow(app).slice(-8)).toBe(selected);
    expect(frame(app)).toContain(hexId(501).slice(0, 8));

    await press(app, 'f');
    expect(selectedRow(app)).toContain(hexId(501).slice(0, 8));
  });

  it('pauses: the list freezes, new arrivals are counted, Space resumes', async () => {
    const service = serviceWith();
    const app = await open(service);
    await press(app, ' ');
    service.addRaw([0, 1, 2].map((i) => fullRecord({ id: hexId(600 + i), fn: 'auth/login', start: Date.now() + i })));
    await until(app, (shown) => shown.includes('3 new'));
    expect(frame(app)).toContain('⏸ paused (3 new');
    expect(frame(app)).not.toContain(hexId(600).slice(0, 8));
    await press(app, ' ');
    expect(frame(app)).toContain('● live');
    expect(selectedRow(app)).toContain(hexId(602).slice(0, 8));
  });

  it('fetches the full record of a summary once, with a loading line, and shows its logs', async () => {
    const service = serviceWith();
    const spec = {
      id: hexId(700),
      fn: 'billing/charge',
      start: Date.now() + 10,
      status: 'application error' as const,
      error: 'card declined',
    };
    service.fullRecords.set(
      spec.id,
      fullRecord({ ...spec, logs: ['2024-01-01T00:00:00.1Z stderr: declined by processor'] }),
    );
    service.addRaw([summaryRecord(spec)]);
    let release = () => {};
    service.fetchGate = new Promise((resolve) => (release = resolve));
    const app = await renderAt(<App service={service} commands={COMMANDS} />, 200, 60);
    expect(frame(app)).toContain('fetching the full record…');
    release();
    await until(app, (shown) => shown.includes('── record ──'));
    expect(frame(app)).toContain('── record ──');
    expect(frame(app)).toContain('err declined by processor');
    expect(service.fetchFullCalls).toEqual([spec.id]);
  });

  it('says when the full record and the logs cannot be fetched', async () => {
    const service = serviceWith();
    service.addRaw([summaryRecord({ id: hexId(701), fn: 'billing/charge', start: Date.now() + 10 })]);
    const app = await open(service, [200, 60]);
    await press(app, 'l', 'w');
    await until(app, (shown) => shown.includes('could not fetch the logs'));
    expect(frame(app)).toContain('could not fetch the full record: activation');
    expect(frame(app)).toContain(`could not fetch the logs: no logs for ${hexId(701)}`);
  });

  it('shows the feed going into backoff', async () => {
    const service = serviceWith();
    const app = await open(service);
    service.setHealth({
      ...service.health(),
      state: 'backing-off',
      nextPollAt: Date.now() + 8000,
      lastError: { message: 'HTTP 503', at: Date.now() },
    });
    await until(app, (shown) => shown.includes('backing off'));
    expect(frame(app)).toMatch(/◐ backing off — retry in \d+s \(HTTP 503\)/);
  });
});

describe('overlays and messages', () => {
  it('opens help with ? and closes it with Esc', async () => {
    const app = await open(serviceWith());
    await press(app, '?');
    expect(frame(app)).toContain('Help — keys');
    expect(frame(app)).toContain('pause / resume the view');
    await press(app, 'j', KEYS.esc);
    expect(frame(app)).not.toContain('Help — keys');
    expect(frame(app)).toContain('▸ Activations');
  });

  it('refuses to re-invoke when read-only (no invoker)', async () => {
    const app = await open(serviceWith());
    await press(app, 'r');
    expect(frame(app)).toContain('read-only: invocation is disabled');
    expect(frame(app)).toContain('▸ Activations');
  });

  it('shows problems with the key remapping, and uses the new keys', async () => {
    const { commands, warnings } = resolveKeymap({ 'move-down': ['n'], nope: ['x'] });
    const app = await open(serviceWith(), [120, 40], { commands, warnings });
    expect(frame(app)).toContain("keys: unknown command 'nope'");
    await press(app, 'n');
    expect(selectedRow(app)).toContain(hexId(2).slice(0, 8));
    await press(app, 'j');
    expect(selectedRow(app)).toContain(hexId(2).slice(0, 8));
  });
});
