// The function picker (F): a checklist of functions; the list shows only the checked ones.
import { Box } from 'ink';
import { sanitize } from '../../core/logline.js';
import type { PickerState } from '../state/picker-state.js';
import { fitLine, segment, truncateLine, type StyledLine } from '../view/styled-line.js';
import { windowTop } from '../view/window.js';
import { SELECTED_MARK } from '../theme.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface FunctionPickerProps {
  picker: PickerState;
  width: number;
  height: number;
}

/** Rows above the names: the title and the status line. */
export const PICKER_CHROME_ROWS = 2;

export function FunctionPicker({ picker, width, height }: FunctionPickerProps) {
  const bodyHeight = Math.max(0, height - PICKER_CHROME_ROWS);
  const top = windowTop(picker.index, picker.row, bodyHeight, picker.names.length);
  const visible = picker.names.slice(top, top + bodyHeight);
  const chosen =
    picker.selected.size === 0 ? 'none checked: every function is shown' : `${picker.selected.size} checked`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Functions" info={chosen} focused width={width} />
      <Line line={truncateLine(statusLine(picker), width)} />
      {visible.map((name, index) => {
        const current = top + index === picker.index;
        const checked = picker.selected.has(name);
        const line: StyledLine = [
          segment(current ? `${SELECTED_MARK} ` : '  ', { color: 'cyan', bold: true }),
          segment(checked ? '[x] ' : '[ ] ', { color: checked ? 'green' : undefined, bold: checked }),
          segment(sanitize(name)),
        ];
        const fitted = fitLine(line, width);
        return <Line key={index} line={current ? fitted.map((part) => ({ ...part, inverse: true })) : fitted} />;
      })}
    </Box>
  );
}

function statusLine(picker: PickerState): StyledLine {
  if (picker.error)
    return [
      segment(`could not list the namespace's functions: ${sanitize(picker.error)} (showing those seen)`, {
        color: 'red',
      }),
    ];
  if (picker.loading) return [segment("listing the namespace's functions…", { color: 'cyan' })];
  if (picker.names.length === 0) return [segment('no functions found', { dim: true })];
  return [segment(`${picker.names.length} functions`, { dim: true })];
}
