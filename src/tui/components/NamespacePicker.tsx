// The namespace picker (N, :ns): every namespace the credentials reach; Enter switches the stream.
import { Box } from 'ink';
import type { NamespaceOption } from '../../core/monitor.js';
import { sanitize } from '../../core/logline.js';
import type { NamespacePicker as PickerState } from '../state/namespace-picker.js';
import { SELECTED_MARK } from '../theme.js';
import { fitLine, segment, truncateLine, type StyledLine } from '../view/styled-line.js';
import { windowTop } from '../view/window.js';
import { Line } from './Line.js';
import { PaneTitle } from './PaneTitle.js';

export interface NamespacePickerProps {
  picker: PickerState;
  width: number;
  height: number;
}

/** Rows above the options: the title and the status line. */
export const NAMESPACE_CHROME_ROWS = 2;

export function NamespacePicker({ picker, width, height }: NamespacePickerProps) {
  const bodyHeight = Math.max(0, height - NAMESPACE_CHROME_ROWS);
  const top = windowTop(picker.index, picker.row, bodyHeight, picker.options.length);
  const visible = picker.options.slice(top, top + bodyHeight);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Namespaces" info={`${picker.options.length} found`} focused width={width} />
      <Line line={truncateLine(statusLine(picker), width)} />
      {visible.map((option, index) => {
        const current = top + index === picker.index;
        const fitted = fitLine(optionLine(option, current), width);
        return <Line key={option.key} line={current ? fitted.map((part) => ({ ...part, inverse: true })) : fitted} />;
      })}
    </Box>
  );
}

function optionLine(option: NamespaceOption, selected: boolean): StyledLine {
  const where = [option.namespace, option.region, option.apiHost]
    .filter((part): part is string => part !== undefined)
    .map(sanitize);
  return [
    segment(selected ? `${SELECTED_MARK} ` : '  ', { color: 'cyan', bold: true }),
    segment(option.current ? '● ' : '  ', { color: 'green', bold: true }),
    segment(sanitize(option.label), { bold: true }),
    segment(`  ${where.join(' · ')}`),
    segment(`  from ${sanitize(option.source)}`, { dim: true }),
  ];
}

function statusLine(picker: PickerState): StyledLine {
  if (picker.switching !== undefined) {
    const to = picker.options.find((option) => option.key === picker.switching);
    return [segment(`switching to ${sanitize(to?.label ?? 'the namespace')}…`, { color: 'cyan' })];
  }
  if (picker.error) return [segment(sanitize(picker.error), { color: 'red' })];
  if (picker.loading) return [segment('listing the namespaces of every credential source…', { color: 'cyan' })];
  if (picker.warnings.length > 0)
    return [segment(`⚠ ${picker.warnings.map(sanitize).join('; ')}`, { color: 'yellow' })];
  if (picker.options.length === 0) return [segment('no namespaces found', { dim: true })];
  return [segment('● is the one streamed now; Enter switches', { dim: true })];
}
