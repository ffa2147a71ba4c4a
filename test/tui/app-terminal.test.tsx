// The whole monitor over a real store: what reaches the terminal, at every size.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFits, open, selectedRow, serviceWith } from './app-helpers.js';
import { FakeMonitorService } from './fake-service.js';
import { fullRecord, generatedRecords, hexId } from './data.js';
import { KEYS, frame, frameLines, press, setSize, tick, until } from './render-helpers.js';

afterEach(cleanup);

describe('terminal safety and size', () => {
  it('never lets escape sequences from function text reach the terminal', async () => {
    const service = serviceWith();
    service.addRaw([
      fullRecord({
        id: hexId(800),
        fn: 'evil/\x1b]0;owned\x07name\x1b[31m',
        start: Date.now() + 10,
        status: 'application error',
        error: 'bad \x1b[2J\u009b31m thing',
        logs: [
          '2024-01-01T00:00:00.1Z stderr: \x1b[2Jcleared \x1b]52;c;aGk=\x07 \u202eevil',
          'plain \x1b[?1049l\x07 line',
        ],
      }),
    ]);
    const app = await open(service, [200, 60]);
    await press(app, 'l', 'w');
    await until(app, (shown) => shown.includes('err cleared'));
    expect(frame(app)).toContain('evil/name');
    expect(frame(app)).toContain('err cleared');
    await press(app, KEYS.tab, 'j', 'k', KEYS.enter, 'G');
    const everything = app.stdout.frames.join('');
    for (const hostile of ['\x1b]0;', '\x1b[2J', '\x1b]52', '\u009b', '\u202e', '\x1b[?1049l', '\x07'])
      expect(everything).not.toContain(hostile);
  });

  it('fills the terminal exactly at every size and in every view', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [200, 60],
    ] as const) {
      const app = await open(serviceWith(), [columns, rows]);
      for (const keys of [[], [KEYS.enter], ['l'], ['w'], ['?'], [KEYS.esc, '/'], [KEYS.esc, 'F']]) {
        await press(app, ...keys);
        await tick(60);
        expectFits(app, columns, rows);
      }
      app.unmount();
    }
  });

  it('lays out again on resize, and says when the terminal is too small', async () => {
    const app = await open(serviceWith(), [100, 30]);
    expect(frame(app)).not.toContain('│');
    setSize(app, 200, 50);
    await until(app, (shown) => shown.includes('│'));
    expect(frameLines(app)[2]).toMatch(/Activations.*│.*Detail/);
    setSize(app, 50, 12);
    await until(app, (shown) => shown.includes('too small'));
    expect(frame(app)).toContain('the terminal is too small');
    await press(app, 'j');
    setSize(app, 100, 30);
    await until(app, (shown) => shown.includes('Activations'));
    expect(selectedRow(app)).toContain(hexId(1).slice(0, 8));
  });

  it('stays responsive with 100,000 activations', async () => {
    const service = new FakeMonitorService(100_000);
    const [template] = generatedRecords(1, 0);
    const now = Date.now();
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      ...template,
      activationId: hexId(i + 1),
      start: now - i * 10,
    }));
    service.addRaw(many);
    const app = await open(service, [120, 40]);
    expect(frame(app)).toContain('100000/100000 shown');
    await press(app, 'G');
    expect(selectedRow(app)).toContain(hexId(100_000).slice(0, 8));
    await press(app, KEYS.pageUp, 'g');
    expect(selectedRow(app)).toContain(hexId(1).slice(0, 8));
    expectFits(app, 120, 40);
  });
});
