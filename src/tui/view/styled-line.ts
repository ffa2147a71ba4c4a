// One terminal line as styled segments: what every windowed pane renders (one <Text> a line, Line.tsx).
// Segments hold sanitised text only; these helpers cut and wrap by display columns so a line never
// takes more than one terminal row (or exactly the rows `wrapLine` says).
import { displayWidth, ELLIPSIS } from '../../core/logline.js';

export type Color = 'green' | 'red' | 'magenta' | 'yellow' | 'cyan' | 'blue' | 'gray' | 'white';

export interface Style {
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Segment extends Style {
  text: string;
}

export type StyledLine = readonly Segment[];

export function segment(text: string, style: Style = {}): Segment {
  return { text, ...style };
}

export function lineWidth(line: StyledLine): number {
  let width = 0;
  for (const part of line) width += textWidth(part.text);
  return width;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Widths of short non-ASCII texts: rows repeat a few (status words, marks), each a grapheme walk. */
const shortWidths = new Map<string, number>();

function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (text.length > 32) return displayWidth(text);
  let width = shortWidths.get(text);
  if (width === undefined) {
    if (shortWidths.size >= 1024) shortWidths.clear();
    width = displayWidth(text);
    shortWidths.set(text, width);
  }
  return width;
}

/** At most `columns` columns; a cut line ends in '…' (in the style of the segment that was cut). */
export function truncateLine(line: StyledLine, columns: number): Segment[] {
  if (lineWidth(line) <= columns) return [...line];
  if (columns <= 0) return [];
  const out: Segment[] = [];
  let left = columns - 1; // one column stays free for the ellipsis
  for (const part of line) {
    const width = textWidth(part.text);
    if (width <= left) {
      out.push(part);
      left -= width;
      continue;
    }
    out.push({ ...part, text: takeColumns(part.text, left) + ELLIPSIS });
    break;
  }
  return out;
}

const graphemes = new Intl.Segmenter();

/** The longest prefix of whole graphemes that fits in `columns` columns. */
function takeColumns(text: string, columns: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, columns));
  let width = 0;
  let end = 0;
  for (const { segment: grapheme, index } of graphemes.segment(text)) {
    width += displayWidth(grapheme);
    if (width > columns) break;
    end = index + grapheme.length;
  }
  return text.slice(0, end);
}

/** Splits at a display column between whole graphemes (one that straddles it goes right). */
export function splitAtColumn(text: string, columns: number): [string, string] {
  const head = takeColumns(text, columns);
  return [head, text.slice(head.length)];
}

/** Exactly `columns` columns: truncated, then padded with spaces (unstyled). */
export function fitLine(line: StyledLine, columns: number): Segment[] {
  const fitted = truncateLine(line, columns);
  const pad = columns - lineWidth(fitted);
  if (pad > 0) fitted.push({ text: ' '.repeat(pad) });
  return fitted;
}

/**
 * Split into rows of at most `columns` columns, breaking between graphemes (not words: log lines
 * are often JSON or ids, where word breaks help little). Continuation rows start with `indent`.
 */
export function wrapLine(line: StyledLine, columns: number, indent = ''): Segment[][] {
  if (columns <= 0) return [[]];
  if (lineWidth(line) <= columns) return [[...line]];
  const indentWidth = Math.min(displayWidth(indent), Math.max(0, columns - 1));
  const rows: Segment[][] = [];
  let row: Segment[] = [];
  let used = 0;
  let rowStart = 0; // columns taken before the row's first grapheme (its indent)
  const newRow = (graphemeWidth: number) => {
    rows.push(row);
    // A grapheme too wide to follow the indent starts its row at column 0 instead.
    const indented = indentWidth > 0 && indentWidth + graphemeWidth <= columns;
    row = indented ? [{ text: indent.slice(0, indentWidth), dim: true }] : [];
    used = rowStart = indented ? indentWidth : 0;
  };
  for (const part of line) {
    let pending = '';
    for (const { segment: grapheme } of graphemes.segment(part.text)) {
      const width = displayWidth(grapheme);
      if (used + width > columns && used > rowStart) {
        if (pending !== '') row.push({ ...part, text: pending });
        pending = '';
        newRow(width);
      }
      pending += grapheme;
      used += width;
    }
    if (pending !== '') row.push({ ...part, text: pending });
  }
  rows.push(row);
  return rows;
}

/** Prose in rows of at most `columns` columns, broken between words (a longer word is cut). */
export function wrapWords(text: string, columns: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const joined = row === '' ? word : `${row} ${word}`;
    if (displayWidth(joined) <= columns) {
      row = joined;
      continue;
    }
    if (row !== '') rows.push(row);
    const pieces = wrapLine([{ text: word }], columns).map((piece) => piece.map((part) => part.text).join(''));
    rows.push(...pieces.slice(0, -1));
    row = pieces[pieces.length - 1] ?? '';
  }
  rows.push(row);
  return rows;
}

/** Split `text` into segments, styling the [start, end) ranges with `highlight`. */
export function highlightSegments(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  base: Style,
  highlight: Style,
): Segment[] {
  if (ranges.length === 0) return [{ text, ...base }];
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), ...base });
    if (end > start) out.push({ text: text.slice(Math.max(start, at), end), ...base, ...highlight });
    at = Math.max(at, end);
  }
  if (at < text.length) out.push({ text: text.slice(at), ...base });
  return out;
}
