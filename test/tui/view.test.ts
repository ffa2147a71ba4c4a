import { describe, expect, it } from 'vitest';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import { displayWidth } from '../../src/core/logline.js';
import { cursorAt, locate, moveIn } from '../../src/tui/state/cursor.js';
import { parseColonCommand } from '../../src/tui/state/command-line.js';
import { INITIAL_FILTER, predicate, withText } from '../../src/tui/state/filter-state.js';
import { detailHeaderLines } from '../../src/tui/view/detail-lines.js';
import { jsonLines } from '../../src/tui/view/json-lines.js';
import { computeLayout, HEADER_HEIGHT } from '../../src/tui/view/layout.js';
import { activationRow, headingLine, listColumns } from '../../src/tui/view/list-columns.js';
import { FORWARDING_HINT, layoutLines, logRows } from '../../src/tui/view/log-lines.js';
import {
  fitLine,
  lineWidth,
  segment,
  truncateLine,
  wrapLine,
  type StyledLine,
} from '../../src/tui/view/styled-line.js';
import { moveCursor, scrollBy, windowTop } from '../../src/tui/view/window.js';
import { fixtureRecords, fullRecord, hexId, summaryRecord } from './data.js';

function normalised(record: unknown): Activation {
  const activation = normaliseActivation(record);
  if (!activation) throw new Error('did not normalise');
  return activation;
}

const text = (line: StyledLine) => line.map((part) => part.text).join('');
const noRanges = () => [];

describe('windowing', () => {
  it('keeps the selection on its screen row, within the list', () => {
    expect(windowTop(50, 5, 10, 1000)).toBe(45);
    expect(windowTop(2, 5, 10, 1000)).toBe(0);
    expect(windowTop(998, 2, 10, 1000)).toBe(990);
    expect(windowTop(0, 0, 10, 3)).toBe(0);
  });

  it('moves a cursor by lines, pages and to either end', () => {
    expect(moveCursor(0, 0, 'down', 10, 100)).toEqual({ index: 1, row: 1 });
    expect(moveCursor(5, 9, 'down', 10, 100)).toEqual({ index: 6, row: 9 });
    expect(moveCursor(5, 3, 'page-down', 10, 100)).toEqual({ index: 14, row: 3 });
    expect(moveCursor(5, 3, 'bottom', 10, 100)).toEqual({ index: 99, row: 9 });
    expect(moveCursor(0, 0, 'up', 10, 100)).toEqual({ index: 0, row: 0 });
  });

  it('scrolls a pane without passing its last page', () => {
    expect(scrollBy(0, 'page-down', 10, 15)).toBe(5);
    expect(scrollBy(3, 'top', 10, 15)).toBe(0);
    expect(scrollBy(0, 'up', 10, 15)).toBe(0);
    expect(scrollBy(0, 'bottom', 10, 5)).toBe(0);
  });
});

describe('list cursor', () => {
  // Newest first, with equal starts (ties) in the middle.
  const list = [5, 4, 3, 3, 3, 2, 1].map((start, i) => normalised(fullRecord({ id: hexId(i + 1), fn: 'a/b', start })));

  it('finds the selected activation by id when the list has changed around it', () => {
    const cursor = cursorAt(list, 4, 4);
    const newer = [normalised(fullRecord({ id: hexId(99), fn: 'a/b', start: 9 })), ...list];
    expect(locate(newer, cursor)).toBe(5);
    expect(locate(list.slice(2), cursor)).toBe(2);
  });

  it('falls back to the same index when the activation is gone', () => {
    const cursor = cursorAt(list, 3, 3);
    expect(
      locate(
        list.filter((a) => a.id !== hexId(4)),
        cursor,
      ),
    ).toBe(3);
    expect(locate(list.slice(0, 2), cursor)).toBe(1);
  });

  it('moves by motion and remembers the new activation', () => {
    const moved = moveIn(list, cursorAt(list, 0, 0), 'down', 3);
    expect(moved).toMatchObject({ id: hexId(2), index: 1, row: 1 });
  });
});

describe('list rows', () => {
  const now = Date.UTC(2024, 0, 1, 0, 5);
  const activation = normalised(
    fullRecord({
      id: hexId(1),
      fn: 'billing/charge',
      start: now - 42_000,
      duration: 2900,
      status: 'application error',
      error: 'x',
      cold: true,
    }),
  );

  it('are exactly as wide as the pane, at any width', () => {
    for (const width of [60, 80, 100, 140, 200]) {
      const columns = listColumns(width, 'relative');
      expect(
        lineWidth(
          activationRow(activation, columns, { selected: false, now, timeFormat: 'relative', highlight: noRanges }),
        ),
      ).toBe(width);
      expect(lineWidth(headingLine(columns))).toBeLessThanOrEqual(width);
    }
  });

  it('drop optional columns before the function column gets too narrow', () => {
    expect(listColumns(200, 'relative').optional).toEqual(['cold', 'wait', 'id']);
    expect(listColumns(65, 'relative').optional).toEqual(['cold', 'id']);
    expect(listColumns(60, 'relative').optional).toEqual(['id']);
    expect(listColumns(60, 'absolute').optional).toEqual([]);
  });

  it('show status as glyph and word, the near-timeout mark, and a marker on the selection', () => {
    const columns = listColumns(100, 'relative');
    const row = text(
      activationRow(activation, columns, { selected: true, now, timeFormat: 'relative', highlight: noRanges }),
    );
    expect(row).toContain('› 42s ago');
    expect(row).toContain('✗ app error');
    expect(row).toContain('2.9s ⚠');
    expect(row).toContain('cold');
    expect(
      activationRow(activation, columns, { selected: true, now, timeFormat: 'relative', highlight: noRanges }).every(
        (part) => part.inverse,
      ),
    ).toBe(true);
  });

  it('keep columns aligned with wide characters and hostile names', () => {
    const hostile = normalised(fullRecord({ id: hexId(2), fn: 'pkg/日本語\x1b[31m\x1b]0;title\x07名前', start: now }));
    const columns = listColumns(100, 'relative');
    const row = activationRow(hostile, columns, { selected: false, now, timeFormat: 'relative', highlight: noRanges });
    expect(lineWidth(row)).toBe(100);
    expect(text(row)).not.toContain('\x1b');
    expect(text(row)).toContain('pkg/日本語名前');
  });
});

describe('styled lines', () => {
  it('truncate with an ellipsis and pad to an exact width', () => {
    const line = [segment('hello '), segment('world', { bold: true })];
    expect(text(truncateLine(line, 8))).toBe('hello w…');
    expect(text(fitLine(line, 14))).toBe('hello world   ');
    expect(text(truncateLine(line, 11))).toBe('hello world');
  });

  it('wrap by display width, continuations indented', () => {
    const rows = wrapLine([segment('日本語日本語'), segment('abc')], 7, '  ');
    expect(rows.map(text)).toEqual(['日本語', '  日本', '  語abc']);
    for (const row of rows) expect(lineWidth(row)).toBeLessThanOrEqual(7);
  });

  it('wrap a grapheme that fits the row but not after the indent onto an unindented row', () => {
    // U+1D160 in NFC is three code points taking three columns (found by the property test).
    const note = '\u{1D158}\u{1D165}\u{1D16E}';
    const rows = wrapLine([segment(`⺀${note}`)], 4, '  ');
    expect(rows.map(text)).toEqual(['⺀', note]);
    for (const row of rows) expect(lineWidth(row)).toBeLessThanOrEqual(4);
  });
});

describe('JSON lines', () => {
  it('pretty-print the record with keys, strings and numbers coloured', () => {
    const lines = jsonLines({ a: 1, b: ['x', true, null], c: {} });
    expect(lines.map(text)).toEqual([
      '{',
      '  "a": 1,',
      '  "b": [',
      '    "x",',
      '    true,',
      '    null',
      '  ],',
      '  "c": {}',
      '}',
    ]);
    expect(lines[1]?.find((part) => part.text === '"a"')?.color).toBe('cyan');
    expect(lines[1]?.find((part) => part.text === '1')?.color).toBe('yellow');
  });

  it('never emits control characters from values or keys', () => {
    const lines = jsonLines({ 'k\x1b[2J': 'v\x1b]52;c;aGk=\x07\u009b31m\u202e' });
    const all = lines.map(text).join('\n');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(all).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
  });

  it('print every fixture without throwing', () => {
    for (const record of fixtureRecords()) expect(jsonLines(record).length).toBeGreaterThan(5);
  });
});

describe('detail header', () => {
  it('decodes status, times, duration against the limit, cold start and cost', () => {
    const now = 1704067500000;
    const activation = normalised(
      fullRecord({
        id: hexId(3),
        fn: 'billing/charge',
        start: 1704067200123,
        duration: 2800,
        cold: true,
        status: 'application error',
        error: 'card declined',
      }),
    );
    const lines = detailHeaderLines(activation, now).map(text);
    expect(lines[0]).toContain('✗ app error');
    expect(lines.join('\n')).toContain('2.8s of 3.0s limit (93%)');
    expect(lines.join('\n')).toContain('over 80% of the time limit');
    expect(lines.join('\n')).toContain('cold start (init 190ms)');
    expect(lines.join('\n')).toContain('GB-s       0.01');
    expect(lines.join('\n')).toMatch(/start\s+2024-01-0\d \d\d:\d\d:00\.123 \(5 minutes ago\)/);
    expect(lines.join('\n')).toContain('error      card declined');
  });

  it('works from a summary and from the doctl-printed fixture', () => {
    expect(detailHeaderLines(normalised(summaryRecord({ id: hexId(4), fn: 'a', start: 1 })), 2).length).toBeGreaterThan(
      3,
    );
    for (const record of fixtureRecords())
      expect(detailHeaderLines(normalised(record), Date.now()).length).toBeGreaterThan(3);
  });
});

describe('log lines', () => {
  const options = { timestamps: true, highlight: noRanges, lookup: () => undefined };

  it('show stream and time, stderr in red, and sanitise the message', () => {
    const activation = normalised(fullRecord({ id: hexId(5), fn: 'a', start: 1 }));
    const lines = logRows(
      activation,
      ['2024-01-01T00:00:00.130512345Z stderr: bad \x1b[2Jthing', 'no prefix here'],
      options,
    ).slice();
    expect(text(lines[0]!)).toMatch(/^\d\d:\d\d:00\.130 err bad thing$/);
    expect(lines[0]?.at(-1)?.color).toBe('red');
    expect(text(lines[1]!)).toContain('no prefix here');
  });

  it('add a hint under the log-forwarding notice', () => {
    const activation = normalised(fullRecord({ id: hexId(6), fn: 'a', start: 1 }));
    const notice =
      '2024-01-01T00:00:00.1Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';
    const lines = logRows(activation, [notice], options).slice();
    expect(text(lines[1]!)).toContain(FORWARDING_HINT);
  });

  it('list the component activations of a sequence', () => {
    const parent = normalised(fixtureRecords().find((record) => record.name === 'composition'));
    const lines = logRows(parent, parent.logs ?? [], options)
      .slice()
      .map(text);
    expect(lines[0]).toMatch(/^sequence: \d+ component activations$/);
    expect(lines[1]).toContain(String(parent.logs?.[0]));
  });

  it('wrap or truncate to the pane width', () => {
    const long = [[segment('x'.repeat(25))]];
    expect(layoutLines(long, 10, false).map(text)).toEqual(['xxxxxxxxx…']);
    expect(layoutLines(long, 10, true, 2).map(text)).toEqual(['xxxxxxxxxx', '  xxxxxxxx', '  xxxxxxx']);
  });
});

describe('layout', () => {
  it('fills the terminal exactly: side by side when wide, stacked when narrow', () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [200, 60],
      [140, 15],
    ] as const) {
      const layout = computeLayout(columns, rows, 'list', 'detail', 1);
      if (layout.kind === 'too-small') throw new Error('too small');
      expect(HEADER_HEIGHT + layout.body.height + layout.footerHeight).toBe(rows);
      const stacked = layout.list.height + (layout.detail?.height ?? 0) + (layout.logs?.height ?? 0);
      if (layout.kind === 'narrow') expect(stacked).toBe(layout.body.height);
      else expect(layout.list.width + 1 + (layout.detail?.width ?? 0)).toBe(columns);
      expect(layout.kind).toBe(columns >= 140 ? 'wide' : 'narrow');
    }
  });

  it('says when the terminal is too small', () => {
    expect(computeLayout(59, 40, 'list', 'detail', 1).kind).toBe('too-small');
    expect(computeLayout(100, 14, 'list', 'detail', 1).kind).toBe('too-small');
  });
});

describe('filters', () => {
  const activations = [
    normalised(
      fullRecord({ id: hexId(1), fn: 'billing/charge', start: 100, status: 'application error', error: 'declined' }),
    ),
    normalised(fullRecord({ id: hexId(2), fn: 'sample/hello', start: 200 })),
  ];

  it('combine typed filter, status, functions and since', () => {
    const typed = withText(INITIAL_FILTER, 'fn:billing/*').state;
    expect(activations.filter(predicate(typed)!).map((a) => a.fn)).toEqual(['billing/charge']);
    expect(activations.filter(predicate({ ...INITIAL_FILTER, status: 'failed' })!).map((a) => a.fn)).toEqual([
      'billing/charge',
    ]);
    expect(
      activations.filter(predicate({ ...INITIAL_FILTER, functions: new Set(['sample/hello']) })!).map((a) => a.fn),
    ).toEqual(['sample/hello']);
    expect(activations.filter(predicate({ ...INITIAL_FILTER, since: 150 })!).map((a) => a.fn)).toEqual([
      'sample/hello',
    ]);
    expect(predicate(INITIAL_FILTER)).toBeUndefined();
  });

  it('keep the last valid filter when the text does not parse', () => {
    const valid = withText(INITIAL_FILTER, 'fn:billing/*').state;
    const invalid = withText(valid, 'status:nope');
    expect(invalid.state).toBe(valid);
    expect(invalid.error).toMatchObject({ position: 7 });
  });
});

describe(': commands', () => {
  it('reads :since, :q and reports unknown commands', () => {
    expect(parseColonCommand('since 1h', 10_000_000)).toEqual({ kind: 'since', since: 10_000_000 - 3_600_000 });
    expect(parseColonCommand('since off', 0)).toEqual({ kind: 'since', since: undefined });
    expect(parseColonCommand('q', 0)).toEqual({ kind: 'quit' });
    expect(parseColonCommand('frobnicate', 0)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining("unknown command ':frobnicate'"),
    });
    expect(parseColonCommand('since yesterday-ish', 0)).toMatchObject({ kind: 'error' });
  });
});

it('measures display width the way the rows are laid out', () => {
  expect(displayWidth('日本')).toBe(4);
});
