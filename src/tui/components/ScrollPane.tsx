// A titled, windowed pane of laid-out rows: only the visible rows are mounted (or built, for lazy rows).
import { Box } from 'ink';
import type { Rows } from '../view/rows.js';
import { truncateLine, type StyledLine } from '../view/styled-line.js';
import { clamp, maxTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface ScrollPaneProps {
  title: string;
  rows: Rows;
  top: number;
  width: number;
  /** Including the title row. */
  height: number;
  focused: boolean;
  /** Replaces the rows while there is nothing to show yet (loading, error, no selection). */
  placeholder?: StyledLine;
}

export function ScrollPane({ title, rows, top, width, height, focused, placeholder }: ScrollPaneProps) {
  const bodyHeight = Math.max(0, height - 1);
  const first = clamp(top, 0, maxTop(rows.length, bodyHeight));
  const visible = placeholder ? [truncateLine(placeholder, width)] : rows.slice(first, first + bodyHeight);
  const info =
    !placeholder && rows.length > bodyHeight
      ? `${first + 1}-${Math.min(rows.length, first + bodyHeight)}/${rows.length}`
      : undefined;
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <PaneTitle title={title} info={info} focused={focused} width={width} />
      {visible.map((row, index) => (
        <Line key={index} line={row} />
      ))}
    </Box>
  );
}
