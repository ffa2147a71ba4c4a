// The diff view (d): the two marked activations side by side, scrollable, only visible lines mounted.
import type { DiffView as DiffData } from '../hooks/use-diff-view.js';
import { ScrollPane } from './ScrollPane.js';

export interface DiffViewProps {
  diff: DiffData;
  top: number;
  width: number;
  height: number;
}

export function DiffView({ diff, top, width, height }: DiffViewProps) {
  return (
    <ScrollPane
      title="Diff · older left, newer right"
      rows={diff.rows}
      top={top}
      width={width}
      height={height}
      focused
    />
  );
}
