// Forwarded log lines in `tail` output: under an activation as `[papertrail] text`, and entries of
// their own for lines with no activation record (or that came after their activation was printed).
import { padToWidth, sanitize, truncateToWidth } from '../core/logline.js';
import type { ForwardedLine } from '../core/forwarded-types.js';
import type { Paint } from './colour.js';

/** Lines printed as an entry of their own. */
export interface ForwardedEntry {
  activationId: string;
  /** `pkg/fn`, when the lines carry a path. */
  fn?: string;
  /** `/fn-…/pkg/fn` as the lines carry it. */
  functionPath?: string;
  /** False: the stream never delivered this activation. True: more lines after it was printed. */
  activationRecord: boolean;
  lines: readonly ForwardedLine[];
}

export interface JsonForwardedLine {
  source: ForwardedLine['source'];
  /** Epoch ms. */
  time: number;
  message: string;
}

const FUNCTION_COLUMN = 28;

/** Indented lines with the source as a badge: `    [papertrail] charging order 1234`. */
export function forwardedTextLines(lines: readonly ForwardedLine[], paint: Paint): string[] {
  return lines.map((line) => `    ${paint('bold', `[${line.source}]`)} ${sanitize(line.message)}`);
}

/** A header in the activation line's columns, marked, then the lines. */
export function forwardedEntryText(entry: ForwardedEntry, paint: Paint): string {
  const first = entry.lines[0];
  const fn = sanitize(entry.fn ?? entry.functionPath ?? '?');
  const header = [
    paint('dim', new Date(first?.time ?? 0).toISOString()),
    paint('dim', 'forwarded'),
    padToWidth(truncateToWidth(fn, FUNCTION_COLUMN), FUNCTION_COLUMN),
    '-'.padStart(7),
    '    ',
    entry.activationId,
    paint('dim', entry.activationRecord ? '(more forwarded lines)' : '(no activation record)'),
  ].join('  ');
  return `${[header, ...forwardedTextLines(entry.lines, paint)].join('\n')}\n`;
}

export function toJsonForwarded(lines: readonly ForwardedLine[]): JsonForwardedLine[] {
  return lines.map(({ source, time, message }) => ({ source, time, message }));
}

export interface JsonForwardedEntry {
  activationId: string;
  function: string | null;
  functionPath: string | null;
  activationRecord: boolean;
  forwardedLogs: JsonForwardedLine[];
}

/** The JSON object of an entry: `activationRecord` tells the two kinds apart. */
export function toJsonForwardedEntry(entry: ForwardedEntry): JsonForwardedEntry {
  return {
    activationId: entry.activationId,
    function: entry.fn ?? null,
    functionPath: entry.functionPath ?? null,
    activationRecord: entry.activationRecord,
    forwardedLogs: toJsonForwarded(entry.lines),
  };
}
