// Durations as people type and read them: '500ms', '10s', '2m03s', '1h' <-> milliseconds.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

// One or more `<number><unit>` parts, so compound forms like '2m03s' (what formatDuration prints) parse back.
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/**
 * '500ms' | '10s' | '5m' | '1h' | '2d' | compound '1h30m', '2m03s', '1.5s' -> milliseconds.
 * A unit is required (a bare number is ambiguous; callers that want "bare = ms" handle it).
 * Returns undefined for anything else, including negative or absurdly large values.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  DURATION_PART.lastIndex = 0;
  let total = 0;
  while (DURATION_PART.lastIndex < trimmed.length) {
    const match = DURATION_PART.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2] as Unit];
  }
  return Number.isFinite(total) && total <= Number.MAX_SAFE_INTEGER ? total : undefined;
}

// ISO 8601 date or date-time, optional seconds/fraction, optional Z or ±hh[:]mm offset.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `--since` value -> epoch ms: a duration means "that long before now"; otherwise an ISO 8601
 * date (UTC midnight) or date-time (local time unless it carries Z or an offset).
 */
export function parseSinceArg(text: string, now: number): number | undefined {
  const duration = parseDuration(text);
  if (duration !== undefined) return now - duration;
  return parseIsoDateTime(text.trim());
}

function parseIsoDateTime(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, date, time, zone] = match;
  // Date.parse only promises the exact ISO form: 'T' separator and a colon in the offset.
  let normalised = time === undefined ? `${date}` : `${date}T${time}`;
  if (zone !== undefined)
    normalised += zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Short human form for a duration, at most 6 characters when not negative: '357ms', '1.2s', '42s', '2m03s', '1h05m', '2d03h', '365d'. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const rounded = Math.round(ms);
  if (rounded < 1000) return `${rounded}ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 100) return `${(tenths / 10).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return formatLong(seconds);
}

// Beyond these a duration is nonsense from a broken record; the text still fits a column.
const DAYS_WITH_HOURS = 100;
const MAX_SHOWN_DAYS = 9999;

function formatLong(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${pad2(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${pad2(minutes % 60)}m`;
  const days = Math.floor(hours / 24);
  if (days < DAYS_WITH_HOURS) return `${days}d${pad2(hours % 24)}h`;
  return days <= MAX_SHOWN_DAYS ? `${Math.round(seconds / 86_400)}d` : `>${MAX_SHOWN_DAYS}d`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Exact, parseable form (parseDuration gives the same number back): the largest of m, s, ms that
 * divides evenly. For filter text, where '1.2s' from formatDuration would lose precision.
 */
export function formatDurationExact(ms: number): string {
  if (ms > 0 && ms % UNIT_MS.m === 0) return `${ms / UNIT_MS.m}m`;
  if (ms > 0 && ms % UNIT_MS.s === 0) return `${ms / UNIT_MS.s}s`;
  return `${ms}ms`;
}
