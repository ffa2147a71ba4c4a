// The error fingerprints view: one line per fingerprint (new mark, count, when, which functions, the
// masked message), and a few lines about the selected one (its newest example). Patterns, examples and
// names arrive sanitised from core (function names are sanitised here).
import { shortId } from '../../core/activation.js';
import type { ErrorFingerprint } from '../../core/fingerprint.js';
import { padToWidth, sanitize } from '../../core/logline.js';
import { SELECTED_MARK } from '../theme.js';
import { fitLine, segment, wrapWords, type Segment, type StyledLine } from './styled-line.js';
import { listTime, type TimeFormat } from './time-format.js';

export interface FingerprintColumns {
  width: number;
  time: number;
  functions: number;
  /** First seen is shown only where there is room. */
  firstSeen: boolean;
}

const GUTTER = 2;
const NEW_WIDTH = 4;
const COUNT_WIDTH = 6;
const WIDE = 100;
/** The indent of the lines about the selected fingerprint (the width of their labels). */
const LABEL = ' '.repeat(8);
/** Lines under the list about the selected fingerprint. */
export const FINGERPRINT_DETAIL_ROWS = 4;

export function fingerprintColumns(width: number, timeFormat: TimeFormat): FingerprintColumns {
  return {
    width,
    time: timeFormat === 'relative' ? 8 : 12,
    functions: Math.max(12, Math.min(30, Math.floor(width * 0.2))),
    firstSeen: width >= WIDE,
  };
}

export function fingerprintHeading(columns: FingerprintColumns): Segment[] {
  let text = ' '.repeat(GUTTER + NEW_WIDTH) + 'COUNT'.padStart(COUNT_WIDTH) + ' ' + padToWidth('LAST', columns.time);
  if (columns.firstSeen) text += ' ' + padToWidth('FIRST', columns.time);
  text += ' ' + padToWidth('FUNCTIONS', columns.functions) + ' MESSAGE (variable parts masked)';
  return fitLine([segment(text, { bold: true, dim: true })], columns.width);
}

export interface FingerprintRowOptions {
  selected: boolean;
  now: number;
  timeFormat: TimeFormat;
}

/** Exactly `columns.width` columns. */
export function fingerprintRow(
  fingerprint: ErrorFingerprint,
  columns: FingerprintColumns,
  options: FingerprintRowOptions,
): Segment[] {
  const time = (at: number) => padToWidth(listTime(at, options.now, options.timeFormat), columns.time);
  const parts: Segment[] = [
    segment(options.selected ? `${SELECTED_MARK} ` : '  ', { color: 'cyan', bold: true }),
    segment(fingerprint.isNew ? 'new ' : '    ', { color: 'yellow', bold: true }),
    segment(String(fingerprint.count).padStart(COUNT_WIDTH), { bold: true }),
    segment(' '),
    segment(time(fingerprint.lastSeen), { dim: true }),
  ];
  if (columns.firstSeen) parts.push(segment(' '), segment(time(fingerprint.firstSeen), { dim: true }));
  parts.push(
    segment(' '),
    segment(padToWidth(functionsText(fingerprint.functions), columns.functions)),
    segment(' '),
    segment(fingerprint.pattern, { color: 'red' }),
  );
  const line = fitLine(parts, columns.width);
  return options.selected ? line.map((part) => ({ ...part, inverse: true })) : line;
}

/** `billing/charge`, or `billing/charge +2` when more functions failed this way. */
function functionsText(functions: readonly string[]): string {
  const first = sanitize(functions[0] ?? '');
  return functions.length > 1 ? `${first} +${functions.length - 1}` : first;
}

/** Exactly FINGERPRINT_DETAIL_ROWS lines about the selected fingerprint (blank without one). */
export function fingerprintDetail(
  fingerprint: ErrorFingerprint | undefined,
  width: number,
  now: number,
  timeFormat: TimeFormat,
): StyledLine[] {
  if (!fingerprint) return Array.from({ length: FINGERPRINT_DETAIL_ROWS }, () => []);
  // Two rows of the example; fitLine cuts the second with '…' when there is more.
  const [first = '', ...rest] = wrapWords(fingerprint.example, Math.max(1, width - LABEL.length));
  const second = rest.join(' ');
  const newest = `newest ${shortId(fingerprint.newestId)} · Enter opens it`;
  const when =
    `first seen ${listTime(fingerprint.firstSeen, now, timeFormat)}, ` +
    `last seen ${listTime(fingerprint.lastSeen, now, timeFormat)} · ${newest}`;
  const lines: StyledLine[] = [
    [segment('example ', { bold: true, dim: true }), segment(first, { color: 'red' })],
    [segment(LABEL), segment(second, { color: 'red' })],
    [segment('in      ', { bold: true, dim: true }), segment(fingerprint.functions.map(sanitize).join(', '))],
    [segment(LABEL), segment(when, { dim: true })],
  ];
  return lines.map((line) => fitLine(line, width));
}
