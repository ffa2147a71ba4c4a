// Times as the list and the detail show them. Relative times are compact ("3s ago") in the list and
// spelled out by date-fns in the detail; absolute times are local.
import { format, formatDistanceStrict } from 'date-fns';

export type TimeFormat = 'relative' | 'absolute';

/** Fits the list's time column: `now`, `42s ago`, `17m ago`, `5h ago`, `3d ago`, `2y ago`. */
export function compactAgo(time: number, now: number): string {
  const seconds = Math.floor((now - time) / 1000);
  if (seconds < 1) return 'now';
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  return days < 365 ? `${days}d ago` : `${Math.floor(days / 365)}y ago`;
}

/** The list's time column: relative, or the local clock time (with the date when not today). */
export function listTime(time: number, now: number, mode: TimeFormat): string {
  if (mode === 'relative') return compactAgo(time, now);
  return sameDay(time, now) ? format(time, 'HH:mm:ss') : format(time, 'MMM dd HH:mm');
}

/** The detail's form: `2024-01-01 00:00:00.123 (3 minutes ago)`. */
export function detailTime(time: number, now: number): string {
  // Under a second either way (the clock ticks once a second; hosts' clocks differ a little).
  const relative = Math.abs(now - time) < 1000 ? 'just now' : formatDistanceStrict(time, now, { addSuffix: true });
  return `${format(time, 'yyyy-MM-dd HH:mm:ss.SSS')} (${relative})`;
}

function sameDay(a: number, b: number): boolean {
  return format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd');
}
