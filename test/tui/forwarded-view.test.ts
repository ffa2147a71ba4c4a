// The views of forwarded logs: the log pane's badged lines, hints and layout; entries without a
// record as list rows (merge, filter, row); the header's word on each source.
import { describe, expect, it } from 'vitest';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import type { ForwardedLine, OrphanEntry, SourceHealth } from '../../src/core/forwarded-types.js';
import { displayWidth } from '../../src/core/logline.js';
import { INITIAL_FILTER, withText, type FilterState } from '../../src/tui/state/filter-state.js';
import { forwardedRows, type ForwardedLog } from '../../src/tui/view/forwarded-lines.js';
import { activationRow, listColumns } from '../../src/tui/view/list-columns.js';
import { FORWARDING_HINT, logRows } from '../../src/tui/view/log-lines.js';
import {
  orphanDetailLines,
  orphanEntryOf,
  orphanRow,
  streamPredicate,
  withOrphans,
} from '../../src/tui/view/orphan-rows.js';
import { sourceHealthSegments, withSourceHealth } from '../../src/tui/view/source-health.js';
import { segment, type StyledLine } from '../../src/tui/view/styled-line.js';
import { fullRecord, hexId } from './data.js';

const text = (line: StyledLine) => line.map((part) => part.text).join('');
const noRanges = () => [];
const NS = 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc';
const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

function fwd(message: string, source: ForwardedLine['source'] = 'papertrail', time = T0): ForwardedLine {
  return { source, time, message, activationId: hexId(1), functionPath: `/${NS}/api/webhook` };
}

function rows(log: Partial<ForwardedLog>, options: { width?: number; wrap?: boolean; timestamps?: boolean } = {}) {
  return (
    forwardedRows(
      { lines: [], forwards: false, orphan: false, ...log },
      {
        width: options.width ?? 80,
        wrap: options.wrap ?? false,
        timestamps: options.timestamps ?? false,
        highlight: noRanges,
      },
    ) ?? []
  ).map(text);
}

function entry(n: number, time: number, fn = 'api/webhook', messages = ['web call']): OrphanEntry {
  const lines = messages.map((message) => ({ ...fwd(message, 'papertrail', time), activationId: hexId(n) }));
  return { activationId: hexId(n), functionPath: `/${NS}/${fn}`, fn, time, lines };
}

function activation(n: number, start: number, fn = 'billing/charge'): Activation {
  const normalised = normaliseActivation(fullRecord({ id: hexId(n), fn, start }));
  if (!normalised) throw new Error('did not normalise');
  return normalised;
}

describe('forwarded lines in the log pane', () => {
  it('badges each line with its source, lined up, with the time when timestamps are on', () => {
    const lines = [fwd('received push event'), fwd('refund created', 'datadog'), fwd('fetching', 'betterstack')];
    expect(rows({ lines })).toEqual([
      '[papertrail]   received push event',
      '[datadog]      refund created',
      '[better stack] fetching',
    ]);
    const [first] = rows({ lines: [fwd('x')] }, { timestamps: true });
    expect(first).toMatch(/^\d\d:\d\d:\d\d\.000 \[papertrail\] x$/);
  });

  it('gives each source its own badge colour', () => {
    const lines = [fwd('a'), fwd('b', 'datadog'), fwd('c', 'betterstack')];
    const styled = forwardedRows(
      { lines, forwards: true, orphan: false },
      { width: 80, wrap: false, timestamps: false, highlight: noRanges },
    )!;
    const colours = styled.map((line) => line.find((part) => part.text.startsWith('['))?.color);
    expect(new Set(colours).size).toBe(3);
  });

  it('sanitises messages, highlights filter matches, and cuts or wraps to the width', () => {
    const hostile = fwd('\x1b[2Jcleared \x1b]52;c;aGk=\x07 done');
    const [shown] = rows({ lines: [hostile] });
    expect(shown).not.toContain('\x1b');
    expect(shown).not.toContain('\x07');
    const highlighted = forwardedRows(
      { lines: [fwd('charging order 1234')], forwards: true, orphan: false },
      { width: 80, wrap: false, timestamps: false, highlight: (t) => [[t.indexOf('order'), t.indexOf('order') + 5]] },
    )!;
    expect(highlighted[0]!.find((part) => part.text === 'order')?.underline).toBe(true);

    const long = fwd('x'.repeat(100));
    expect(rows({ lines: [long] }, { width: 40 })).toHaveLength(1);
    const wrapped = rows({ lines: [long] }, { width: 40, wrap: true });
    expect(wrapped.length).toBeGreaterThan(2);
    // Continuations start under the message, past the badge.
    expect(wrapped[1]).toMatch(/^ {13}x/);
    for (const row of wrapped) expect(displayWidth(row)).toBeLessThanOrEqual(40);
  });

  it('shows the what-to-configure hint exactly, wrapped between words when it is wider than the pane', () => {
    const hint = 'api/webhook forwards its logs to Papertrail (LOG_DESTINATIONS).\n  set PAPERTRAIL_API_TOKEN';
    expect(rows({ forwards: true, hint })).toEqual(hint.split('\n'));
    const narrow = rows({ forwards: true, hint }, { width: 30 });
    expect(narrow.join(' ').replace(/\s+/g, ' ')).toBe(hint.replace(/\s+/g, ' '));
    for (const row of narrow) expect(displayWidth(row)).toBeLessThanOrEqual(30);
  });

  it('says the lines are still to come, and which sources cannot be read', () => {
    expect(rows({ forwards: true }, { width: 300 })).toEqual([expect.stringContaining('no lines read back yet')]);
    for (const row of rows({ forwards: true }, { width: 40 })) expect(displayWidth(row)).toBeLessThanOrEqual(40);
    expect(rows({ forwards: true }, { width: 300 })[0]).not.toContain('not readable');
    const [waiting] = rows({ forwards: true, unreadable: 'datadog (no read key)' }, { width: 300 });
    expect(waiting).toContain('not readable now: datadog (no read key)');
  });

  it('has nothing to add for a function that does not forward', () => {
    expect(
      forwardedRows(
        { lines: [], forwards: false, orphan: false },
        { width: 80, wrap: false, timestamps: false, highlight: noRanges },
      ),
    ).toBeUndefined();
  });

  it('takes the place of the generic hint under the record notice, which stays', () => {
    const notice = `${new Date(T0).toISOString()} stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.`;
    const record = activation(1, T0);
    const options = { timestamps: false, highlight: noRanges, lookup: () => undefined };
    const forwarded = [[segment('[papertrail] hello')]];
    const shown = logRows(record, [notice, 'after'], { ...options, forwarded })
      .slice()
      .map(text);
    expect(shown).toEqual([expect.stringContaining('Logs will be written'), '[papertrail] hello', 'after']);
    expect(logRows(record, [notice], options).slice().map(text)[1]).toContain(FORWARDING_HINT);
    // No notice in the record: the forwarded rows follow its lines.
    expect(
      logRows(record, ['plain'], { ...options, forwarded })
        .slice()
        .map(text),
    ).toEqual(['plain', '[papertrail] hello']);
  });
});

describe('entries without a record in the list', () => {
  it('merges them into the newest-first list by time, and keeps both arrays as they are', () => {
    const store = [activation(1, T0 + 3000), activation(2, T0 + 1000)];
    const orphans = [entry(10, T0), entry(11, T0 + 2000)];
    const merged = withOrphans(store, orphans, () => false);
    expect(merged.map((row) => row.id)).toEqual([hexId(1), hexId(11), hexId(2), hexId(10)]);
    expect(withOrphans(store, orphans, () => false)).toBe(merged);
    expect(withOrphans(store, [], () => false)).toBe(store);
    expect(store).toHaveLength(2);
  });

  it('leaves out an entry whose record the store holds meanwhile', () => {
    const merged = withOrphans([activation(1, T0)], [entry(10, T0 - 5)], (id) => id === hexId(10));
    expect(merged.map((row) => row.id)).toEqual([hexId(1)]);
  });

  it('makes one row per entry, the same while its lines are unchanged, searchable by its messages', () => {
    const first = entry(10, T0, 'api/webhook', ['received push event']);
    const row = orphanRow(first);
    expect(orphanRow({ ...first })).toBe(row);
    expect(orphanEntryOf(row)?.activationId).toBe(hexId(10));
    expect(orphanEntryOf(activation(1, T0))).toBeUndefined();
    expect(row).toMatchObject({ fn: 'api/webhook', name: 'webhook', package: 'api', start: T0, full: true });
    expect(row.raw).toMatchObject({ activationId: hexId(10), activationRecord: false, function: 'api/webhook' });
  });

  it('filters them by function, time and text, but never by a status they do not have', () => {
    const row = orphanRow(entry(12, T0, 'api/webhook', ['received push event']));
    const passes = (state: FilterState) => streamPredicate(state)?.(row) ?? true;
    const typed = (query: string) => withText(INITIAL_FILTER, query).state;
    expect(passes(INITIAL_FILTER)).toBe(true);
    expect(passes(typed('fn:api/webhook'))).toBe(true);
    expect(passes(typed('fn:billing/*'))).toBe(false);
    expect(passes(typed('push'))).toBe(true);
    expect(passes(typed('nothing-like-it'))).toBe(false);
    expect(passes(typed('status:success'))).toBe(false);
    expect(passes(typed('cold:no'))).toBe(false);
    expect(passes({ ...INITIAL_FILTER, status: 'failed' })).toBe(false);
    expect(passes({ ...INITIAL_FILTER, functions: new Set(['api/webhook']) })).toBe(true);
    expect(passes({ ...INITIAL_FILTER, since: T0 + 1 })).toBe(false);
    // Real activations are filtered as before.
    expect(streamPredicate(typed('status:success'))?.(activation(1, T0))).toBe(true);
  });

  it('shows a row as `∅ no record`, exactly the list width', () => {
    const columns = listColumns(100, 'relative');
    const shown = text(
      activationRow(orphanRow(entry(13, T0)), columns, {
        selected: false,
        now: T0 + 5000,
        timeFormat: 'relative',
        highlight: noRanges,
      }),
    );
    expect(shown).toMatch(/5s ago\s+∅ no record api\/webhook\s+–/);
    expect(shown).not.toMatch(/warm|cold|success/);
    expect(displayWidth(shown)).toBe(100);
  });

  it('explains in the detail pane what the entry is', () => {
    const lines = orphanDetailLines(entry(14, T0, 'api/webhook', ['a', 'b']), T0 + 60_000, 60).map(text);
    expect(lines[0]).toBe('∅ no activation record  api/webhook');
    expect(lines).toContain(`id         ${hexId(14)}`);
    expect(lines.join('\n')).toContain('2 forwarded, read from papertrail');
    expect(lines.join(' ')).toContain('web invocation');
    const prose = lines.slice(lines.indexOf('') + 1);
    expect(prose.length).toBeGreaterThan(1);
    for (const line of prose) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});

describe('source health in the header', () => {
  const base = { intervalMs: 3000, consecutiveErrors: 0, rateLimited: false, lines: 0, polls: 1 };
  const live: SourceHealth = { ...base, source: 'papertrail', state: 'live' };
  const backingOff: SourceHealth = {
    ...base,
    source: 'datadog',
    state: 'backing-off',
    nextPollAt: T0 + 12_000,
    lastError: { kind: 'server', message: 'HTTP 503', at: T0 },
  };
  const auth: SourceHealth = {
    ...base,
    source: 'betterstack',
    state: 'error',
    lastError: { kind: 'auth', message: 'authentication failed', at: T0 },
  };
  const shown = (room: number, healths = [live, backingOff, auth]) => text(sourceHealthSegments(healths, T0, room));

  it('says each source’s state in full when there is room', () => {
    expect(shown(200)).toBe('papertrail ● live  datadog ◐ backing off 12s  betterstack ✗ auth');
  });

  it('goes compact, then keeps the sources in trouble, then gives up', () => {
    expect(shown(50)).toBe('papertrail ●  datadog ◐ 12s  betterstack ✗ auth');
    expect(shown(35)).toBe('datadog ◐ 12s  betterstack ✗ auth');
    expect(shown(18)).toBe('betterstack ✗ auth');
    expect(shown(5)).toBe('');
  });

  it('names the sources that cannot be read and the rate-limited ones', () => {
    const unconfigured: SourceHealth = { ...base, source: 'datadog', state: 'unconfigured', intervalMs: 0 };
    expect(shown(200, [unconfigured])).toBe('datadog ○ no read key');
    expect(shown(200, [{ ...live, rateLimited: true }])).toBe('papertrail ● rate-limited');
    expect(shown(200, [{ ...live, state: 'starting' }])).toBe('papertrail ◌ connecting');
  });

  it('puts them at the right edge of a line, taking the briefer left side when it lets more show', () => {
    const full = [segment('x'.repeat(60))];
    const brief = [segment('x'.repeat(10))];
    const line = text(withSourceHealth([full, brief], [live], T0, 80));
    expect(line).toBe(`${'x'.repeat(60)}${' '.repeat(3)}papertrail ● live`);
    expect(text(withSourceHealth([full, brief], [live, backingOff, auth], T0, 80))).toMatch(
      /^x{10} +papertrail ● live {2}datadog ◐ backing off 12s {2}betterstack ✗ auth$/,
    );
    expect(text(withSourceHealth([full], [], T0, 80))).toBe('x'.repeat(60));
  });
});
