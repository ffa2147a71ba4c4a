// The activation list: newest at the top, one line per activation, only the visible rows mounted.
import { Box } from 'ink';
import { useMemo } from 'react';
import type { Activation } from '../../core/activation.js';
import { activationRow, headingLine, listColumns } from '../view/list-columns.js';
import { segment, truncateLine } from '../view/styled-line.js';
import type { TimeFormat } from '../view/time-format.js';
import { windowTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface ActivationListProps {
  list: readonly Activation[];
  selected: number;
  /** The screen row the selection wants to sit on. */
  row: number;
  width: number;
  /** Including the title and heading rows. */
  height: number;
  focused: boolean;
  timeFormat: TimeFormat;
  now: number;
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  /** Shown when the list is empty. */
  emptyText: string;
  /** The activation a row re-ran, for the ones fnmon started. */
  rerunOf?: (id: string) => string | undefined;
  /** Ids marked for the diff. */
  marked?: readonly string[];
}

/** Rows taken by the title and the column headings. */
export const LIST_CHROME_ROWS = 2;

export function ActivationList(props: ActivationListProps) {
  const { list, selected, row, width, height, focused, timeFormat, now, highlight, emptyText, rerunOf } = props;
  const columns = useMemo(() => listColumns(width, timeFormat), [width, timeFormat]);
  const marked = useMemo(() => new Set(props.marked), [props.marked]);
  const bodyHeight = Math.max(0, height - LIST_CHROME_ROWS);
  const top = windowTop(selected, row, bodyHeight, list.length);
  const visible = list.slice(top, top + bodyHeight);
  const info = list.length === 0 ? undefined : `${selected + 1}/${list.length}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <PaneTitle title="Activations" info={info} focused={focused} width={width} />
      <Line line={headingLine(columns)} />
      {visible.length === 0 ? <Line line={truncateLine([segment(`  ${emptyText}`, { dim: true })], width)} /> : null}
      {visible.map((activation, index) => (
        <Line
          key={index}
          line={activationRow(activation, columns, {
            selected: top + index === selected,
            now,
            timeFormat,
            highlight,
            rerunOf: rerunOf?.(activation.id),
            marked: marked.has(activation.id),
          })}
        />
      ))}
    </Box>
  );
}
