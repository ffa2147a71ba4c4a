// The insight views' UI state and its reducer: the stats view's window, sort and selection, the
// fingerprint list's selection, the marked activations and the open diff. Selections are held by key
// (function name, fingerprint pattern) so they stay on their row while the rows re-sort or arrive.
// Actions that leave a view for the list (filter to a function, open a failure) change the monitor's
// state too, so this reduces the whole UiState, like dialog-actions.ts.
import type { Activation } from '../../core/activation.js';
import { defaultDirection, type StatsColumnId } from '../../core/stats-columns.js';
import { STATS_WINDOWS_MS } from '../../core/stats.js';
import { clamp, moveCursor, scrollBy, type Motion } from '../view/window.js';
import { cursorAt, locate, INITIAL_CURSOR } from './cursor.js';
import { withText } from './filter-state.js';
import { nextMessage } from './message.js';
import type { UiState } from './ui-state.js';

/** A selection in a keyed list: `key` when known, `index` as the fallback, `row` on screen. */
export interface KeyedSelection {
  key?: string;
  index: number;
  row: number;
}

export interface StatsViewState {
  /** Index into STATS_WINDOWS_MS. */
  windowIndex: number;
  sort: StatsColumnId;
  direction: 'asc' | 'desc';
  selection: KeyedSelection;
}

export interface DiffViewState {
  /** The older activation on the left, the newer on the right. */
  left: string;
  right: string;
  top: number;
}

export interface InsightsState {
  stats: StatsViewState;
  fingerprints: KeyedSelection;
  /** Marked activation ids, in the order they were marked. */
  marked: readonly string[];
  diff?: DiffViewState;
}

const TOP: KeyedSelection = { index: 0, row: 0 };
/** 15 minutes: the history the monitor opens with, so at first the stats count what the list shows. */
const DEFAULT_WINDOW_INDEX = STATS_WINDOWS_MS.indexOf(900_000);
/** The row a failure opened from the fingerprints lands on: a little context above it. */
const JUMP_ROW = 2;

export const INITIAL_INSIGHTS: InsightsState = {
  stats: { windowIndex: DEFAULT_WINDOW_INDEX, sort: 'calls', direction: 'desc', selection: TOP },
  fingerprints: TOP,
  marked: [],
};

export type InsightAction =
  | { kind: 'open'; view: 'stats' | 'fingerprints' }
  | { kind: 'close' }
  | { kind: 'move'; motion: Motion; keys: readonly string[]; height: number }
  | { kind: 'scroll-diff'; motion: Motion; height: number; length: number }
  | { kind: 'stats-window' }
  /** `columns`: the ones shown, in order; the sort moves to the next of them. */
  | { kind: 'stats-sort'; columns: readonly StatsColumnId[] }
  | { kind: 'stats-reverse' }
  | { kind: 'toggle-mark'; id: string }
  | { kind: 'open-diff'; left: string; right: string }
  | { kind: 'filter-function'; fn: string }
  | { kind: 'show-activation'; id: string; start: number; list: readonly Activation[] };

export function insightsUiReducer(state: UiState, action: InsightAction): UiState {
  const insights = state.insights;
  switch (action.kind) {
    case 'open':
      return { ...state, mode: action.view };
    case 'close': {
      const { diff: _diff, ...rest } = insights;
      return { ...state, mode: 'normal', insights: rest };
    }
    case 'move':
      return withInsights(state, moveSelection(insights, state.mode, action));
    case 'scroll-diff':
      if (!insights.diff) return state;
      return withInsights(state, {
        ...insights,
        diff: { ...insights.diff, top: scrollBy(insights.diff.top, action.motion, action.height, action.length) },
      });
    case 'stats-window': {
      const windowIndex = (insights.stats.windowIndex + 1) % STATS_WINDOWS_MS.length;
      return withInsights(state, { ...insights, stats: { ...insights.stats, windowIndex } });
    }
    case 'stats-sort': {
      const sort = nextColumn(action.columns, insights.stats.sort);
      return withInsights(state, {
        ...insights,
        stats: { ...insights.stats, sort, direction: defaultDirection(sort) },
      });
    }
    case 'stats-reverse': {
      const direction = insights.stats.direction === 'asc' ? 'desc' : 'asc';
      return withInsights(state, { ...insights, stats: { ...insights.stats, direction } });
    }
    case 'toggle-mark': {
      const marked = insights.marked.includes(action.id)
        ? insights.marked.filter((id) => id !== action.id)
        : [...insights.marked, action.id];
      return withInsights(state, { ...insights, marked });
    }
    case 'open-diff':
      return {
        ...state,
        mode: 'diff',
        insights: { ...insights, diff: { left: action.left, right: action.right, top: 0 } },
      };
    case 'filter-function':
      return filterToFunction(state, action.fn);
    case 'show-activation':
      return showActivation(state, action);
  }
}

/** Where the selection of a keyed list is now: its key's index, else the last index it had. */
export function selectedKeyIndex(keys: readonly string[], selection: KeyedSelection): number {
  if (keys.length === 0) return 0;
  const byKey = selection.key === undefined ? -1 : keys.indexOf(selection.key);
  return byKey >= 0 ? byKey : clamp(selection.index, 0, keys.length - 1);
}

function withInsights(state: UiState, insights: InsightsState): UiState {
  return { ...state, insights };
}

function moveSelection(
  insights: InsightsState,
  mode: UiState['mode'],
  action: Extract<InsightAction, { kind: 'move' }>,
): InsightsState {
  const current = mode === 'stats' ? insights.stats.selection : insights.fingerprints;
  const from = selectedKeyIndex(action.keys, current);
  const moved = moveCursor(
    from,
    Math.min(current.row, action.height - 1),
    action.motion,
    action.height,
    action.keys.length,
  );
  const selection = { key: action.keys[moved.index], index: moved.index, row: moved.row };
  if (mode === 'stats') return { ...insights, stats: { ...insights.stats, selection } };
  return { ...insights, fingerprints: selection };
}

function nextColumn(columns: readonly StatsColumnId[], current: StatsColumnId): StatsColumnId {
  const index = columns.indexOf(current);
  return columns[(index + 1) % columns.length] ?? current;
}

/**
 * The list, filtered to one function: the typed filter becomes `fn:<pkg/fn>` (a name with a space
 * cannot be typed as one term, so it goes to the function picker's set instead), newest selected.
 */
function filterToFunction(state: UiState, fn: string): UiState {
  const typeable = !/\s/.test(fn);
  const cleared = { ...state.filter, functions: new Set<string>() };
  const filter = typeable
    ? withText(cleared, `fn:${fn}`).state
    : { ...withText(cleared, '').state, functions: new Set([fn]) };
  const text = typeable ? `filter fn:${fn} (Esc clears it)` : `showing only ${fn} (Esc clears it)`;
  return {
    ...state,
    mode: 'normal',
    focus: 'list',
    filter,
    follow: true,
    cursor: INITIAL_CURSOR,
    message: nextMessage(state.message, text, 'info'),
  };
}

/** Selects one activation in the list and opens its detail, when the list shows it. */
function showActivation(state: UiState, action: Extract<InsightAction, { kind: 'show-activation' }>): UiState {
  const wanted = { id: action.id, start: action.start, index: 0, row: 0, pinned: true };
  const index = locate(action.list, wanted);
  if (action.list[index]?.id !== action.id) {
    const text = 'that failure is not in the list: a filter or a pause hides it (Esc in the list clears filters)';
    return { ...state, message: nextMessage(state.message, text, 'error') };
  }
  const row = Math.min(index, JUMP_ROW);
  return {
    ...state,
    mode: 'normal',
    focus: 'detail',
    secondary: 'detail',
    follow: false,
    cursor: cursorAt(action.list, index, row),
  };
}
