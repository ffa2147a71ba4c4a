// The parameter editor on screen: the window of lines from `top`, with line numbers and the cursor
// as an inverse cell. Lines longer than the width scroll sideways together so the cursor stays in
// view. Text is sanitised for display; the cursor's column is measured on the sanitised prefix.
import { displayWidth, sanitize } from '../../core/logline.js';
import type { EditorState } from '../state/text-editor.js';
import { segment, splitAtColumn, truncateLine, type Segment, type StyledLine } from './styled-line.js';

export interface EditorView {
  width: number;
  height: number;
  /** Draw the cursor (the editor has focus and takes edits). */
  cursor: boolean;
  /** 1-based line of a parse error, marked in the gutter. */
  errorLine?: number;
}

export function editorLines(editor: EditorState, view: EditorView): StyledLine[] {
  const gutter = Math.max(2, String(editor.lines.length).length) + 1;
  const textWidth = Math.max(1, view.width - gutter);
  const cursorColumn = displayWidth(
    sanitize(
      Array.from(editor.lines[editor.row] ?? '')
        .slice(0, editor.column)
        .join(''),
    ),
  );
  // Shift every line left by the same amount when the cursor would be past the right edge.
  const left = Math.max(0, cursorColumn - textWidth + 1);
  const rows: StyledLine[] = [];
  for (let row = editor.top; row < Math.min(editor.lines.length, editor.top + view.height); row++) {
    const number = String(row + 1).padStart(gutter - 1) + ' ';
    const isError = view.errorLine === row + 1;
    const numberSegment = segment(number, isError ? { color: 'red', bold: true } : { dim: true });
    const shown = splitAtColumn(sanitize(editor.lines[row] ?? ''), left)[1];
    const text = view.cursor && row === editor.row ? withCursor(shown, cursorColumn - left) : [segment(shown)];
    rows.push(truncateLine([numberSegment, ...text], view.width));
  }
  return rows;
}

function withCursor(text: string, column: number): Segment[] {
  const [before, rest] = splitAtColumn(text, column);
  const under = Array.from(rest)[0] ?? ' ';
  return [segment(before), segment(under, { inverse: true }), segment(rest.slice(under.length))];
}
