// The list selection. It is held by activation id, so it stays on the same activation while new
// ones arrive above it; `index` is where it was last seen (a hint, and the fallback when the
// activation leaves the list) and `row` the screen row it sits on. Finding it again is a binary
// search by start time over the newest-first list: O(log n) per frame, never a scan.
// While the window shows the top of the list (`pinned`), arrivals appear above the selection and
// push it down; once scrolled into the list, the selection keeps its row and the view holds still.
import type { Activation } from '../../core/activation.js';
import { clamp, moveCursor, windowTop, type Motion } from '../view/window.js';

export interface Cursor {
  id?: string;
  /** Start time of the selected activation: the key the list is ordered by. */
  start?: number;
  index: number;
  row: number;
  /** The window starts at the newest activation. */
  pinned: boolean;
}

export const INITIAL_CURSOR: Cursor = { index: 0, row: 0, pinned: true };

/** Index of the selection in `list` (newest start first), or the nearest valid index. */
export function locate(list: readonly Activation[], cursor: Cursor): number {
  if (list.length === 0) return 0;
  const hint = clamp(cursor.index, 0, list.length - 1);
  if (cursor.id === undefined || cursor.start === undefined) return hint;
  if (list[hint]?.id === cursor.id) return hint;
  for (let i = firstAtOrBefore(list, cursor.start); i < list.length && list[i]?.start === cursor.start; i++) {
    if (list[i]?.id === cursor.id) return i;
  }
  return hint;
}

/** First index whose start is <= `start` in a list sorted by start descending. */
function firstAtOrBefore(list: readonly Activation[], start: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.start > start) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function cursorAt(list: readonly Activation[], index: number, row: number, pinned = row >= index): Cursor {
  const activation = list[index];
  return activation ? { id: activation.id, start: activation.start, index, row, pinned } : { index, row, pinned };
}

export function moveIn(list: readonly Activation[], cursor: Cursor, motion: Motion, height: number): Cursor {
  const from = locate(list, cursor);
  const moved = moveCursor(from, Math.min(screenRow(cursor, from), height - 1), motion, height, list.length);
  return cursorAt(list, moved.index, moved.row, windowTop(moved.index, moved.row, height, list.length) === 0);
}

/** The row the selection wants: under a pinned window, its distance from the top. */
export function screenRow(cursor: Cursor, index: number): number {
  return cursor.pinned ? index : cursor.row;
}

/** The selected activation: the newest when following, else the one the cursor is on. */
export function selectedIndex(list: readonly Activation[], cursor: Cursor, follow: boolean): number {
  return follow ? 0 : locate(list, cursor);
}
