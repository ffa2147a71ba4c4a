// The log pane's content: one styled line per log entry (timestamp, stream, message), stderr in
// red, platform notices dimmed, a hint under the log-forwarding notice, and for sequences the
// component activations their `logs` hold. Then laid out to a width: wrapped or truncated.
// Entries become lines only when shown (rows.ts): a log can have thousands.
import { shortId, type Activation } from '../../core/activation.js';
import { formatDuration } from '../../core/duration.js';
import {
  isLogForwardingNotice,
  isPlatformNotice,
  looksLikeActivationId,
  parseLogLine,
  sanitize,
} from '../../core/logline.js';
import { MATCH_STYLE, STATUS_LOOK } from '../theme.js';
import { concatRows, lazyRows, mapRows, type Rows } from './rows.js';
import {
  highlightSegments,
  lineWidth,
  segment,
  truncateLine,
  wrapLine,
  type Segment,
  type StyledLine,
} from './styled-line.js';

export interface LogLineOptions {
  timestamps: boolean;
  /** Filter matches in a sanitised message. */
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  /** Looks up a sequence component (when it is in the store). */
  lookup: (id: string) => Activation | undefined;
  /**
   * Rows of the forwarded output (laid out already): they take the place of the generic hint under
   * the forwarding notice, or follow the record's lines when it has no notice.
   */
  forwarded?: readonly StyledLine[];
}

export const FORWARDING_HINT =
  'hint: this function forwards its logs (LOG_DESTINATIONS); its output went to the log destination, not into this record';

export function logRows(activation: Activation, logs: readonly string[], options: LogLineOptions): Rows {
  if (activation.isSequence && logs.length > 0 && logs.every(looksLikeActivationId))
    return componentLines(logs, options);
  const { forwarded } = options;
  if (logs.length === 0) return [[segment('(no log lines)', { dim: true })], ...(forwarded ?? [])];
  const parts: Rows[] = [];
  let from = 0;
  let placed = false;
  logs.forEach((raw, index) => {
    if (!isForwardingNoticeLine(raw)) return;
    parts.push(entryRows(logs, from, index + 1, options));
    from = index + 1;
    if (!forwarded) parts.push([[segment(`  ↳ ${FORWARDING_HINT}`, { color: 'cyan' })]]);
    else if (!placed) parts.push(forwarded);
    placed = true;
  });
  parts.push(entryRows(logs, from, logs.length, options));
  if (forwarded && !placed) parts.push(forwarded);
  return concatRows(parts);
}

/** Where the notice's own wording starts: lines without it need no parsing to rule them out. */
const NOTICE_START = 'Logs will be written to the specified remote location';

function isForwardingNoticeLine(raw: string): boolean {
  return raw.includes(NOTICE_START) && isLogForwardingNotice(parseLogLine(raw).message);
}

/** Lines of logs[from, to), each parsed and styled when first shown. */
function entryRows(logs: readonly string[], from: number, to: number, options: LogLineOptions): Rows {
  return lazyRows(to - from, (index) => {
    const entry = parseLogLine(logs[from + index]!);
    return entryLine(entry.time, entry.stream, entry.message, options);
  });
}

function entryLine(
  time: string | undefined,
  stream: 'stdout' | 'stderr' | undefined,
  message: string,
  options: LogLineOptions,
): StyledLine {
  const parts: Segment[] = [];
  if (options.timestamps)
    parts.push(segment(`${time === undefined ? ' '.repeat(12) : clockTime(time)} `, { dim: true }));
  if (stream === 'stderr') parts.push(segment('err ', { color: 'red', bold: true }));
  else if (stream === 'stdout') parts.push(segment('out ', { dim: true }));
  const text = sanitize(message);
  if (isPlatformNotice(message)) {
    parts.push(segment(text, { color: 'yellow', dim: true }));
    return parts;
  }
  const base = stream === 'stderr' ? ({ color: 'red' } as const) : {};
  parts.push(...highlightSegments(text, options.highlight(text), base, MATCH_STYLE));
  return parts;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Local `HH:mm:ss.SSS` of an ISO log timestamp (the nanoseconds are past what people compare).
 * By hand: date-fns' format took ~38 ms for a 5,000-line log (bench/: render).
 */
function clockTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(11, 23) : clockOf(ms);
}

/** Local `HH:mm:ss.SSS` of an epoch time. */
export function clockOf(ms: number): string {
  const at = new Date(ms);
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}.${String(at.getMilliseconds()).padStart(3, '0')}`;
}

function componentLines(ids: readonly string[], options: LogLineOptions): StyledLine[] {
  const lines: StyledLine[] = [
    [segment(`sequence: ${ids.length} component activation${ids.length === 1 ? '' : 's'}`, { bold: true })],
  ];
  ids.forEach((id, index) => {
    const component = options.lookup(id);
    const parts: Segment[] = [segment(`${String(index + 1).padStart(3)}. `, { dim: true }), segment(id)];
    if (component) {
      const look = STATUS_LOOK[component.status];
      parts.push(
        segment(`  ${sanitize(component.fn)}  `),
        segment(`${look.glyph} ${look.word}`, { color: look.color }),
      );
      if (component.duration !== undefined)
        parts.push(segment(`  ${formatDuration(component.duration)}`, { dim: true }));
    } else {
      parts.push(segment(`  (${shortId(id)} is not in view)`, { dim: true }));
    }
    lines.push(parts);
  });
  return lines;
}

/** Lines laid out to `width`: each wrapped into rows (continuations indented) or cut to one row. */
export function layoutLines(
  lines: readonly StyledLine[],
  width: number,
  wrap: boolean,
  continuationIndent = 0,
): StyledLine[] {
  if (!wrap) return lines.map((line) => cutLine(line, width));
  const indent = ' '.repeat(continuationIndent);
  return lines.flatMap((line) => wrapLine(line, width, indent));
}

/** layoutLines for Rows: cut rows are laid out when shown; wrapping needs every line up front. */
export function layoutRows(rows: Rows, width: number, wrap: boolean, continuationIndent = 0): Rows {
  if (wrap) return layoutLines(rows.slice(), width, true, continuationIndent);
  return mapRows(rows, (line) => cutLine(line, width));
}

function cutLine(line: StyledLine, width: number): StyledLine {
  return lineWidth(line) <= width ? line : truncateLine(line, width);
}

/** Width of the timestamp and stream columns: where wrapped log messages continue. */
export function logPrefixWidth(timestamps: boolean): number {
  return (timestamps ? 13 : 0) + 4;
}
