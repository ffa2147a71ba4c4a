// The whole monitor over a real store, driven by keys: filters, copy and save.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { osc52 } from '../../src/tui/clipboard.js';
import { listRows, open, serviceWith } from './app-helpers.js';
import { hexId } from './data.js';
import { KEYS, frame, frameLines, press, type, until } from './render-helpers.js';

afterEach(cleanup);

describe('filtering', () => {
  it('applies the filter while typing, shows a bad term in place and keeps the last valid filter', async () => {
    const app = await open(serviceWith());
    await press(app, '/');
    await type(app, 'fn:billing/refund');
    expect(listRows(app).length).toBeGreaterThan(0);
    expect(listRows(app).every((row) => row.includes('billing/refund'))).toBe(true);
    await type(app, ' status:nope');
    expect(frame(app)).toContain("^ unknown status 'nope'");
    expect(listRows(app).every((row) => row.includes('billing/refund'))).toBe(true);
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('filter fn:billing/refund');
    expect(frame(app)).not.toContain('/ fn:billing');

    await press(app, '/');
    await type(app, ' auth');
    await press(app, KEYS.esc);
    expect(frame(app)).toContain('filter fn:billing/refund');
    expect(frame(app)).not.toContain('auth');

    await press(app, KEYS.esc);
    expect(frame(app)).toContain('no filter');
  });

  it('takes a chunk of fast typing as the prompt key followed by its text', async () => {
    const app = await open(serviceWith());
    await press(app, '/fn:billing/refund\re');
    await until(app, (shown) => shown.includes('errors only'));
    expect(frame(app)).toContain('fn:billing/refund');
    expect(listRows(app).every((row) => row.includes('billing/refund') && !row.includes('success'))).toBe(true);
  });

  it('shows only errors with e, and steps through statuses with S', async () => {
    const app = await open(serviceWith());
    await press(app, 'e');
    expect(frame(app)).toContain('errors only');
    expect(listRows(app).length).toBeGreaterThan(0);
    expect(listRows(app).every((row) => /app error|dev error|internal|timeout/.test(row))).toBe(true);
    await press(app, 'e');
    expect(frame(app)).toContain('no filter');
    await press(app, 'S', 'S');
    expect(frame(app)).toContain('status success');
    expect(listRows(app).every((row) => row.includes('✓ success'))).toBe(true);
  });

  it('picks functions from the namespace and the store', async () => {
    const app = await open(serviceWith());
    await press(app, 'F');
    await until(app, (shown) => shown.includes('never/ran'));
    expect(frame(app)).toContain('[ ] never/ran');
    expect(frame(app)).toContain('[ ] sample/hello');
    const names = frameLines(app).filter((line) => /\[[ x]\] /.test(line));
    const target = names.findIndex((line) => line.includes('billing/charge'));
    for (let i = 0; i < target; i++) await press(app, 'j');
    await press(app, ' ');
    expect(frame(app)).toContain('[x] billing/charge');
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('filter fn billing/charge');
    expect(listRows(app).length).toBeGreaterThan(0);
    expect(listRows(app).every((row) => row.includes('billing/charge'))).toBe(true);
  });

  it('sets a time filter with :since and reports unknown commands', async () => {
    const app = await open(serviceWith());
    await press(app, ':');
    await type(app, 'since 2h');
    await press(app, KEYS.enter);
    // Today's times show as HH:mm:ss; two hours before a time after midnight is yesterday's MMM dd HH:mm.
    expect(frame(app)).toMatch(/since (\d\d:\d\d:\d\d|[A-Z][a-z]{2} \d\d \d\d:\d\d)/);
    expect(frame(app)).not.toContain('tripleAndIncrement'); // fixtures from years ago are filtered out
    await press(app, ':');
    await type(app, 'bogus');
    await press(app, KEYS.enter);
    expect(frame(app)).toContain("✗ unknown command ':bogus'");
  });
});

describe('copy and save', () => {
  it('copies the id with y and the full record with Y through OSC 52', async () => {
    const service = serviceWith();
    const app = await open(service);
    await press(app, 'y');
    expect(app.stdout.frames.some((written) => written.includes(osc52(hexId(1))))).toBe(true);
    expect(frame(app)).toContain(`copied the activation id ${hexId(1)}`);
    await press(app, 'Y');
    const record = JSON.stringify(service.store.get(hexId(1))?.raw, null, 2);
    expect(app.stdout.frames.some((written) => written.includes(osc52(record)))).toBe(true);
  });

  it('saves the filtered list as JSON lines and shows where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnmon-save-'));
    const app = await open(serviceWith(), [120, 40], { saveDir: dir });
    await press(app, 'e', 's');
    await until(app, (shown) => shown.includes('saved'));
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^fnmon-\d{8}-\d{6}\.jsonl$/);
    expect(frame(app)).toContain(`to ${join(dir, file!)}`);
    const lines = readFileSync(join(dir, file!), 'utf8').trimEnd().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { activationId: string });
    expect(records.length).toBeGreaterThan(0);
    expect(frame(app)).toContain(`saved ${records.length} activations`);
    await press(app, 's');
    await until(app, (shown) => shown.includes('-2.jsonl'));
    expect(readdirSync(dir)).toHaveLength(2);
    rmSync(dir, { recursive: true });
  });
});
