// A sequence's components as a tree in the detail pane: each component indented under its sequence,
// with its status, duration and a timing bar on the whole tree's time axis (like a Gantt chart).
// Components not fetched yet show as such; every line is exactly the width.
import { shortId } from '../../core/activation.js';
import { formatDuration } from '../../core/duration.js';
import { padToWidth, sanitize } from '../../core/logline.js';
import { timingBar, type SequenceRow, type SequenceTree } from '../../core/sequence-tree.js';
import { STATUS_LOOK } from '../theme.js';
import { fitLine, segment, type Segment, type StyledLine } from './styled-line.js';

const INDENT = 2;
const STATUS_WIDTH = 11;
const DURATION_WIDTH = 6;
const MIN_BAR = 4;

export interface SequenceLineOptions {
  width: number;
  ascii: boolean;
  /** Components whose fetch failed (the others still missing are on their way). */
  failed: ReadonlySet<string>;
}

export function sequenceLines(tree: SequenceTree, options: SequenceLineOptions): StyledLine[] {
  const { width } = options;
  const nameWidth = Math.max(12, Math.min(40, Math.floor(width * 0.4)));
  const barWidth = Math.max(MIN_BAR, width - nameWidth - STATUS_WIDTH - DURATION_WIDTH - 3);
  const components = tree.rows.length - 1;
  const title = `── sequence: ${components} component${components === 1 ? '' : 's'}, ${formatDuration(tree.end - tree.start)} ──`;
  const lines: StyledLine[] = [[], fitLine([segment(title, { bold: true, dim: true })], width)];
  for (const row of tree.rows) lines.push(fitLine(rowLine(row, nameWidth, barWidth, options), width));
  return lines;
}

function rowLine(row: SequenceRow, nameWidth: number, barWidth: number, options: SequenceLineOptions): Segment[] {
  const indent = ' '.repeat(Math.min(row.depth * INDENT, nameWidth - 4));
  const { activation } = row;
  if (!activation) {
    const state = options.failed.has(row.id) ? 'could not fetch it' : 'fetching…';
    return [
      segment(padToWidth(`${indent}${shortId(row.id)}`, nameWidth + 1), { dim: true }),
      segment(state, { dim: true }),
    ];
  }
  const look = STATUS_LOOK[activation.status];
  const name = `${indent}${sanitize(activation.fn)}`;
  const duration = activation.duration === undefined ? '–' : formatDuration(activation.duration);
  return [
    segment(padToWidth(name, nameWidth), row.depth === 0 ? { bold: true } : {}),
    segment(' '),
    segment(padToWidth(`${look.glyph} ${look.word}`, STATUS_WIDTH), { color: look.color }),
    segment(' '),
    segment(duration.padStart(DURATION_WIDTH), { dim: true }),
    segment(' '),
    segment(timingBar(row.offset, row.width, barWidth, { ascii: options.ascii }), { color: look.color }),
  ];
}
