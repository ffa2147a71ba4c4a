// The bottom line: a status message while one is fresh, else the keys that matter here.
import { sanitize } from '../../core/logline.js';
import type { BarItem } from '../key-lookup.js';
import type { StatusMessage } from '../state/ui-state.js';
import { fitLine, lineWidth, segment, type Segment } from '../view/styled-line.js';
import { Line } from './Line.js';

export interface BottomBarProps {
  items: readonly BarItem[];
  message?: StatusMessage;
  width: number;
}

export function BottomBar({ items, message, width }: BottomBarProps) {
  if (message) {
    const style = message.tone === 'error' ? ({ color: 'red', bold: true } as const) : ({ color: 'green' } as const);
    return (
      <Line
        line={fitLine([segment(` ${message.tone === 'error' ? '✗' : '✓'} ${sanitize(message.text)}`, style)], width)}
      />
    );
  }
  return <Line line={fitLine(keySegments(fitItems(items, width)), width)} />;
}

/** Help and quit always stay: help lists everything the bar had to leave out. */
const KEPT: ReadonlySet<string> = new Set(['help', 'quit', 'close']);

/** Whole items that fit in `width`, dropping from the right (but never help or quit). */
export function fitItems(items: readonly BarItem[], width: number): BarItem[] {
  const fitted = [...items];
  while (lineWidth(keySegments(fitted)) > width) {
    const index = fitted.findLastIndex((item) => !KEPT.has(item.id));
    if (index < 0) break;
    fitted.splice(index, 1);
  }
  return fitted;
}

export function keySegments(items: readonly BarItem[]): Segment[] {
  return items.flatMap((item) => [
    segment(' '),
    segment(item.keys, { bold: true, color: 'cyan' }),
    segment(` ${item.label} `, { dim: true }),
  ]);
}
