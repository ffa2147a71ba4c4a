// Activation log lines (reference §3.6): `<timestamp padded to 30> <stream>: <message>`.
// Parsing returns the text as the function wrote it; pass anything bound for a terminal through
// `sanitize` (re-exported here with the width helpers, so views need one import).

export { sanitize, sanitizeLines, NEWLINE_MARKER, TAB_STOP } from './sanitize.js';
export { displayWidth, truncateToWidth, padToWidth, ELLIPSIS } from './text-width.js';

export interface LogLine {
  /** ISO timestamp as written (nanosecond precision on DO), when the line had the prefix. */
  time?: string;
  stream?: 'stdout' | 'stderr';
  message: string;
}

// The reference regex, except the message may span embedded CR/LF/U+2028 (`.` would stop there).
const LOG_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s+(stdout|stderr):\s?([\s\S]*)$/;

/** Split a record's log line; a line without the prefix comes back verbatim as the message. */
export function parseLogLine(line: string): LogLine {
  const match = LOG_LINE.exec(line);
  if (!match) return { message: line };
  return { time: match[1], stream: match[2] as 'stdout' | 'stderr', message: match[3] ?? '' };
}

const LOG_FORWARDING_NOTICE =
  /^Logs will be written to the specified remote location\. Only errors in doing so will be surfaced here\.$/;

const PLATFORM_NOTICES: readonly RegExp[] = [
  /^Logs were truncated because the total bytes size exceeds the limit of \d+ bytes\.$/,
  /^There was an issue while collecting your logs\. Data might be missing\.$/,
  /^The action did not initialize or run as expected\. Log data might be missing\.$/,
  LOG_FORWARDING_NOTICE,
  // Only written after the forwarding notice, when shipping logs to the destination failed.
  /^Failed to (?:process|flush) logs: /,
];

/** A line the platform added rather than the function wrote. Takes the message (prefix stripped). */
export function isPlatformNotice(message: string): boolean {
  const text = message.trim();
  return PLATFORM_NOTICES.some((notice) => notice.test(text));
}

/** The runtime's "logs go to LOG_DESTINATIONS" line: the real output is at the destination. */
export function isLogForwardingNotice(message: string): boolean {
  return LOG_FORWARDING_NOTICE.test(message.trim());
}

const ACTIVATION_ID = /^[0-9a-f]{32}$/;

/** A sequence's `logs` hold component activation ids (§3.7): exactly 32 lowercase hex digits. */
export function looksLikeActivationId(text: string): boolean {
  return ACTIVATION_ID.test(text);
}
