// The stats view (i, :stats): one row per function over the chosen window, sorted as chosen, only
// the visible rows mounted. Enter filters the list to the selected function.
import { Box } from 'ink';
import { statsColumn } from '../../core/stats-columns.js';
import type { StatsView as StatsData } from '../hooks/use-stats-view.js';
import { selectedKeyIndex, type StatsViewState } from '../state/insights-state.js';
import { NEAR_TIMEOUT_MARK } from '../theme.js';
import { statsHeading, statsRow } from '../view/stats-table.js';
import { fitLine, segment } from '../view/styled-line.js';
import { windowTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface StatsViewProps {
  stats: StatsData;
  view: StatsViewState;
  width: number;
  height: number;
  ascii: boolean;
}

/** Rows around the function rows: the title, the headings and the legend. */
export const STATS_CHROME_ROWS = 3;

export function StatsView({ stats, view, width, height, ascii }: StatsViewProps) {
  const { rows, keys, columns } = stats;
  const bodyHeight = Math.max(0, height - STATS_CHROME_ROWS);
  const selected = selectedKeyIndex(keys, view.selection);
  const top = windowTop(selected, view.selection.row, bodyHeight, rows.length);
  const minutes = Math.round(stats.window.windowMs / 60_000);
  const arrow = view.direction === 'asc' ? '↑' : '↓';
  const info = `${rows.length} function${rows.length === 1 ? '' : 's'} · sort ${statsColumn(view.sort).title} ${arrow}`;
  const sort = { column: view.sort, direction: view.direction };
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title={`Stats · last ${minutes} min`} info={info} focused width={width} />
      <Line line={statsHeading(columns, sort)} />
      {rows.length === 0 ? (
        <Line line={fitLine([segment(`  no activations in the last ${minutes} min`, { dim: true })], width)} />
      ) : null}
      {rows.slice(top, top + bodyHeight).map((row, index) => (
        <Line key={index} line={statsRow(row, columns, { selected: top + index === selected, ascii })} />
      ))}
      <Box flexGrow={1} />
      <Line line={fitLine([segment(legend(minutes), { dim: true })], width)} />
    </Box>
  );
}

function legend(minutes: number): string {
  return (
    `  ${NEAR_TIMEOUT_MARK} often over 80% of its time limit · RATE, FAILURES: over the ${minutes} min, oldest left · ` +
    'percentiles within 1%'
  );
}
