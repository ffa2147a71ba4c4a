// Windowing math for every scrollable pane: which slice of a long list is on screen. O(1), so a
// key press costs the same with ten rows or a hundred thousand.

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** The largest valid top line: the last page shows full when the content is long enough. */
export function maxTop(length: number, height: number): number {
  return Math.max(0, length - height);
}

/**
 * First visible index for a selection at `index` that wants to sit on screen row `row`: the row
 * is kept while items arrive above it, and the window never scrolls past either end.
 */
export function windowTop(index: number, row: number, height: number, length: number): number {
  if (height <= 0 || length === 0) return 0;
  return clamp(index - clamp(row, 0, height - 1), 0, maxTop(length, height));
}

export type Motion = 'down' | 'up' | 'page-down' | 'page-up' | 'top' | 'bottom';

/** A scroll offset after a motion, for panes without a cursor (detail, logs, help). */
export function scrollBy(top: number, motion: Motion, height: number, length: number): number {
  const page = Math.max(1, height - 1);
  const next = (() => {
    switch (motion) {
      case 'down':
        return top + 1;
      case 'up':
        return top - 1;
      case 'page-down':
        return top + page;
      case 'page-up':
        return top - page;
      case 'top':
        return 0;
      case 'bottom':
        return maxTop(length, height);
    }
  })();
  return clamp(next, 0, maxTop(length, height));
}

/** Cursor index and its screen row after a motion in a list of `length` items. */
export function moveCursor(
  index: number,
  row: number,
  motion: Motion,
  height: number,
  length: number,
): { index: number; row: number } {
  if (length === 0) return { index: 0, row: 0 };
  const last = length - 1;
  const page = Math.max(1, height - 1);
  const lastRow = Math.max(0, height - 1);
  switch (motion) {
    case 'down':
      return { index: clamp(index + 1, 0, last), row: clamp(row + 1, 0, lastRow) };
    case 'up':
      return { index: clamp(index - 1, 0, last), row: clamp(row - 1, 0, lastRow) };
    case 'page-down':
      return { index: clamp(index + page, 0, last), row };
    case 'page-up':
      return { index: clamp(index - page, 0, last), row };
    case 'top':
      return { index: 0, row: 0 };
    case 'bottom':
      return { index: last, row: lastRow };
  }
}
