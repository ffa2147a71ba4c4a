// The header's word on each log destination fnmon reads (papertrail ● live, datadog ◐ backing off
// 12s, betterstack ✗ auth): in full when there is room, else compact, else only the ones in
// trouble, else none. The activation feed's health has the first line to itself; these share the
// second with the filter and give way to it.
import type { SourceHealth } from '../../core/forwarded-types.js';
import { segment, lineWidth, type Color, type Segment } from './styled-line.js';

interface Look {
  glyph: string;
  /** The full word, e.g. `backing off 12s`. */
  word: string;
  /** What is left of it when compact: `12s`, `auth`, or nothing. */
  short: string;
  color: Color;
  dim?: boolean;
  /** Higher stays longer when the room runs out. */
  weight: number;
}

const GAP = '  ';

function lookOf(health: SourceHealth, now: number): Look {
  const seconds = health.nextPollAt === undefined ? '' : `${Math.max(0, Math.ceil((health.nextPollAt - now) / 1000))}s`;
  switch (health.state) {
    case 'starting':
      return { glyph: '◌', word: 'connecting', short: '', color: 'cyan', weight: 1 };
    case 'live':
      return health.rateLimited
        ? { glyph: '●', word: 'rate-limited', short: '', color: 'yellow', weight: 2 }
        : { glyph: '●', word: 'live', short: '', color: 'green', weight: 1 };
    case 'backing-off': {
      const why = health.lastError?.kind === 'rate-limited' ? 'rate-limited' : 'backing off';
      return { glyph: '◐', word: `${why} ${seconds}`.trim(), short: seconds, color: 'yellow', weight: 3 };
    }
    case 'error': {
      const kind = health.lastError?.kind ?? 'error';
      return { glyph: '✗', word: kind, short: kind, color: 'red', weight: 4 };
    }
    case 'stopped':
      return { glyph: '■', word: 'stopped', short: '', color: 'gray', dim: true, weight: 0 };
    case 'unconfigured':
      return { glyph: '○', word: 'no read key', short: '', color: 'gray', dim: true, weight: 0 };
  }
}

function sourceSegments(health: SourceHealth, look: Look, compact: boolean): Segment[] {
  const text = compact ? `${look.glyph}${look.short === '' ? '' : ` ${look.short}`}` : `${look.glyph} ${look.word}`;
  return [
    segment(`${health.source} `, { dim: true }),
    segment(text, { color: look.color, bold: look.weight > 1, ...(look.dim && { dim: true }) }),
  ];
}

function joined(groups: readonly Segment[][]): Segment[] {
  return groups.flatMap((group, index) => (index === 0 ? group : [segment(GAP), ...group]));
}

/** The sources' health in at most `room` columns (empty when none fits), in the order given. */
export function sourceHealthSegments(healths: readonly SourceHealth[], now: number, room: number): Segment[] {
  if (healths.length === 0) return [];
  const looks = healths.map((health) => lookOf(health, now));
  for (const compact of [false, true]) {
    const all = joined(healths.map((health, index) => sourceSegments(health, looks[index]!, compact)));
    if (lineWidth(all) <= room) return all;
  }
  // Drop the least telling first (unread, then healthy) until the rest fits.
  const order = healths.map((_, index) => index).sort((a, b) => looks[a]!.weight - looks[b]!.weight);
  const kept = new Set(order);
  for (const index of order) {
    kept.delete(index);
    const rest = joined(healths.flatMap((health, i) => (kept.has(i) ? [sourceSegments(health, looks[i]!, true)] : [])));
    if (kept.size > 0 && lineWidth(rest) <= room) return rest;
  }
  return [];
}

/**
 * `left` with the sources' health at the right edge. `left` comes as alternatives, fullest first:
 * a shorter one is taken only when it makes room for the sources.
 */
export function withSourceHealth(
  left: readonly Segment[][],
  healths: readonly SourceHealth[],
  now: number,
  width: number,
): Segment[] {
  const preferred = left[0] ?? [];
  for (const candidate of left) {
    const used = lineWidth(candidate);
    const right = sourceHealthSegments(healths, now, width - used - GAP.length);
    if (right.length === 0) continue;
    return [...candidate, segment(' '.repeat(width - used - lineWidth(right))), ...right];
  }
  return [...preferred];
}
