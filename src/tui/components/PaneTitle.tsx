// A pane's title row: the focused pane's title is bold and inverse, so focus reads without colour.
import { displayWidth } from '../../core/logline.js';
import { fitLine, segment, type Segment } from '../view/styled-line.js';
import { Line } from './Line.js';

export interface PaneTitleProps {
  title: string;
  /** Right-aligned extra, e.g. a scroll position. */
  info?: string;
  focused: boolean;
  width: number;
}

export function PaneTitle({ title, info, focused, width }: PaneTitleProps) {
  const style = focused ? { bold: true, inverse: true, color: 'cyan' as const } : { bold: true, dim: true };
  const left = ` ${focused ? '▸' : ' '} ${title} `;
  const right = info ? ` ${info} ` : '';
  const fill = Math.max(0, width - displayWidth(left) - displayWidth(right));
  const parts: Segment[] = [segment(left, style), segment(' '.repeat(fill), style), segment(right, style)];
  return <Line line={fitLine(parts, width)} />;
}
