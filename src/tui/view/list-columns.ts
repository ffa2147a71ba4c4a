// The activation list's columns: which fit the width, and one styled line per activation.
// The function column takes what is left; optional columns drop out (wait, then cold, then id)
// before it gets narrower than MIN_FUNCTION_WIDTH.
import { nearTimeout, shortId, SHORT_ID_LENGTH, type Activation } from '../../core/activation.js';
import { formatDuration } from '../../core/duration.js';
import { displayWidth, padToWidth, sanitize } from '../../core/logline.js';
import {
  DIFF_MARK,
  MATCH_STYLE,
  NEAR_TIMEOUT_MARK,
  RERUN_MARK,
  SELECTED_MARK,
  STATUS_LOOK,
  type StatusLook,
} from '../theme.js';
import { NO_RECORD_LOOK, orphanEntryOf } from './orphan-rows.js';
import { highlightSegments, segment, truncateLine, type Segment } from './styled-line.js';
import { listTime, type TimeFormat } from './time-format.js';

export type OptionalColumn = 'id' | 'cold' | 'wait';

export interface ListColumns {
  width: number;
  time: number;
  fn: number;
  /** Shown optional columns, in display order. */
  optional: readonly OptionalColumn[];
}

const MARK_WIDTH = 2;
const STATUS_WIDTH = 11; // '✗ app error'
const DURATION_WIDTH = 8; // '15m00s ⚠'
const OPTIONAL_WIDTH: Readonly<Record<OptionalColumn, number>> = { cold: 4, wait: 6, id: SHORT_ID_LENGTH };
const MIN_FUNCTION_WIDTH = 16;
const GAP = 1;
/** Optional columns from the one dropped last to the one dropped first. */
const KEEP_ORDER: readonly OptionalColumn[] = ['id', 'cold', 'wait'];
const DISPLAY_ORDER: readonly OptionalColumn[] = ['cold', 'wait', 'id'];

export function listColumns(width: number, timeFormat: TimeFormat): ListColumns {
  const time = timeFormat === 'relative' ? 8 : 12;
  const fixed = MARK_WIDTH + time + GAP + STATUS_WIDTH + GAP + GAP + DURATION_WIDTH;
  const kept: OptionalColumn[] = [];
  let used = fixed;
  for (const column of KEEP_ORDER) {
    const extra = GAP + OPTIONAL_WIDTH[column];
    if (width - used - extra < MIN_FUNCTION_WIDTH) break;
    kept.push(column);
    used += extra;
  }
  return {
    width,
    time,
    fn: Math.max(1, width - used),
    optional: DISPLAY_ORDER.filter((column) => kept.includes(column)),
  };
}

const HEADINGS: Readonly<Record<OptionalColumn, string>> = { cold: 'COLD', wait: 'WAIT', id: 'ID' };

export function headingLine(columns: ListColumns): Segment[] {
  let text = ' '.repeat(MARK_WIDTH) + padToWidth('TIME', columns.time) + ' ' + padToWidth('STATUS', STATUS_WIDTH);
  text += ' ' + padToWidth('FUNCTION', columns.fn) + ' ' + 'DURATION'.padStart(DURATION_WIDTH);
  for (const column of columns.optional) {
    const heading = HEADINGS[column];
    text +=
      ' ' + (column === 'wait' ? heading.padStart(OPTIONAL_WIDTH.wait) : padToWidth(heading, OPTIONAL_WIDTH[column]));
  }
  return truncateLine([segment(text, { bold: true, dim: true })], columns.width);
}

export interface RowOptions {
  selected: boolean;
  now: number;
  timeFormat: TimeFormat;
  /** [start, end) ranges of the filter's matches in the sanitised function name. */
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  /** The activation this one re-ran, when fnmon started it: marked after the function name. */
  rerunOf?: string;
  /** Marked for the diff (m): a mark beside the selection mark. */
  marked?: boolean;
}

/** Exactly `columns.width` columns, so every row is one terminal line. */
export function activationRow(activation: Activation, columns: ListColumns, options: RowOptions): Segment[] {
  // A forwarded-log entry without a record has no status: it says so instead.
  const look = orphanEntryOf(activation) ? NO_RECORD_LOOK : STATUS_LOOK[activation.status];
  const parts: Segment[] = [
    segment(options.selected ? SELECTED_MARK : ' ', { color: 'cyan', bold: true }),
    segment(options.marked ? DIFF_MARK : ' ', { color: 'magenta', bold: true }),
    segment(padToWidth(listTime(activation.start, options.now, options.timeFormat), columns.time), { dim: true }),
    segment(' '),
    segment(statusCell(look), { color: look.color }),
    segment(' '),
    ...functionCell(activation, columns.fn, options),
    segment(' '),
    ...durationCell(activation),
  ];
  for (const column of columns.optional) parts.push(segment(' '), optionalCell(activation, column));
  const row = truncateLine(parts, columns.width);
  return options.selected ? row.map((part) => ({ ...part, inverse: true })) : row;
}

const statusCells = new Map<StatusLook, string>();

/** `✓ success` padded to its column: the same few strings for every row, so made once each. */
function statusCell(look: StatusLook): string {
  let cell = statusCells.get(look);
  if (cell === undefined) {
    cell = padToWidth(`${look.glyph} ${look.word}`, STATUS_WIDTH);
    statusCells.set(look, cell);
  }
  return cell;
}

/** The function name (filter matches highlighted), then the re-run mark, in `width` columns. */
function functionCell(activation: Activation, width: number, options: RowOptions): Segment[] {
  const name = sanitize(activation.fn);
  const mark = rerunMark(name, width, options.rerunOf);
  const cell = padToWidth(name + mark, width);
  const shownName = cell.slice(0, Math.min(name.length, cell.length));
  const rest = cell.slice(shownName.length);
  return [
    ...highlightSegments(shownName, options.highlight(shownName), {}, MATCH_STYLE),
    segment(rest, mark === '' ? {} : { color: 'cyan', bold: true }),
  ];
}

/** ` ↻ re-run of 1a2b3c4d` where it fits after the name, else the short ` ↻ 1a2b3c4d`. */
function rerunMark(name: string, width: number, rerunOf: string | undefined): string {
  if (rerunOf === undefined) return '';
  const short = sanitize(shortId(rerunOf));
  const full = ` ${RERUN_MARK} re-run of ${short}`;
  return displayWidth(name + full) <= width ? full : ` ${RERUN_MARK} ${short}`;
}

function durationCell(activation: Activation): Segment[] {
  const text = activation.duration === undefined ? '–' : formatDuration(activation.duration);
  if (!nearTimeout(activation)) return [segment(text.padStart(DURATION_WIDTH))];
  return [
    segment(`${text} `.padStart(DURATION_WIDTH - 1)),
    segment(NEAR_TIMEOUT_MARK, { color: 'yellow', bold: true }),
  ];
}

function optionalCell(activation: Activation, column: OptionalColumn): Segment {
  switch (column) {
    case 'cold':
      if (orphanEntryOf(activation)) return segment(padToWidth('–', OPTIONAL_WIDTH.cold), { dim: true });
      return activation.cold ? segment('cold', { color: 'cyan' }) : segment('warm', { dim: true });
    case 'wait': {
      const text = activation.waitTime === undefined ? '–' : formatDuration(activation.waitTime);
      return segment(text.padStart(OPTIONAL_WIDTH.wait), { dim: true });
    }
    case 'id':
      return segment(padToWidth(sanitize(shortId(activation.id)), OPTIONAL_WIDTH.id), { dim: true });
  }
}
