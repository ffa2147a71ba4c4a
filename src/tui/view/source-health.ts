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
      return { glyph: '○', word: 'no read key', short: 'no key', color: 'gray', dim: true, weight: 0 };
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
  return fitSources(healths, now, room).segments;
}

function fitSources(
  healths: readonly SourceHealth[],
  now: number,
  room: number,
): { segments: Segment[]; shown: number } {
  const looks = healths.map((health) => lookOf(health, now));
  const render = (kept: ReadonlySet<number>, compact: boolean) =>
    joined(healths.flatMap((health, i) => (kept.has(i) ? [sourceSegments(health, looks[i]!, compact)] : [])));
  const kept = new Set(healths.keys());
  for (const compact of [false, true]) {
    const all = render(kept, compact);
    if (lineWidth(all) <= room) return { segments: all, shown: kept.size };
  }
  // Drop the least telling first (unread, then healthy) until the rest fits.
  const order = [...kept].sort((a, b) => looks[a]!.weight - looks[b]!.weight);
  for (const index of order) {
    kept.delete(index);
    const rest = render(kept, true);
    if (lineWidth(rest) <= room) return { segments: rest, shown: kept.size };
  }
  return { segments: [], shown: 0 };
}

/**
 * `left` with the sources' health at the right edge. `left` comes as alternatives, fullest first:
 * a briefer one is taken when it lets more sources show.
 */
export function withSourceHealth(
  left: readonly Segment[][],
  healths: readonly SourceHealth[],
  now: number,
  width: number,
): Segment[] {
  let best = { left: left[0] ?? [], right: [] as Segment[], shown: 0 };
  for (const candidate of left) {
    const used = lineWidth(candidate);
    const fitted = fitSources(healths, now, width - used - GAP.length);
    if (fitted.shown > best.shown) best = { left: candidate, right: fitted.segments, shown: fitted.shown };
    if (fitted.shown === healths.length) break;
  }
  if (best.shown === 0) return [...best.left];
  const pad = width - lineWidth(best.left) - lineWidth(best.right);
  return [...best.left, segment(' '.repeat(pad)), ...best.right];
}
