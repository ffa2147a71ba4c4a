// The error fingerprints view (x): failures grouped by their masked message, latest first, only the
// visible rows mounted; under them the selected group's newest example. Enter opens that failure.
import { Box } from 'ink';
import type { FingerprintView } from '../hooks/use-fingerprints.js';
import { selectedKeyIndex, type KeyedSelection } from '../state/insights-state.js';
import {
  FINGERPRINT_DETAIL_ROWS,
  fingerprintColumns,
  fingerprintDetail,
  fingerprintHeading,
  fingerprintRow,
} from '../view/fingerprint-lines.js';
import { fitLine, segment } from '../view/styled-line.js';
import type { TimeFormat } from '../view/time-format.js';
import { windowTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface FingerprintsViewProps {
  fingerprints: FingerprintView;
  selection: KeyedSelection;
  width: number;
  height: number;
  now: number;
  timeFormat: TimeFormat;
}

/** Rows around the fingerprint rows: the title, the headings, a rule and the selected one's lines. */
export const FINGERPRINTS_CHROME_ROWS = 3 + FINGERPRINT_DETAIL_ROWS;

export function FingerprintsView({ fingerprints, selection, width, height, now, timeFormat }: FingerprintsViewProps) {
  const { list, keys } = fingerprints;
  const columns = fingerprintColumns(width, timeFormat);
  const bodyHeight = Math.max(0, height - FINGERPRINTS_CHROME_ROWS);
  const selected = selectedKeyIndex(keys, selection);
  const top = windowTop(selected, selection.row, bodyHeight, list.length);
  const fresh = list.filter((fingerprint) => fingerprint.isNew).length;
  const info = `${list.length} group${list.length === 1 ? '' : 's'}${fresh > 0 ? ` · ${fresh} new` : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Error fingerprints" info={info} focused width={width} />
      <Line line={fingerprintHeading(columns)} />
      {list.length === 0 ? (
        <Line
          line={fitLine(
            [segment('  no failure messages yet (failures seen as summaries are being fetched)', { dim: true })],
            width,
          )}
        />
      ) : null}
      {list.slice(top, top + bodyHeight).map((fingerprint, index) => (
        <Line
          key={index}
          line={fingerprintRow(fingerprint, columns, { selected: top + index === selected, now, timeFormat })}
        />
      ))}
      <Box flexGrow={1} />
      <Line line={fitLine([segment('─'.repeat(width), { dim: true })], width)} />
      {fingerprintDetail(list[selected], width, now, timeFormat).map((line, index) => (
        <Line key={`detail-${index}`} line={line} />
      ))}
    </Box>
  );
}
