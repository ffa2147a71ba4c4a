// One character per value, height proportional to the value: ▁▂▃▄▅▆▇█, or an ASCII ramp for
// terminals that cannot show block elements. Zero is a space, so "nothing happened" stands apart
// from "a little happened" (an error series is mostly zeros; its few errors must show).

const UNICODE_LEVELS = '▁▂▃▄▅▆▇█';
const ASCII_LEVELS = '_.-:=+*#';

export interface SparklineOptions {
  /** Plain ASCII instead of Unicode block elements. */
  ascii?: boolean;
  /** The value drawn full height (default: the largest value), so two series can share a scale. */
  max?: number;
}

export function sparkline(values: readonly number[], options: SparklineOptions = {}): string {
  const levels = options.ascii ? ASCII_LEVELS : UNICODE_LEVELS;
  const max = options.max ?? Math.max(0, ...values);
  return values.map((value) => levelChar(value, max, levels)).join('');
}

function levelChar(value: number, max: number, levels: string): string {
  if (!(value > 0) || !(max > 0)) return ' ';
  // Any positive value gets at least the lowest block; values at or above max get the top one.
  const level = Math.min(levels.length, Math.ceil((value / max) * levels.length));
  return levels[level - 1]!;
}

/**
 * Whether the terminal can be expected to draw block elements: a UTF-8 locale (LC_ALL, LC_CTYPE or
 * LANG, in that order of precedence) and not the Linux console (TERM=linux lacks most of them).
 */
export function unicodeBlocksLikely(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.TERM === 'linux') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}
