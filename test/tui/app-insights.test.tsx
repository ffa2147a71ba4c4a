// The insight views in the whole monitor, driven by keys at fixed sizes: the stats table (i, :stats),
// the error fingerprints (x), marks and the diff (m, d), and a sequence's tree in the detail pane.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveKeymap } from '../../src/tui/keymap-overrides.js';
import { expectFits, listRows, open, serviceWith } from './app-helpers.js';
import { fullRecord, hexId, summaryRecord } from './data.js';
import { KEYS, frame, frameLines, press, type, until } from './render-helpers.js';

afterEach(cleanup);

/** The stats table's function rows: [name, calls]. */
function statsRows(lines: string[]): string[][] {
  return lines.flatMap((line) => {
    const match = /^[› ] ([\w/-]+)(?: ⚠)? +(\d+) /.exec(line);
    return match ? [[match[1]!, match[2]!]] : [];
  });
}

describe('the stats view', () => {
  it('shows a row per function over the window, sorts, reverses, cycles the window, and fits 120x40', async () => {
    const app = await open(serviceWith());
    await press(app, 'i');
    expect(frame(app)).toMatch(/Stats · last 15 min +5 functions · sort CALLS ↓/);
    expect(statsRows(frameLines(app))).toEqual([
      ['auth/login', '8'],
      ['billing/charge', '8'],
      ['billing/refund', '8'],
      ['resize-image', '8'],
      ['sample/hello', '8'],
    ]);
    expectFits(app, 120, 40);
    await press(app, 's');
    expect(frame(app)).toContain('sort ERR% ↓');
    expect(frame(app)).toMatch(/ERR%↓/);
    await press(app, 'r');
    expect(frame(app)).toContain('sort ERR% ↑');
    await press(app, 'w');
    expect(frame(app)).toContain('Stats · last 60 min');
    expect(frame(app)).toContain('j/k move  Esc back  Enter filter to it  w window  s sort  r reverse');
  });

  it('filters the list to the selected function with Enter, and opens with :stats', async () => {
    const app = await open(serviceWith());
    await press(app, ':');
    await type(app, 'stats');
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('Stats · last 15 min');
    await press(app, 'j');
    expect(frameLines(app).find((line) => line.startsWith('› '))).toMatch(/^› billing\/charge /);
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('filter fn:billing/charge');
    expect(frame(app)).toContain('▸ Activations');
    expect(listRows(app).length).toBe(8);
    expect(listRows(app).every((row) => row.includes('billing/charge'))).toBe(true);
  });

  it('fits 80x24 with the lower-priority columns dropped, and goes back with Esc', async () => {
    const app = await open(serviceWith(), [80, 24]);
    await press(app, 'i');
    expectFits(app, 80, 24);
    const heading = frameLines(app).find((line) => line.includes('FUNCTION')) ?? '';
    expect(heading).toMatch(/CALLS↓ +ERR% +COLD% +P50 +P95 +P99 RATE +FAILURES/);
    expect(heading).not.toContain('INIT95');
    await press(app, KEYS.esc);
    expect(frame(app)).toContain('▸ Activations');
  });

  it('flags a function that often runs close to its time limit', async () => {
    const service = serviceWith(0);
    service.addRaw(
      [1, 2, 3, 4].map((n) =>
        fullRecord({ id: hexId(700 + n), fn: 'slow/job', start: Date.now() - n * 1000, duration: 2900 }),
      ),
    );
    const app = await open(service);
    expect(listRows(app)[0]).toMatch(/2\.9s ⚠/);
    await press(app, 'i');
    expect(frameLines(app).find((line) => line.includes('slow/job'))).toMatch(/slow\/job ⚠ +4 .* 100%!/);
  });
});

describe('the error fingerprints', () => {
  it('groups failures by message, marks new ones until seen, and opens the newest example', async () => {
    const service = serviceWith();
    const now = Date.now();
    const newest = hexId(801);
    service.addRaw([
      fullRecord({
        id: hexId(800),
        fn: 'api/users',
        start: now - 3000,
        status: 'application error',
        error: 'user 4821 not found',
      }),
      fullRecord({
        id: newest,
        fn: 'api/admin',
        start: now - 2000,
        status: 'application error',
        error: 'user 17 not found',
      }),
    ]);
    const app = await open(service);
    await press(app, 'x');
    const row = frameLines(app).find((line) => line.includes('user <n> not found')) ?? '';
    expect(row).toMatch(/^› new +2 +\ds ago +\ds ago +api\/admin \+1 +user <n> not found/);
    expect(frame(app)).toContain('failure number <n>');
    expect(frame(app)).toContain('example user 17 not found');
    expectFits(app, 120, 40);

    await press(app, KEYS.enter);
    expect(frame(app)).toContain('▸ Detail · api/admin');
    expect(frame(app)).toMatch(new RegExp(`id +${newest}`));
    expect(frameLines(app).find((line) => line.startsWith('› '))).toContain(newest.slice(0, 8));

    // Seen once, they are no longer new; one that appears later is.
    await press(app, KEYS.esc, 'x');
    expect(frame(app)).not.toMatch(/^[› ] new /m);
    service.addRaw([
      fullRecord({
        id: hexId(802),
        fn: 'api/users',
        start: Date.now(),
        status: 'application error',
        error: 'quota exceeded',
      }),
    ]);
    await until(app, (shown) => shown.includes('quota exceeded'));
    expect(frameLines(app).find((line) => line.includes('quota exceeded'))).toMatch(/^[› ] new +1 /);
    expect(frame(app)).toContain('1 new');
  });

  it('fits 80x24', async () => {
    const app = await open(serviceWith(), [80, 24]);
    await press(app, 'x');
    expectFits(app, 80, 24);
    expect(frame(app)).toContain('Error fingerprints');
  });
});

describe('marks and the diff', () => {
  it('marks two with m and shows them side by side with d, fetching full records first', async () => {
    const service = serviceWith(0);
    const now = Date.now();
    const [older, newer] = [hexId(901), hexId(902)];
    const specs = [
      { id: older, fn: 'billing/charge', start: now - 2000, duration: 120 },
      {
        id: newer,
        fn: 'billing/charge',
        start: now - 1000,
        duration: 480,
        status: 'application error' as const,
        error: 'card declined',
      },
    ];
    service.addRaw(specs.map(summaryRecord));
    for (const spec of specs) service.fullRecords.set(spec.id, fullRecord(spec));
    const app = await open(service, [100, 30]);
    await press(app, 'f', 'm');
    expect(frame(app)).toContain(`marked ${newer.slice(0, 8)}: mark one more with m, then d compares them`);
    await press(app, 'j', 'm');
    expect(listRows(app)).toEqual([]);
    expect(frameLines(app).filter((line) => /^[› ]\*/.test(line))).toHaveLength(2);
    await press(app, 'd');
    await until(app, (shown) => shown.includes('"error": "card declined"'));
    expect(service.fetchFullCalls).toEqual(expect.arrayContaining([older, newer]));
    expect(frame(app)).toContain('Diff · older left, newer right');
    expect(frame(app)).toMatch(new RegExp(`${older.slice(0, 8)} .*│ ${newer.slice(0, 8)}`));
    expect(frame(app)).toMatch(/~ Status +success +│ app error/);
    expect(frame(app)).toMatch(/~ Duration +120ms +│ 480ms/);
    expectFits(app, 100, 30);
    await press(app, KEYS.esc);
    expect(frame(app)).toContain('▸ Activations');
  });

  it('says what to do when other than two are marked', async () => {
    const app = await open(serviceWith());
    await press(app, 'd');
    expect(frame(app)).toContain('mark two activations with m, then d compares them');
    await press(app, 'f', 'm', 'd');
    expect(frame(app)).toContain('one marked: mark one more with m, then d compares them');
    await press(app, 'j', 'm', 'j', 'm', 'd');
    expect(frame(app)).toContain('3 marked: d compares exactly two (m on a marked one unmarks it)');
    await press(app, 'm');
    expect(frame(app)).toContain('(2 marked)');
  });
});

describe('a sequence in the detail pane', () => {
  it('shows its components as a tree with timing bars, fetching the ones not in the store', async () => {
    const service = serviceWith(0);
    const start = Date.now() - 1000;
    const [parent, first, second] = [hexId(950), hexId(951), hexId(952)];
    service.addRaw([
      fullRecord({ id: first, fn: 'flow/validate', start, duration: 200, cause: parent }),
      fullRecord({ id: parent, fn: 'flow/pipeline', start, duration: 600, kind: 'sequence', logs: [first, second] }),
    ]);
    service.fullRecords.set(
      second,
      fullRecord({ id: second, fn: 'flow/charge', start: start + 300, duration: 300, cause: parent }),
    );
    const app = await open(service);
    // Selected first (the newest), the sequence's missing component is fetched; it lands above it.
    await until(app, () => listRows(app)[0]?.includes('flow/charge') ?? false);
    expect(service.fetchFullCalls).toContain(second);
    await press(app, 'j', KEYS.enter);
    expect(frame(app)).toContain('── sequence: 2 components, 600ms ──');
    expect(frame(app)).toMatch(/flow\/pipeline +✓ success +600ms [█#]+/);
    expect(frame(app)).toMatch(/ {2}flow\/validate +✓ success +200ms [█#]+\n/); // the rest of its bar is blank
    expect(frame(app)).toMatch(/ {2}flow\/charge +✓ success +300ms +[█#]+/);
  });
});

describe('keys', () => {
  it('lists the insight keys in help, and follows a remapping', async () => {
    const { commands } = resolveKeymap({ 'open-stats': ['I'] });
    const app = await open(serviceWith(), [120, 40], { commands });
    await press(app, 'i');
    expect(frame(app)).not.toContain('Stats · last');
    await press(app, 'I');
    expect(frame(app)).toContain('Stats · last 15 min');
    await press(app, KEYS.esc, '?');
    await press(app, ...Array(30).fill('j'));
    expect(frame(app)).toMatch(/Insights[\s\S]*I +stats per function/);
  });
});
