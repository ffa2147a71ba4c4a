// The insight views' reducer: pure state steps for the stats view, the fingerprint list, marks, the
// diff, and leaving a view for the list (filter to a function, open a failure).
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import { matches } from '../../src/core/filter.js';
import type { InsightAction } from '../../src/tui/state/insights-state.js';
import { initialState, uiReducer, type UiState } from '../../src/tui/state/ui-state.js';
import { fullRecord, generatedRecords, hexId } from './data.js';

const reduce = (state: UiState, ...actions: InsightAction[]) =>
  actions.reduce((current, action) => uiReducer(current, { type: 'insights', action }), state);

describe('the stats view state', () => {
  it('cycles the window from 15 min through 60, 1 and 5, and the sort through the shown columns', () => {
    const state = reduce(initialState(), { kind: 'open', view: 'stats' });
    expect(state.mode).toBe('stats');
    expect(state.insights.stats).toMatchObject({ windowIndex: 2, sort: 'calls', direction: 'desc' });
    const windows = [1, 2, 3, 4].map((n) => reduce(state, ...Array(n).fill({ kind: 'stats-window' })));
    expect(windows.map((next) => next.insights.stats.windowIndex)).toEqual([3, 0, 1, 2]);

    const sort = { kind: 'stats-sort', columns: ['function', 'calls', 'errors'] } as const;
    const byErrors = reduce(state, sort);
    expect(byErrors.insights.stats).toMatchObject({ sort: 'errors', direction: 'desc' });
    const byName = reduce(byErrors, sort);
    expect(byName.insights.stats).toMatchObject({ sort: 'function', direction: 'asc' });
    expect(reduce(byName, { kind: 'stats-reverse' }).insights.stats.direction).toBe('desc');
  });

  it('keeps the selection on its function while the rows re-sort', () => {
    const state = reduce(
      initialState(),
      { kind: 'open', view: 'stats' },
      { kind: 'move', motion: 'down', keys: ['a', 'b', 'c'], height: 10 },
    );
    expect(state.insights.stats.selection).toEqual({ key: 'b', index: 1, row: 1 });
    const moved = reduce(state, { kind: 'move', motion: 'down', keys: ['c', 'a', 'b'], height: 10 });
    expect(moved.insights.stats.selection.key).toBe('b'); // it was last: it stays there
    expect(
      reduce(moved, { kind: 'move', motion: 'up', keys: ['c', 'a', 'b'], height: 10 }).insights.stats.selection.key,
    ).toBe('a');
  });

  it('filters the list to a function: fn:<pkg/fn>, or the function set for a name with a space', () => {
    const picked = { ...initialState(), filter: { ...initialState().filter, functions: new Set(['other']) } };
    const state = reduce(picked, { kind: 'open', view: 'stats' }, { kind: 'filter-function', fn: 'billing/charge' });
    expect(state).toMatchObject({ mode: 'normal', focus: 'list', follow: true });
    expect(state.filter.text).toBe('fn:billing/charge');
    expect(state.filter.functions.size).toBe(0);
    expect(state.message?.text).toBe('filter fn:billing/charge (Esc clears it)');
    const charge = normaliseActivation(fullRecord({ id: hexId(1), fn: 'billing/charge', start: 1 }))!;
    expect(matches(state.filter.filter, charge)).toBe(true);

    const spaced = reduce(initialState(), { kind: 'filter-function', fn: 'my pkg/a fn' });
    expect(spaced.filter.text).toBe('');
    expect([...spaced.filter.functions]).toEqual(['my pkg/a fn']);
  });
});

describe('marks and the diff', () => {
  it('toggles marks in order and opens and closes the diff', () => {
    const marked = reduce(
      initialState(),
      { kind: 'toggle-mark', id: 'a' },
      { kind: 'toggle-mark', id: 'b' },
      { kind: 'toggle-mark', id: 'c' },
      { kind: 'toggle-mark', id: 'a' },
    );
    expect(marked.insights.marked).toEqual(['b', 'c']);
    const open = reduce(marked, { kind: 'open-diff', left: 'b', right: 'c' });
    expect(open.mode).toBe('diff');
    const scrolled = reduce(open, { kind: 'scroll-diff', motion: 'page-down', height: 10, length: 50 });
    expect(scrolled.insights.diff).toEqual({ left: 'b', right: 'c', top: 9 });
    const closed = reduce(scrolled, { kind: 'close' });
    expect(closed.mode).toBe('normal');
    expect(closed.insights.diff).toBeUndefined();
    expect(closed.insights.marked).toEqual(['b', 'c']);
  });
});

describe('opening a failure from the fingerprints', () => {
  const list = generatedRecords(30, 1_000_000).map((record) => normaliseActivation(record)!);

  it('selects it in the list with a little context above, and opens its detail', () => {
    const target = list[20]!;
    const state = reduce(
      initialState(),
      { kind: 'open', view: 'fingerprints' },
      { kind: 'show-activation', id: target.id, start: target.start, list },
    );
    expect(state).toMatchObject({ mode: 'normal', focus: 'detail', follow: false });
    expect(state.cursor).toMatchObject({ id: target.id, index: 20, row: 2 });
  });

  it('says so when a filter or a pause hides it', () => {
    const hidden = normaliseActivation(fullRecord({ id: hexId(999), fn: 'x', start: 5 }))!;
    const state = reduce(
      { ...initialState(), mode: 'fingerprints' },
      { kind: 'show-activation', id: hidden.id, start: hidden.start, list },
    );
    expect(state.mode).toBe('fingerprints');
    expect(state.message?.tone).toBe('error');
  });
});
