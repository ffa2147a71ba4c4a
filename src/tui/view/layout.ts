// Where each pane goes for a terminal size. Side by side (list | detail over logs) when wide,
// stacked (list over detail or logs) when narrow, a message when too small. Heights add up to the
// terminal's rows exactly, so the frame is never taller than the terminal.
import type { Focus } from '../keymap.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;
export const WIDE_COLUMNS = 140;
export const HEADER_HEIGHT = 2;

export interface PaneBox {
  width: number;
  /** Rows including the pane's title line. */
  height: number;
}

export type SecondaryPane = 'detail' | 'logs';

export type Layout =
  | { kind: 'too-small'; columns: number; rows: number }
  | {
      kind: 'wide' | 'narrow';
      columns: number;
      rows: number;
      footerHeight: number;
      /** The area between header and footer (help and the function picker take all of it). */
      body: PaneBox;
      list: PaneBox;
      detail?: PaneBox;
      logs?: PaneBox;
    };

export function computeLayout(
  columns: number,
  rows: number,
  focus: Focus,
  secondary: SecondaryPane,
  footerHeight: number,
): Layout {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'too-small', columns, rows };
  const body = { width: columns, height: rows - HEADER_HEIGHT - footerHeight };
  if (columns >= WIDE_COLUMNS) {
    const listWidth = Math.floor(columns / 2);
    const rightWidth = columns - listWidth - 1; // one column for the separator
    // The focused one of detail and logs gets the larger share.
    const logsShare = focus === 'logs' ? 0.6 : 0.4;
    const logsHeight = Math.max(3, Math.round(body.height * logsShare));
    return {
      kind: 'wide',
      columns,
      rows,
      footerHeight,
      body,
      list: { width: listWidth, height: body.height },
      detail: { width: rightWidth, height: body.height - logsHeight },
      logs: { width: rightWidth, height: logsHeight },
    };
  }
  // The focused part gets the larger share: the list while browsing, the pane below while reading.
  const listHeight = Math.max(5, Math.floor(body.height * (focus === 'list' ? 0.5 : 0.35)));
  const lower = { width: columns, height: body.height - listHeight };
  return {
    kind: 'narrow',
    columns,
    rows,
    footerHeight,
    body,
    list: { width: columns, height: listHeight },
    ...(secondary === 'detail' ? { detail: lower } : { logs: lower }),
  };
}
