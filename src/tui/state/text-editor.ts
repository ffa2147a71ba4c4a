// A multi-line text editor's state and edits, pure: the re-invoke dialog's parameter editor.
// The cursor is a line and a position in code points; `top` is the first line on screen, kept so
// that the cursor stays visible in a window of `height` lines (each edit carries the height).
import { clamp } from '../view/window.js';

export interface EditorState {
  lines: readonly string[];
  row: number;
  /** Position in the line, in code points (0 = before the first character). */
  column: number;
  top: number;
}

export type EditorMotion = 'left' | 'right' | 'up' | 'down' | 'line-start' | 'line-end' | 'page-up' | 'page-down';

export type EditorEdit =
  | { kind: 'insert'; text: string }
  | { kind: 'newline' }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'delete-word' }
  | { kind: 'delete-to-start' }
  | { kind: 'delete-to-end' }
  | { kind: 'move'; motion: EditorMotion };

/** A fresh editor on `text`, the cursor at the start. CRLF counts as one line break. */
export function editorFrom(text: string): EditorState {
  return { lines: text.split(/\r?\n/), row: 0, column: 0, top: 0 };
}

export function editorText(state: EditorState): string {
  return state.lines.join('\n');
}

export function applyEdit(state: EditorState, edit: EditorEdit, height: number): EditorState {
  return inView(edited(state, edit, height), height);
}

function edited(state: EditorState, edit: EditorEdit, height: number): EditorState {
  const chars = Array.from(state.lines[state.row] ?? '');
  const before = chars.slice(0, state.column).join('');
  const after = chars.slice(state.column).join('');
  switch (edit.kind) {
    case 'insert':
      return insert(state, edit.text, before, after);
    case 'newline':
      return insert(state, '\n', before, after);
    case 'backspace':
      if (state.column > 0)
        return replaceLine(state, chars.slice(0, state.column - 1).join('') + after, state.column - 1);
      return joinWithPrevious(state);
    case 'delete':
      if (state.column < chars.length)
        return replaceLine(state, before + chars.slice(state.column + 1).join(''), state.column);
      return joinWithNext(state);
    case 'delete-word': {
      if (state.column === 0) return joinWithPrevious(state);
      const kept = before.replace(/\S*\s*$/u, '');
      return replaceLine(state, kept + after, Array.from(kept).length);
    }
    case 'delete-to-start':
      return replaceLine(state, after, 0);
    case 'delete-to-end':
      return state.column < chars.length ? replaceLine(state, before, state.column) : joinWithNext(state);
    case 'move':
      return moved(state, edit.motion, chars.length, height);
  }
}

function insert(state: EditorState, text: string, before: string, after: string): EditorState {
  const pieces = text.split(/\r?\n/);
  const last = pieces.length - 1;
  const inserted = pieces.map((piece, index) => (index === 0 ? before : '') + piece + (index === last ? after : ''));
  const lines = [...state.lines.slice(0, state.row), ...inserted, ...state.lines.slice(state.row + 1)];
  const column = (last === 0 ? Array.from(before).length : 0) + Array.from(pieces[last] ?? '').length;
  return { ...state, lines, row: state.row + last, column };
}

function replaceLine(state: EditorState, line: string, column: number): EditorState {
  const lines = [...state.lines];
  lines[state.row] = line;
  return { ...state, lines, column };
}

function joinWithPrevious(state: EditorState): EditorState {
  if (state.row === 0) return state;
  const previous = state.lines[state.row - 1] ?? '';
  const lines = [...state.lines];
  lines.splice(state.row - 1, 2, previous + (state.lines[state.row] ?? ''));
  return { ...state, lines, row: state.row - 1, column: Array.from(previous).length };
}

function joinWithNext(state: EditorState): EditorState {
  if (state.row >= state.lines.length - 1) return state;
  const lines = [...state.lines];
  lines.splice(state.row, 2, (state.lines[state.row] ?? '') + (state.lines[state.row + 1] ?? ''));
  return { ...state, lines };
}

function moved(state: EditorState, motion: EditorMotion, length: number, height: number): EditorState {
  const lastRow = state.lines.length - 1;
  const page = Math.max(1, height - 1);
  switch (motion) {
    case 'left':
      if (state.column > 0) return { ...state, column: state.column - 1 };
      return state.row > 0 ? atLineEnd(state, state.row - 1) : state;
    case 'right':
      if (state.column < length) return { ...state, column: state.column + 1 };
      return state.row < lastRow ? { ...state, row: state.row + 1, column: 0 } : state;
    case 'up':
      return toRow(state, state.row - 1);
    case 'down':
      return toRow(state, state.row + 1);
    case 'page-up':
      return toRow(state, state.row - page);
    case 'page-down':
      return toRow(state, state.row + page);
    case 'line-start':
      return { ...state, column: 0 };
    case 'line-end':
      return { ...state, column: length };
  }
}

function atLineEnd(state: EditorState, row: number): EditorState {
  return { ...state, row, column: Array.from(state.lines[row] ?? '').length };
}

/** Another line, the column kept where that line is long enough. */
function toRow(state: EditorState, wanted: number): EditorState {
  const row = clamp(wanted, 0, state.lines.length - 1);
  return { ...state, row, column: Math.min(state.column, Array.from(state.lines[row] ?? '').length) };
}

/** Scrolls just enough to keep the cursor's line in a window of `height` lines. */
function inView(state: EditorState, height: number): EditorState {
  const rows = Math.max(1, height);
  const top = clamp(state.top, state.row - rows + 1, state.row);
  return { ...state, top: clamp(top, 0, Math.max(0, state.lines.length - rows)) };
}
