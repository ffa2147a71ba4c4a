// Rows a pane windows over, without building the ones out of view: an array is Rows, and
// lazyRows builds each row the first time it is shown (then keeps it, so a row redrawn by a later
// frame is the same object). Laying out a 5,000-line log whole cost ~15 ms a selection
// (bench/: render); a pane shows about thirty rows.
import type { StyledLine } from './styled-line.js';

export interface Rows {
  readonly length: number;
  at(index: number): StyledLine | undefined;
  slice(start?: number, end?: number): readonly StyledLine[];
}

/** `length` rows, row `index` made by `build(index)` when first asked for. */
export function lazyRows(length: number, build: (index: number) => StyledLine): Rows {
  const built: StyledLine[] = [];
  const at = (index: number): StyledLine | undefined => {
    if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
    return (built[index] ??= build(index));
  };
  return {
    length,
    at,
    slice: (start = 0, end = length) => {
      const out: StyledLine[] = [];
      for (let index = clampIndex(start, length); index < clampIndex(end, length); index++) out.push(at(index)!);
      return out;
    },
  };
}

/** The parts one after another; small parts stay arrays. */
export function concatRows(parts: readonly Rows[]): Rows {
  const nonEmpty = parts.filter((part) => part.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const starts: number[] = [];
  let length = 0;
  for (const part of nonEmpty) {
    starts.push(length);
    length += part.length;
  }
  return lazyRows(length, (index) => {
    let part = nonEmpty.length - 1;
    while (starts[part]! > index) part -= 1;
    return nonEmpty[part]!.at(index - starts[part]!)!;
  });
}

/** Each row of `rows` through `map`, when it is shown. */
export function mapRows(rows: Rows, map: (line: StyledLine) => StyledLine): Rows {
  return lazyRows(rows.length, (index) => map(rows.at(index)!));
}

/** Array.slice's reading of a start or end index. */
function clampIndex(index: number, length: number): number {
  const whole = Math.trunc(index);
  return whole < 0 ? Math.max(0, length + whole) : Math.min(whole, length);
}
