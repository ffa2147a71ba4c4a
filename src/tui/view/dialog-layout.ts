// Where the re-invoke dialog's parts go in the body area. The heights add up to the body's exactly;
// the editor takes what the fixed parts leave. Wide bodies put the provenance beside the editor.
import type { InvokeDialog } from '../state/invoke-dialog.js';

export interface DialogLayout {
  width: number;
  warningRows: number;
  /** Text rows of the editor (its title and status lines are extra). */
  editorRows: number;
  editorWidth: number;
  /** The provenance column beside the editor; absent when it goes below instead. */
  sideWidth?: number;
  /** Rows of the provenance list below the editor (0 when it is beside it). */
  fieldRows: number;
  historyRows: number;
  /** Rows of the result view (the whole middle of the dialog once the answer is there). */
  resultRows: number;
}

/** The title above everything, and the wait/async and action lines below. */
const TITLE_ROWS = 1;
const FOOTER_ROWS = 2;
const MAX_WARNINGS = 2;
const MAX_FIELDS_BELOW = 3;
const MAX_HISTORY = 4;
const MIN_EDITOR = 3;
const SIDE_BY_SIDE_WIDTH = 100;

export function dialogLayout(width: number, height: number, dialog: InvokeDialog): DialogLayout {
  const warningRows = Math.min(dialog.warnings.length, MAX_WARNINGS);
  const sideWidth = width >= SIDE_BY_SIDE_WIDTH ? Math.min(48, Math.floor(width * 0.38)) : undefined;
  const editorWidth = sideWidth === undefined ? width : width - sideWidth - 1;
  const historyCount = dialog.sources?.history.length ?? 0;
  let historyRows = Math.max(1, Math.min(historyCount, MAX_HISTORY));
  let fieldRows = sideWidth === undefined ? Math.max(1, Math.min(dialog.fields.length, MAX_FIELDS_BELOW)) : 0;
  // Editor title + status line, the provenance and history titles when below.
  const chrome = () =>
    TITLE_ROWS + FOOTER_ROWS + warningRows + 2 + (sideWidth === undefined ? 1 + fieldRows : 0) + 1 + historyRows;
  // Short terminals give up history and provenance rows before the editor drops under its minimum.
  while (height - chrome() < MIN_EDITOR && (historyRows > 1 || fieldRows > 1)) {
    if (historyRows >= fieldRows && historyRows > 1) historyRows -= 1;
    else fieldRows -= 1;
  }
  return {
    width,
    warningRows,
    editorRows: Math.max(1, height - chrome()),
    editorWidth,
    ...(sideWidth !== undefined && { sideWidth }),
    fieldRows,
    historyRows,
    resultRows: Math.max(1, height - TITLE_ROWS - FOOTER_ROWS),
  };
}
