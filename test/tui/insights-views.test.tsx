// The insight views on their own, at fixed sizes: stats table, error fingerprints, diff and sequence
// tree lines, and the components that window them. Every line exactly the width, the frame its height.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { diffActivations } from '../../src/core/diff.js';
import { FingerprintIndex } from '../../src/core/fingerprint.js';
import { displayWidth } from '../../src/core/logline.js';
import { buildSequenceTree } from '../../src/core/sequence-tree.js';
import { StatsCollector, type StatsWindow } from '../../src/core/stats.js';
import { sortStats } from '../../src/core/stats-columns.js';
import { DiffView } from '../../src/tui/components/DiffView.js';
import { FingerprintsView } from '../../src/tui/components/FingerprintsView.js';
import { StatsView } from '../../src/tui/components/StatsView.js';
import { INITIAL_INSIGHTS } from '../../src/tui/state/insights-state.js';
import { diffViewLines } from '../../src/tui/view/diff-lines.js';
import { fingerprintColumns, fingerprintRow } from '../../src/tui/view/fingerprint-lines.js';
import { sequenceLines } from '../../src/tui/view/sequence-lines.js';
import { statsHeading, statsRow, statsTableColumns } from '../../src/tui/view/stats-table.js';
import { lineWidth } from '../../src/tui/view/styled-line.js';
import { act, failure } from '../core/insight-activations.js';

afterEach(cleanup);

const T0 = 1_700_000_000_000;
const text = (line: readonly { text: string }[]) => line.map((part) => part.text).join('');

function expectBox(frame: string | undefined, width: number, height: number): string[] {
  const lines = (frame ?? '').split('\n');
  expect(lines).toHaveLength(height);
  for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  return lines;
}

/** `functions` functions with traffic over the last minutes; the first runs near its limit. */
function statsWindow(functions = 3, width = 120): StatsWindow {
  const stats = new StatsCollector({ clock: { now: () => T0, sleep: async () => {} } });
  for (let f = 0; f < functions; f++) {
    const fn = `pkg/fn-${String(f).padStart(3, '0')}`;
    stats.add(
      Array.from({ length: 10 + f }, (_, i) =>
        f === 0
          ? act({ fn, start: T0 - i * 20_000, duration: 2900, timeoutLimit: 3000 })
          : i % 4 === 0
            ? failure('boom', { fn, start: T0 - i * 20_000 })
            : act({ fn, start: T0 - i * 20_000, cold: i % 3 === 0, initTime: 200 }),
      ),
    );
  }
  return stats.window(900_000, { now: T0, points: statsTableColumns(width).seriesWidth });
}

function statsData(window: StatsWindow, width: number) {
  const rows = sortStats(window.rows, 'calls', 'desc');
  return { window, rows, keys: rows.map((row) => row.fn), columns: statsTableColumns(width) };
}

describe('stats table', () => {
  it('fits every width exactly, dropping the least read columns first', () => {
    const [row] = statsWindow(1).rows;
    for (const width of [60, 80, 100, 120, 140, 200]) {
      const columns = statsTableColumns(width);
      expect(lineWidth(statsHeading(columns, { column: 'calls', direction: 'desc' }))).toBe(width);
      expect(lineWidth(statsRow(row!, columns, { selected: false, ascii: false }))).toBe(width);
    }
    expect(statsTableColumns(80).shown).toEqual(['calls', 'errors', 'cold', 'p50', 'p95', 'p99', 'rate', 'failures']);
    expect(statsTableColumns(60).shown).toEqual(['calls', 'errors', 'p50', 'p95', 'p99', 'rate']);
    expect(statsTableColumns(160).shown).toHaveLength(13);
  });

  it('marks the sort column, flags functions often near their limit, and draws sparklines', () => {
    const window = statsWindow(2);
    const columns = statsTableColumns(140);
    const heading = text(statsHeading(columns, { column: 'errors', direction: 'asc' }));
    expect(heading).toMatch(/^ {2}FUNCTION +CALLS +ERR%↑ +TIMEOUTS/);
    expect(heading).toContain('RATE');
    const [near, other] = window.rows;
    const nearLine = text(statsRow(near!, columns, { selected: true, ascii: false }));
    expect(nearLine).toMatch(/^› pkg\/fn-000 ⚠ +10 +0% /);
    expect(nearLine).toContain('100%!');
    expect(nearLine).toMatch(/[▁▂▃▄▅▆▇█]/);
    const ascii = text(statsRow(other!, columns, { selected: false, ascii: true }));
    expect(ascii).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(ascii).toMatch(/[_.\-:=+*#]/);
  });

  it('keeps a hostile function name to its column', () => {
    const stats = new StatsCollector({ clock: { now: () => T0, sleep: async () => {} } });
    stats.add([act({ fn: 'evil/\x1b[2J\x1b]0;pwned\x07名前がとても長い関数の名前です', start: T0 - 1000 })]);
    const [row] = stats.window(60_000, { now: T0 }).rows;
    const line = text(statsRow(row!, statsTableColumns(100), { selected: false, ascii: false }));
    expect(line).not.toContain('\x1b');
    expect(displayWidth(line)).toBe(100);
  });

  it('shows the window, the sort and only the rows that fit, with the selection', () => {
    const view = { ...INITIAL_INSIGHTS.stats, selection: { key: 'pkg/fn-010', index: 0, row: 3 } };
    const { lastFrame } = render(
      <StatsView stats={statsData(statsWindow(40, 100), 100)} view={view} width={100} height={15} ascii={false} />,
    );
    const lines = expectBox(lastFrame(), 100, 15);
    expect(lines[0]).toMatch(/Stats · last 15 min +40 functions · sort CALLS ↓/);
    expect(lines[1]).toMatch(/FUNCTION +CALLS↓/);
    expect(lines.filter((line) => /^[› ] pkg\/fn-/.test(line))).toHaveLength(12);
    expect(lines[5]).toMatch(/^› pkg\/fn-010/);
    expect(lines[14]).toContain('often over 80% of its time limit');
  });

  it('says when the window is empty', () => {
    const empty = new StatsCollector().window(60_000, { now: T0 });
    const { lastFrame } = render(
      <StatsView stats={statsData(empty, 80)} view={INITIAL_INSIGHTS.stats} width={80} height={10} ascii />,
    );
    expect(expectBox(lastFrame(), 80, 10)[2]).toContain('no activations in the last 1 min');
  });
});

describe('error fingerprints', () => {
  function fingerprints() {
    const index = new FingerprintIndex();
    index.add([
      failure('user 4821 not found', { fn: 'api/users', start: T0 - 60_000 }),
      failure('user 17 not found', { fn: 'api/admin', start: T0 - 5_000 }),
      failure('card declined', { fn: 'billing/charge', start: T0 - 30_000 }),
    ]);
    index.acknowledge();
    index.add([failure('timeout calling "https://psp.example/v1"', { fn: 'billing/charge', start: T0 - 1000 })]);
    const list = index.list();
    return { list, keys: list.map((entry) => entry.pattern) };
  }

  it('shows one row each: new mark, count, when, functions, masked message', () => {
    const { list } = fingerprints();
    for (const width of [60, 80, 120]) {
      for (const entry of list) {
        const line = fingerprintRow(entry, fingerprintColumns(width, 'relative'), {
          selected: false,
          now: T0,
          timeFormat: 'relative',
        });
        expect(lineWidth(line)).toBe(width);
      }
    }
    const columns = fingerprintColumns(120, 'relative');
    const row = (index: number) =>
      text(fingerprintRow(list[index]!, columns, { selected: index === 0, now: T0, timeFormat: 'relative' }));
    expect(row(0)).toMatch(/^› new +1 1s ago +1s ago +billing\/charge +timeout calling <str>/);
    expect(row(1)).toMatch(/^ {6} +2 5s ago +1m ago +api\/admin \+1 +user <n> not found/);
    expect(fingerprintColumns(80, 'relative').firstSeen).toBe(false);
  });

  it('windows the list and describes the selected fingerprint under it', () => {
    const data = fingerprints();
    const { lastFrame } = render(
      <FingerprintsView
        fingerprints={data}
        selection={{ key: 'user <n> not found', index: 0, row: 1 }}
        width={90}
        height={12}
        now={T0}
        timeFormat="relative"
      />,
    );
    const lines = expectBox(lastFrame(), 90, 12);
    expect(lines[0]).toMatch(/Error fingerprints +3 groups · 1 new/);
    expect(lines[3]).toMatch(/^› +2 5s ago/);
    expect(lines[8]).toContain('example user 17 not found');
    expect(lines[10]).toContain('api/admin, api/users');
    expect(lines[11]).toMatch(/newest 0+\w+ · Enter opens it/);
  });
});

describe('diff lines', () => {
  const left = act({
    id: 'a'.repeat(32),
    start: T0,
    full: true,
    result: { body: 'ok', n: 1 },
    logs: ['2024-01-01T00:00:00.1Z stdout: start', '2024-01-01T00:00:00.2Z stdout: done'],
  });
  const right = failure('card declined', {
    id: 'b'.repeat(32),
    start: T0 + 1000,
    full: true,
    duration: 250,
    result: { error: 'card declined' },
    logs: ['2024-01-01T00:00:01.1Z stdout: start', '2024-01-01T00:00:01.2Z stderr: declined'],
  });

  it('puts the two side by side, fields then result then logs, changed lines marked', () => {
    const lines = diffViewLines(diffActivations(left, right), 100).map(text);
    for (const line of lines) expect(displayWidth(line)).toBe(100);
    expect(lines[0]).toMatch(/^ {2}aaaaaaaa +\d{4}-\d\d-\d\d [\d:.]+ +│ bbbbbbbb /);
    expect(lines[1]).toMatch(/^ {2}Function +billing\/charge +│ billing\/charge/);
    expect(lines[2]).toMatch(/^~ Status +success +│ app error/);
    expect(lines[3]).toMatch(/^~ Duration +100ms +│ 250ms/);
    expect(lines).toContain(lines.find((line) => line.startsWith('── result ──')));
    expect(lines.find((line) => line.includes('"error"'))).toMatch(/^~ +"body": "ok", +│ +"error": "card declined"/);
    expect(lines.find((line) => line.includes('"n"'))).toMatch(/^- +"n": 1 +│ +$/);
    expect(lines.at(-2)).toMatch(/^ {2}stdout: start +│ stdout: start/);
    expect(lines.at(-1)).toMatch(/^~ stdout: done +│ stderr: declined/);
  });

  it('scrolls in a pane that is never taller than its height', () => {
    const rows = diffViewLines(diffActivations(left, right), 70);
    const { lastFrame } = render(<DiffView diff={{ rows }} top={2} width={70} height={6} />);
    const lines = expectBox(lastFrame(), 70, 6);
    expect(lines[0]).toMatch(/Diff · older left, newer right +3-7\/\d+/);
    expect(lines[1]).toMatch(/^~ Status/);
  });
});

describe('sequence tree lines', () => {
  const root = act({
    id: 'seq'.padEnd(32, '0'),
    fn: 'flow/pipeline',
    kind: 'sequence',
    isSequence: true,
    start: T0,
    duration: 1000,
    logs: ['c1'.padEnd(32, '1'), 'c2'.padEnd(32, '2'), 'c3'.padEnd(32, '3')],
  });
  const first = act({ id: 'c1'.padEnd(32, '1'), fn: 'flow/validate', start: T0, duration: 250 });
  const second = failure('nope', { id: 'c2'.padEnd(32, '2'), fn: 'flow/charge', start: T0 + 500, duration: 500 });
  const known = new Map([first, second].map((activation) => [activation.id, activation]));
  const tree = buildSequenceTree(root, (id) => known.get(id));

  it('indents components under the sequence, each with status, duration and a timing bar', () => {
    const lines = sequenceLines(tree, { width: 80, ascii: false, failed: new Set() }).map(text);
    for (const line of lines.slice(1)) expect(displayWidth(line)).toBe(80);
    expect(lines[1]).toMatch(/^── sequence: 3 components, 1\.0s ──/);
    expect(lines[2]).toMatch(/^flow\/pipeline +✓ success +1\.0s █+$/);
    expect(lines[3]).toMatch(/^ {2}flow\/validate +✓ success +250ms █+ +$/);
    expect(lines[4]).toMatch(/^ {2}flow\/charge +✗ app error +500ms +█+$/);
    expect(lines[5]).toMatch(/^ {2}c3333333 +fetching…/);
  });

  it('says which components could not be fetched, and draws ASCII bars when asked', () => {
    const lines = sequenceLines(tree, { width: 60, ascii: true, failed: new Set(['c3'.padEnd(32, '3')]) }).map(text);
    expect(lines[2]).toMatch(/#+$/);
    expect(lines[5]).toContain('could not fetch it');
  });
});
