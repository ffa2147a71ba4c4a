// Two activations side by side (the `d` view): the fields people compare, then the result as pretty
// JSON lines and the logs, each aligned line by line with changed lines marked. All text is sanitised.
// Log lines are compared and shown without their timestamps (stream and message), since timestamps
// differ between any two runs and would mark every line changed.
import { statusLabel, type Activation } from './activation.js';
import { formatDuration } from './duration.js';
import { diffLines, type DiffRow } from './line-diff.js';
import { parseLogLine, sanitize } from './logline.js';

export type { DiffRow, DiffRowKind } from './line-diff.js';

/** Lines of result or logs taken from each side: enough to compare, bounded for huge outputs. */
const MAX_LINES = 2000;

export interface DiffField {
  label: string;
  left: string;
  right: string;
  changed: boolean;
}

export interface DiffSide {
  id: string;
  start: number;
  /** False for a summary: result and logs are unknown (fetch the full record, then diff again). */
  full: boolean;
}

export interface ActivationDiff {
  left: DiffSide;
  right: DiffSide;
  /** Function, status, duration, version, start (cold/warm), in that order. */
  fields: DiffField[];
  result: DiffRow[];
  logs: DiffRow[];
}

export function diffActivations(left: Activation, right: Activation): ActivationDiff {
  return {
    left: side(left),
    right: side(right),
    fields: [
      field('Function', left, right, (a) => sanitize(a.fn)),
      field('Status', left, right, (a) => statusLabel(a.status)),
      field('Duration', left, right, (a) => (a.duration === undefined ? '-' : formatDuration(a.duration))),
      field('Version', left, right, (a) => sanitize(a.version) || '-'),
      field('Start', left, right, (a) => (a.cold ? 'cold' : 'warm')),
    ],
    result: diffLines(resultLines(left), resultLines(right)),
    logs: diffLines(logLines(left), logLines(right)),
  };
}

function side(activation: Activation): DiffSide {
  return { id: activation.id, start: activation.start, full: activation.full };
}

function field(label: string, left: Activation, right: Activation, show: (a: Activation) => string): DiffField {
  const leftText = show(left);
  const rightText = show(right);
  return { label, left: leftText, right: rightText, changed: leftText !== rightText };
}

/** The result as 2-space-indented JSON, one line per row. */
function resultLines(activation: Activation): string[] {
  if (!activation.full) return ['(not fetched)'];
  if (activation.result === undefined) return ['(no result)'];
  let json: string;
  try {
    json = JSON.stringify(activation.result, null, 2) ?? String(activation.result);
  } catch {
    json = '[unprintable]';
  }
  return bounded(json.split('\n')).map(sanitize);
}

function logLines(activation: Activation): string[] {
  if (!activation.full) return ['(not fetched)'];
  return bounded(activation.logs ?? []).map((line) => {
    const parsed = parseLogLine(line);
    return sanitize(parsed.stream ? `${parsed.stream}: ${parsed.message}` : parsed.message);
  });
}

function bounded(lines: readonly string[]): string[] {
  if (lines.length <= MAX_LINES) return [...lines];
  return [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`];
}
