// Text-line output for `fnmon tail`: one aligned line per activation (end time, status, function,
// duration, cold/warm, id, and the error or first log line), optionally followed by its logs.
import { activationEndTime, statusLabel, type Activation, type ActivationStatus } from '../core/activation.js';
import { formatDuration } from '../core/duration.js';
import type { ForwardedLine } from '../core/forwarded-types.js';
import { isLogForwardingNotice, padToWidth, parseLogLine, sanitize, truncateToWidth } from '../core/logline.js';
import type { Paint, Style } from './colour.js';
import { forwardedTextLines } from './forwarded.js';

const STATUS_STYLE: Record<ActivationStatus, Style> = {
  success: 'green',
  'app-error': 'red',
  'dev-error': 'magenta',
  internal: 'yellow',
  timeout: 'yellow',
};

const FUNCTION_COLUMN = 28;
const SUMMARY_MAX = 160;

export interface TextOptions {
  logs: boolean;
  paint: Paint;
  /** Lines read back from the log destinations (`tail --logs`), printed after the record's own. */
  forwarded?: readonly ForwardedLine[];
}

export function textLines(activation: Activation, late: boolean, options: TextOptions): string {
  const { paint } = options;
  const columns = [
    paint('dim', new Date(activationEndTime(activation)).toISOString()),
    paint(STATUS_STYLE[activation.status], statusLabel(activation.status).padEnd(9)),
    padToWidth(truncateToWidth(sanitize(activation.fn), FUNCTION_COLUMN), FUNCTION_COLUMN),
    (activation.duration === undefined ? '-' : formatDuration(activation.duration)).padStart(7),
    activation.cold ? 'cold' : 'warm',
    activation.id.length === 32 ? activation.id : padToWidth(truncateToWidth(sanitize(activation.id), 32), 32),
  ];
  const summary = summaryText(activation, options.forwarded);
  if (summary) columns.push(truncateToWidth(summary, SUMMARY_MAX));
  if (late) columns.push(paint('dim', '(late)'));
  const lines = [columns.join('  ')];
  if (options.logs) lines.push(...logLines(activation, paint), ...forwardedTextLines(options.forwarded ?? [], paint));
  return `${lines.join('\n')}\n`;
}

/** The error message of a failure, else the first log line's message (the first forwarded one, past the notice). */
function summaryText(activation: Activation, forwarded: readonly ForwardedLine[] = []): string | undefined {
  if (activation.error !== undefined) return sanitize(activation.error);
  if (activation.isSequence) return `sequence of ${activation.logs?.length ?? 0} activations`;
  const first = activation.logs?.[0];
  const message = first === undefined ? undefined : parseLogLine(first).message;
  if (forwarded[0] && (message === undefined || isLogForwardingNotice(message))) return sanitize(forwarded[0].message);
  return message === undefined ? undefined : sanitize(message);
}

function logLines(activation: Activation, paint: Paint): string[] {
  return (activation.logs ?? []).map((line) => {
    const parsed = parseLogLine(line);
    const message = sanitize(parsed.message);
    const prefix = parsed.stream ? `${parsed.stream.padEnd(6)} ` : '';
    return `    ${paint('dim', prefix)}${parsed.stream === 'stderr' ? paint('red', message) : message}`;
  });
}
