// `fnmon stats` as text: an aligned table of the stats columns plus a TREND sparkline of the rate,
// and with --errors a second table of error fingerprints. Colour only through `paint` (TTY only).
import type { ErrorFingerprint } from '../core/fingerprint.js';
import { padToWidth, truncateToWidth, displayWidth } from '../core/text-width.js';
import { sparkline } from '../core/sparkline.js';
import { OFTEN_NEAR_LIMIT_RATIO, type FunctionStats } from '../core/stats.js';
import { STATS_COLUMNS, type StatsColumn } from '../core/stats-columns.js';
import { sanitize } from '../core/sanitize.js';
import type { Paint } from './colour.js';

const FUNCTION_MAX_COLUMNS = 40;
const FUNCTIONS_LIST_MAX_COLUMNS = 30;
const PATTERN_MAX_COLUMNS = 120;
const GAP = '  ';

export interface TableOptions {
  paint: Paint;
  /** ASCII sparklines instead of Unicode blocks. */
  ascii: boolean;
}

/** The table, one line per function, header first; every line ends in a newline. */
export function statsTable(rows: readonly FunctionStats[], options: TableOptions): string {
  const cells = rows.map((row) => STATS_COLUMNS.map((column) => cellText(column, row)));
  const widths = STATS_COLUMNS.map((column, index) =>
    Math.max(displayWidth(column.title), ...cells.map((line) => displayWidth(line[index]!))),
  );
  const header = [...STATS_COLUMNS.map((column, index) => align(column, column.title, widths[index]!)), 'TREND'];
  const lines = [options.paint('bold', header.join(GAP).trimEnd())];
  rows.forEach((row, rowIndex) => {
    const line = STATS_COLUMNS.map((column, index) =>
      paintCell(column, row, align(column, cells[rowIndex]![index]!, widths[index]!), options.paint),
    );
    line.push(sparkline(row.rate, { ascii: options.ascii }));
    lines.push(line.join(GAP).trimEnd());
  });
  if (rows.some((row) => row.oftenNearLimit)) {
    lines.push(
      '',
      `! often near the time limit: ${Math.round(OFTEN_NEAR_LIMIT_RATIO * 100)}% or more of calls ran past 80% of it`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function cellText(column: StatsColumn, row: FunctionStats): string {
  const text = column.cell(row);
  return column.id === 'function' ? truncateToWidth(text, FUNCTION_MAX_COLUMNS) : text;
}

function align(column: StatsColumn, text: string, width: number): string {
  if (column.align === 'left') return padToWidth(text, width);
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Errors in red, functions often near their limit in yellow; padding is applied before painting. */
function paintCell(column: StatsColumn, row: FunctionStats, text: string, paint: Paint): string {
  if (column.id === 'errors' && row.failures > 0) return paint('red', text);
  if (column.id === 'timeouts' && row.timeouts > 0) return paint('red', text);
  if (column.id === 'near' && row.oftenNearLimit) return paint('yellow', text);
  return text;
}

/** Fingerprints, most recent first: count, last seen, functions, newest example id, pattern. */
export function fingerprintTable(fingerprints: readonly ErrorFingerprint[], paint: Paint): string {
  const countWidth = Math.max(5, ...fingerprints.map((fingerprint) => String(fingerprint.count).length));
  const lines = [
    paint(
      'bold',
      [
        'COUNT'.padStart(countWidth),
        'LAST SEEN'.padEnd(24),
        padToWidth('FUNCTIONS', FUNCTIONS_LIST_MAX_COLUMNS),
        'NEWEST'.padEnd(32),
        'ERROR',
      ].join(GAP),
    ),
  ];
  for (const fingerprint of fingerprints) {
    lines.push(
      [
        String(fingerprint.count).padStart(countWidth),
        isoTime(fingerprint.lastSeen).padEnd(24),
        padToWidth(sanitize(fingerprint.functions.join(',')), FUNCTIONS_LIST_MAX_COLUMNS),
        padToWidth(sanitize(fingerprint.newestId), 32),
        truncateToWidth(fingerprint.pattern, PATTERN_MAX_COLUMNS),
      ].join(GAP),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A hostile record's start can lie outside what Date can show; that must not crash the table. */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '-' : date.toISOString();
}
