// The diff view's lines: two activations side by side, older left, newer right. The compared fields,
// then the result and the logs aligned line by line. A changed line is marked in the gutter (~ changed,
// - only left, + only right) and coloured, so it reads with and without colour. Every line is exactly
// the width (long text is cut, not wrapped, to keep the two sides in step). Text from diff.ts is sanitised.
import { format } from 'date-fns';
import { shortId } from '../../core/activation.js';
import type { ActivationDiff, DiffRow, DiffSide } from '../../core/diff.js';
import { padToWidth } from '../../core/logline.js';
import { fitLine, segment, type Segment, type Style, type StyledLine } from './styled-line.js';

const GUTTER = 2;
const DIVIDER = ' │ ';
const LABEL_WIDTH = 10;
const MARK: Readonly<Record<DiffRow['kind'], string>> = { same: ' ', changed: '~', removed: '-', added: '+' };
const LEFT_STYLE: Readonly<Record<DiffRow['kind'], Style>> = {
  same: {},
  changed: { color: 'red' },
  removed: { color: 'red' },
  added: {},
};
const RIGHT_STYLE: Readonly<Record<DiffRow['kind'], Style>> = {
  same: {},
  changed: { color: 'green' },
  removed: {},
  added: { color: 'green' },
};

interface Halves {
  width: number;
  left: number;
  right: number;
}

function halves(width: number): Halves {
  const left = Math.max(1, Math.floor((width - GUTTER - DIVIDER.length) / 2));
  return { width, left, right: Math.max(1, width - GUTTER - DIVIDER.length - left) };
}

export function diffViewLines(diff: ActivationDiff, width: number): StyledLine[] {
  const sizes = halves(width);
  const lines: StyledLine[] = [titles(sideTitle(diff.left), sideTitle(diff.right), sizes)];
  for (const field of diff.fields) {
    const kind = field.changed ? 'changed' : 'same';
    const label = (value: string) => `${field.label.padEnd(LABEL_WIDTH)}${value}`;
    lines.push(row({ kind, left: label(field.left), right: field.right }, sizes));
  }
  lines.push(section('result', sizes), ...diff.result.map((entry) => row(entry, sizes)));
  lines.push(section('logs (timestamps left out)', sizes), ...diff.logs.map((entry) => row(entry, sizes)));
  return lines;
}

function sideTitle(side: DiffSide): string {
  return `${shortId(side.id)}  ${format(side.start, 'yyyy-MM-dd HH:mm:ss.SSS')}${side.full ? '' : '  (summary)'}`;
}

function section(title: string, sizes: Halves): StyledLine {
  return fitLine([segment(`── ${title} ──`, { bold: true, color: 'cyan' })], sizes.width);
}

function row(entry: DiffRow, sizes: Halves): StyledLine {
  const mark = MARK[entry.kind];
  const parts: Segment[] = [
    segment(`${mark} `, entry.kind === 'same' ? {} : { color: 'yellow', bold: true }),
    segment(padToWidth(entry.left ?? '', sizes.left), LEFT_STYLE[entry.kind]),
    segment(DIVIDER, { dim: true }),
    segment(padToWidth(entry.right ?? '', sizes.right), RIGHT_STYLE[entry.kind]),
  ];
  return fitLine(parts, sizes.width);
}

function titles(left: string, right: string, sizes: Halves): StyledLine {
  return fitLine(
    [
      segment(' '.repeat(GUTTER)),
      segment(padToWidth(left, sizes.left), { bold: true }),
      segment(DIVIDER, { dim: true }),
      segment(padToWidth(right, sizes.right), { bold: true }),
    ],
    sizes.width,
  );
}
