// A headless xterm's visible screen as an SVG picture: a dark window, one background rectangle and
// one <tspan> per run of cells that share a style (colours, bold, dim, italic, underline,
// strike-through). Every character is placed at its own cell (an x per character), so the grid holds
// whatever font the viewer falls back to, and box characters line up.
import type { IBufferCell, IBufferLine, Terminal } from '@xterm/headless';
import { THEME, cellColors } from './terminal-colors.js';

/** The grid in px: where cell (column, row) is. Tests read the screen back with it. */
export const SVG_GRID = { cellWidth: 8.4, lineHeight: 18, left: 14, top: 30, baseline: 13.5 } as const;
const FONT_SIZE = 14;
const { cellWidth: CELL_WIDTH, lineHeight: LINE_HEIGHT, left: PADDING, top: TITLE_BAR, baseline: BASELINE } = SVG_GRID;
const FONT_FAMILY = "'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

interface Style {
  foreground: string;
  background: string | undefined;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  invisible: boolean;
}

/** Cells in a row that share one style. */
interface Span {
  style: Style;
  /** The column of each character (a wide character takes two columns, a combining mark none). */
  columns: number[];
  text: string;
  /** Columns covered, including the second half of wide characters. */
  startColumn: number;
  endColumn: number;
}

function cellStyle(cell: IBufferCell): Style {
  return {
    ...cellColors(cell),
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    strikethrough: cell.isStrikethrough() !== 0,
    invisible: cell.isInvisible() !== 0,
  };
}

function sameStyle(a: Style, b: Style): boolean {
  return (Object.keys(a) as (keyof Style)[]).every((key) => a[key] === b[key]);
}

function rowSpans(line: IBufferLine, cols: number, cell: IBufferCell): Span[] {
  const spans: Span[] = [];
  for (let column = 0; column < cols; column += 1) {
    line.getCell(column, cell);
    const width = cell.getWidth();
    if (width === 0) continue; // the second half of a wide character
    const style = cellStyle(cell);
    const chars = cell.getChars() || ' ';
    let span = spans.at(-1);
    if (!span || !sameStyle(span.style, style)) {
      span = { style, columns: [], text: '', startColumn: column, endColumn: column };
      spans.push(span);
    }
    // One x per code point: a combining mark is drawn at its base character's cell.
    span.columns.push(...Array.from(chars, () => column));
    span.text += chars;
    span.endColumn = column + width;
  }
  return spans;
}

/** Escapes XML's special characters and drops what XML 1.0 cannot carry. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** One rectangle per run of cells with the same background (whatever their text style). */
function backgroundRects(spans: Span[], top: number): string[] {
  const runs: { fill: string; start: number; end: number }[] = [];
  for (const { style, startColumn, endColumn } of spans) {
    if (style.background === undefined) continue;
    const last = runs.at(-1);
    if (last && last.fill === style.background && last.end === startColumn) last.end = endColumn;
    else runs.push({ fill: style.background, start: startColumn, end: endColumn });
  }
  return runs.map(
    ({ fill, start, end }) =>
      `<rect x="${px(PADDING + start * CELL_WIDTH)}" y="${px(top)}" width="${px((end - start) * CELL_WIDTH)}" height="${LINE_HEIGHT}" fill="${fill}"/>`,
  );
}

function styleAttributes(style: Style): string {
  const attributes = [`fill="${style.foreground}"`];
  if (style.bold) attributes.push('font-weight="bold"');
  if (style.italic) attributes.push('font-style="italic"');
  if (style.dim) attributes.push('fill-opacity="0.6"');
  const decorations = [style.underline && 'underline', style.strikethrough && 'line-through'].filter(Boolean);
  if (decorations.length > 0) attributes.push(`text-decoration="${decorations.join(' ')}"`);
  return attributes.join(' ');
}

/** The span without the blanks at its ends (nothing to draw there unless the style decorates them). */
function visiblePart(span: Span): { text: string; columns: number[] } {
  const chars = Array.from(span.text);
  if (span.style.underline || span.style.strikethrough) return { text: span.text, columns: span.columns };
  let first = 0;
  let end = chars.length;
  while (first < end && chars[first] === ' ') first += 1;
  while (end > first && chars[end - 1] === ' ') end -= 1;
  return { text: chars.slice(first, end).join(''), columns: span.columns.slice(first, end) };
}

function textSpans(spans: Span[]): string[] {
  const drawn: string[] = [];
  for (const span of spans) {
    const { text, columns } = visiblePart(span);
    if (span.style.invisible || text === '') continue;
    const xs = columns.map((column) => px(PADDING + column * CELL_WIDTH)).join(' ');
    drawn.push(`<tspan x="${xs}" ${styleAttributes(span.style)}>${xmlText(text)}</tspan>`);
  }
  return drawn;
}

function windowFrame(width: number, height: number, title: string): string[] {
  const dots = ['#ff5f57', '#febc2e', '#28c840'].map(
    (color, index) => `<circle cx="${PADDING + 6 + index * 20}" cy="${TITLE_BAR / 2}" r="6" fill="${color}"/>`,
  );
  return [
    `<rect width="${width}" height="${height}" rx="8" fill="${THEME.background}" stroke="#30363d"/>`,
    ...dots,
    `<text x="${px(width / 2)}" y="${TITLE_BAR / 2 + 4}" text-anchor="middle" fill="#8b949e" font-size="12">${xmlText(title)}</text>`,
  ];
}

/** The terminal's visible screen as a standalone SVG document. */
export function terminalSvg(terminal: Terminal, title: string): string {
  const buffer = terminal.buffer.active;
  const cell = buffer.getNullCell();
  const width = PADDING * 2 + terminal.cols * CELL_WIDTH;
  const height = TITLE_BAR + PADDING + terminal.rows * LINE_HEIGHT;
  const rects: string[] = [];
  const rows: string[] = [];
  for (let row = 0; row < terminal.rows; row += 1) {
    const line = buffer.getLine(buffer.viewportY + row);
    if (!line) continue;
    const top = TITLE_BAR + row * LINE_HEIGHT;
    const spans = rowSpans(line, terminal.cols, cell);
    rects.push(...backgroundRects(spans, top));
    const texts = textSpans(spans);
    if (texts.length > 0) rows.push(`<text y="${px(top + BASELINE)}">${texts.join('')}</text>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}" xml:space="preserve">`,
    ...windowFrame(width, height, title),
    '<g shape-rendering="crispEdges">',
    ...rects,
    '</g>',
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}
