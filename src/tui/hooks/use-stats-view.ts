// The stats view's data while it is open: the collector's window (memoised there per count and
// bucket), sorted as the view asks, with the columns that fit the width. Recomputed when the store
// changes (a delivery) or the clock ticks (the window slides), never per key press.
import { useMemo } from 'react';
import type { Insights } from '../../core/insights.js';
import { sortStats } from '../../core/stats-columns.js';
import { STATS_WINDOWS_MS, type FunctionStats, type StatsWindow } from '../../core/stats.js';
import type { StatsViewState } from '../state/insights-state.js';
import { statsTableColumns, type StatsTableColumns } from '../view/stats-table.js';

export interface StatsView {
  window: StatsWindow;
  /** Sorted as the view state asks. */
  rows: readonly FunctionStats[];
  /** The rows' function names, in order: the keys the selection moves over. */
  keys: readonly string[];
  columns: StatsTableColumns;
}

export function useStatsView(
  insights: Insights,
  view: StatsViewState,
  open: boolean,
  width: number,
  now: number,
  version: number,
): StatsView | undefined {
  const columns = useMemo(() => statsTableColumns(width), [width]);
  const windowMs = STATS_WINDOWS_MS[view.windowIndex] ?? STATS_WINDOWS_MS[0]!;
  // `version` says the store (and so the collector) changed; the collector memoises per count.
  const window = useMemo(
    () => (open ? insights.stats.window(windowMs, { now, points: columns.seriesWidth }) : undefined),
    [open, insights, windowMs, now, columns.seriesWidth, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return useMemo(() => {
    if (!window) return undefined;
    const rows = sortStats(window.rows, view.sort, view.direction);
    return { window, rows, keys: rows.map((row) => row.fn), columns };
  }, [window, view.sort, view.direction, columns]);
}
