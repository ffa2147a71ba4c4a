// The stats view's table: which columns fit the width, the heading, and one styled line per function.
// Columns are taken by priority while they fit beside a function column of MIN_FUNCTION_WIDTH, so
// the ones people read least drop out first; room for longer names ranks among them. What is left
// widens the names, then the sparklines. The two sparklines (calls and failures over the window,
// oldest left) share one scale per row, so errors read against traffic.
import { displayWidth, padToWidth, truncateToWidth } from '../../core/logline.js';
import { sparkline } from '../../core/sparkline.js';
import { statsColumn, type StatsColumnId } from '../../core/stats-columns.js';
import type { FunctionStats } from '../../core/stats.js';
import { NEAR_TIMEOUT_MARK, SELECTED_MARK } from '../theme.js';
import { fitLine, segment, type Segment, type Style } from './styled-line.js';

export type SeriesId = 'rate' | 'failures';
export type TableColumnId = StatsColumnId | SeriesId;
/** The columns after the function's. */
export type ShownColumnId = Exclude<TableColumnId, 'function'>;
type NumberColumnId = Exclude<ShownColumnId, SeriesId>;

export interface StatsTableColumns {
  width: number;
  functionWidth: number;
  /** Width of each sparkline (also how many points the view asks the collector for). */
  seriesWidth: number;
  /** Shown columns after the function, in display order. */
  shown: readonly ShownColumnId[];
}

export interface StatsSort {
  column: StatsColumnId;
  direction: 'asc' | 'desc';
}

const GUTTER = 2;
const GAP = 1;
const MIN_FUNCTION_WIDTH = 14;
/** Room for most `pkg/fn` names, given before the sparklines grow. */
const ROOMY_FUNCTION_WIDTH = 26;
const MIN_SERIES_WIDTH = 8;
const MAX_SERIES_WIDTH = 30;
/** Widest cell of each number column; the heading (plus a sort arrow) may be wider. */
const CELL_WIDTH: Readonly<Record<NumberColumnId, number>> = {
  calls: 6,
  errors: 4,
  timeouts: 4,
  cold: 4,
  p50: 6,
  p95: 6,
  p99: 6,
  wait: 6,
  init: 6,
  gbs: 6,
  near: 5,
};
const SERIES_TITLE: Readonly<Record<SeriesId, string>> = { rate: 'RATE', failures: 'FAILURES' };
/** Room for the function names to grow to ROOMY_FUNCTION_WIDTH: wanted more than the rarer columns. */
const ROOM = 'room';
/** Kept first, dropped last. */
const PRIORITY: readonly (ShownColumnId | typeof ROOM)[] = [
  'calls',
  'errors',
  'p95',
  'rate',
  'p99',
  'p50',
  'failures',
  'cold',
  'near',
  'timeouts',
  ROOM,
  'gbs',
  'wait',
  'init',
];
const DISPLAY_ORDER: readonly ShownColumnId[] = [
  'calls',
  'errors',
  'timeouts',
  'cold',
  'p50',
  'p95',
  'p99',
  'wait',
  'init',
  'gbs',
  'near',
  'rate',
  'failures',
];

function isSeries(id: TableColumnId): id is SeriesId {
  return id === 'rate' || id === 'failures';
}

/** Without its gap; ROOM is the names' growth (no gap of its own, so one less). */
function columnWidth(id: ShownColumnId | typeof ROOM): number {
  if (id === ROOM) return ROOMY_FUNCTION_WIDTH - MIN_FUNCTION_WIDTH - GAP;
  if (isSeries(id)) return MIN_SERIES_WIDTH;
  return Math.max(CELL_WIDTH[id], statsColumn(id).title.length + 1);
}

/** The columns that fit `width`; spare room goes to the function names, then the sparklines. */
export function statsTableColumns(width: number): StatsTableColumns {
  const kept: (ShownColumnId | typeof ROOM)[] = [];
  let used = GUTTER + MIN_FUNCTION_WIDTH;
  for (const id of PRIORITY) {
    const extra = GAP + columnWidth(id);
    if (used + extra > width) continue;
    kept.push(id);
    used += extra;
  }
  // The names' room was counted in `used` when it fit; when it did not, they still get the rest first.
  const reserved = kept.includes(ROOM) ? ROOMY_FUNCTION_WIDTH - MIN_FUNCTION_WIDTH : 0;
  let spare = width - used;
  const namesGrowth = reserved > 0 ? 0 : Math.min(spare, ROOMY_FUNCTION_WIDTH - MIN_FUNCTION_WIDTH);
  spare -= namesGrowth;
  const seriesCount = kept.filter((id) => id !== ROOM && isSeries(id)).length;
  const seriesGrowth =
    seriesCount === 0 ? 0 : Math.min(MAX_SERIES_WIDTH - MIN_SERIES_WIDTH, Math.floor(spare / seriesCount));
  spare -= seriesGrowth * seriesCount;
  return {
    width,
    functionWidth: MIN_FUNCTION_WIDTH + reserved + namesGrowth + spare,
    seriesWidth: MIN_SERIES_WIDTH + seriesGrowth,
    shown: DISPLAY_ORDER.filter((id) => kept.includes(id)),
  };
}

/** The columns the sort key cycles through: the function and the shown number columns. */
export function sortableColumns(columns: StatsTableColumns): StatsColumnId[] {
  return ['function', ...columns.shown.filter((id): id is NumberColumnId => !isSeries(id))];
}

function cellWidth(id: TableColumnId, columns: StatsTableColumns): number {
  if (isSeries(id)) return columns.seriesWidth;
  return id === 'function' ? columns.functionWidth : columnWidth(id);
}

export function statsHeading(columns: StatsTableColumns, sort: StatsSort): Segment[] {
  const arrow = sort.direction === 'asc' ? '↑' : '↓';
  const title = (id: TableColumnId) =>
    isSeries(id) ? SERIES_TITLE[id] : `${statsColumn(id).title}${id === sort.column ? arrow : ''}`;
  const parts: Segment[] = [segment(' '.repeat(GUTTER)), heading(title('function'), 'function', columns, sort)];
  for (const id of columns.shown) parts.push(segment(' '), heading(title(id), id, columns, sort));
  return fitLine(parts, columns.width);
}

function heading(text: string, id: TableColumnId, columns: StatsTableColumns, sort: StatsSort): Segment {
  const width = cellWidth(id, columns);
  const aligned = id === 'function' || isSeries(id) ? padToWidth(text, width) : text.padStart(width);
  return segment(aligned, id === sort.column ? { bold: true, underline: true } : { bold: true, dim: true });
}

export interface StatsRowOptions {
  selected: boolean;
  /** Plain ASCII sparklines. */
  ascii: boolean;
}

/** Exactly `columns.width` columns. */
export function statsRow(row: FunctionStats, columns: StatsTableColumns, options: StatsRowOptions): Segment[] {
  const parts: Segment[] = [
    segment(options.selected ? `${SELECTED_MARK} ` : '  ', { color: 'cyan', bold: true }),
    ...functionCell(row, columns.functionWidth),
  ];
  const scale = Math.max(0, ...row.rate);
  for (const id of columns.shown) {
    parts.push(segment(' '));
    if (isSeries(id)) {
      const values = id === 'rate' ? row.rate : row.errors;
      const line = sparkline(values, { ascii: options.ascii, max: scale });
      parts.push(segment(padToWidth(line, columns.seriesWidth), { color: id === 'rate' ? 'cyan' : 'red' }));
    } else {
      parts.push(segment(statsColumn(id).cell(row).padStart(columnWidth(id)), numberStyle(id, row)));
    }
  }
  const line = fitLine(parts, columns.width);
  return options.selected ? line.map((part) => ({ ...part, inverse: true })) : line;
}

/** The name, and the near-limit flag after it where the NEAR% column may be cut off. */
function functionCell(row: FunctionStats, width: number): Segment[] {
  const name = statsColumn('function').cell(row);
  if (!row.oftenNearLimit) return [segment(padToWidth(name, width))];
  const flag = ` ${NEAR_TIMEOUT_MARK}`;
  const shownName = truncateToWidth(name, Math.max(0, width - displayWidth(flag)));
  const pad = ' '.repeat(Math.max(0, width - displayWidth(shownName) - displayWidth(flag)));
  return [segment(shownName), segment(flag, { color: 'yellow', bold: true }), segment(pad)];
}

function numberStyle(id: NumberColumnId, row: FunctionStats): Style {
  if ((id === 'errors' && row.failures > 0) || (id === 'timeouts' && row.timeouts > 0)) return { color: 'red' };
  if (id === 'near' && row.oftenNearLimit) return { color: 'yellow', bold: true };
  return {};
}
