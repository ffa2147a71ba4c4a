// The re-invoke dialog (r): the parameter editor, where each value comes from, the history, the
// wait/async choice and the confirmation; once answered, the result in place of the editor.
import { Box } from 'ink';
import { shortId } from '../../core/activation.js';
import { sanitize } from '../../core/logline.js';
import type { InvokeDialog as DialogState } from '../state/invoke-dialog.js';
import type { DialogLayout } from '../view/dialog-layout.js';
import { editorLines } from '../view/editor-lines.js';
import {
  editorTitle,
  footerLines,
  historyLines,
  historyTitle,
  parseStatusLine,
  provenanceLines,
  provenanceTitle,
  warningLines,
} from '../view/invoke-lines.js';
import type { StyledLine } from '../view/styled-line.js';
import { clamp, maxTop, windowTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface InvokeDialogProps {
  dialog: DialogState;
  layout: DialogLayout;
  /** The result view laid out to the width (empty until the answer). */
  resultRows: readonly StyledLine[];
  now: number;
  height: number;
}

export function InvokeDialog({ dialog, layout, resultRows, now, height }: InvokeDialogProps) {
  const { width } = layout;
  const info = dialog.projectFile ? `defaults: ${sanitize(dialog.projectFile)}` : undefined;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle
        title={`Re-invoke ${sanitize(dialog.fn)} · re-run of ${sanitize(shortId(dialog.rerunOf))}`}
        info={info}
        focused
        width={width}
      />
      {dialog.phase === 'done' ? (
        <Rows rows={windowOf(resultRows, dialog.resultTop, layout.resultRows)} height={layout.resultRows} />
      ) : (
        <Editing dialog={dialog} layout={layout} now={now} />
      )}
      <Rows rows={footerLines(dialog, width)} height={2} />
    </Box>
  );
}

function Editing({ dialog, layout, now }: { dialog: DialogState; layout: DialogLayout; now: number }) {
  const { width, sideWidth } = layout;
  const editorFocused = dialog.focus === 'editor';
  const editor = (
    <Box flexDirection="column" width={layout.editorWidth}>
      <Line line={editorTitle(editorFocused && dialog.phase === 'editing', layout.editorWidth)} />
      <Rows
        rows={editorLines(dialog.editor, {
          width: layout.editorWidth,
          height: layout.editorRows,
          cursor: editorFocused && dialog.phase === 'editing',
          ...(!dialog.parsed.ok && { errorLine: dialog.parsed.line }),
        })}
        height={layout.editorRows}
      />
      <Line line={parseStatusLine(dialog, layout.editorWidth)} />
    </Box>
  );
  const history = dialog.sources?.history ?? [];
  const historyFocused = dialog.focus === 'history';
  const historyTop = windowTop(dialog.history.index, dialog.history.row, layout.historyRows, history.length);
  return (
    <>
      <Rows rows={warningLines(dialog.warnings, layout.warningRows, width)} height={layout.warningRows} />
      {sideWidth === undefined ? (
        <>
          {editor}
          <Line line={provenanceTitle(width)} />
          <Rows rows={provenanceLines(dialog.fields, width).slice(0, layout.fieldRows)} height={layout.fieldRows} />
        </>
      ) : (
        <Box flexDirection="row" height={layout.editorRows + 2}>
          {editor}
          <Box
            flexDirection="column"
            width={sideWidth + 1}
            borderStyle="single"
            borderTop={false}
            borderBottom={false}
            borderRight={false}
            borderDimColor
          >
            <Line line={provenanceTitle(sideWidth)} />
            <Rows
              rows={provenanceLines(dialog.fields, sideWidth).slice(0, layout.editorRows + 1)}
              height={layout.editorRows + 1}
            />
          </Box>
        </Box>
      )}
      <Line line={historyTitle(history.length, historyFocused, width)} />
      <Rows
        rows={historyLines(
          history,
          { index: dialog.history.index, top: historyTop, rows: layout.historyRows, focused: historyFocused },
          now,
          width,
        )}
        height={layout.historyRows}
      />
    </>
  );
}

/** A fixed-height block of lines: short content leaves blank rows, so the frame keeps its size. */
function Rows({ rows, height }: { rows: readonly StyledLine[]; height: number }) {
  if (height <= 0) return null;
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {rows.slice(0, height).map((row, index) => (
        <Line key={index} line={row} />
      ))}
    </Box>
  );
}

function windowOf(rows: readonly StyledLine[], top: number, height: number): readonly StyledLine[] {
  const first = clamp(top, 0, maxTop(rows.length, height));
  return rows.slice(first, first + height);
}
