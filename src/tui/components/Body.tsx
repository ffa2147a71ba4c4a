// The area between the header and the bottom line: the panes (list, detail, logs), or the modal
// view that takes all of it (help, the function picker, the namespace picker, the re-invoke dialog).
import { Box } from 'ink';
import type { InsightViews } from '../hooks/use-insight-views.js';
import type { PaneRows } from '../hooks/use-pane-rows.js';
import type { VisibleList } from '../hooks/use-visible-list.js';
import type { Command } from '../keymap.js';
import { isInsightMode } from '../keymap-insights.js';
import { screenRow } from '../state/cursor.js';
import { isFiltering } from '../state/filter-state.js';
import type { UiState } from '../state/ui-state.js';
import { dialogLayout } from '../view/dialog-layout.js';
import type { Layout } from '../view/layout.js';
import { segment, type StyledLine } from '../view/styled-line.js';
import { ActivationList } from './ActivationList.js';
import { FunctionPicker } from './FunctionPicker.js';
import { HelpOverlay } from './HelpOverlay.js';
import { InsightView } from './InsightView.js';
import { InvokeDialog } from './InvokeDialog.js';
import { NamespacePicker } from './NamespacePicker.js';
import { ScrollPane } from './ScrollPane.js';

export interface BodyProps {
  state: UiState;
  layout: Extract<Layout, { kind: 'wide' | 'narrow' }>;
  commands: readonly Command[];
  list: VisibleList;
  index: number;
  rows: PaneRows;
  now: number;
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  detailTitle: string;
  /** The re-invoke dialog's result view, laid out to the body's width. */
  resultRows: readonly StyledLine[];
  rerunOf?: (id: string) => string | undefined;
  /** The open insight view's data (stats, fingerprints, diff). */
  insights: InsightViews;
  /** Sparklines and timing bars in plain ASCII. */
  ascii: boolean;
}

export function Body(props: BodyProps) {
  const { state, layout, commands, now } = props;
  const { body } = layout;
  if (state.mode === 'help')
    return <HelpOverlay commands={commands} top={state.helpTop} width={body.width} height={body.height} />;
  if (state.mode === 'picker' && state.picker)
    return <FunctionPicker picker={state.picker} width={body.width} height={body.height} />;
  if (state.mode === 'namespaces' && state.namespaces)
    return <NamespacePicker picker={state.namespaces} width={body.width} height={body.height} />;
  if (state.mode === 'invoke' && state.dialog)
    return (
      <InvokeDialog
        dialog={state.dialog}
        layout={dialogLayout(body.width, body.height, state.dialog)}
        resultRows={props.resultRows}
        now={now}
        height={body.height}
      />
    );
  if (isInsightMode(state.mode))
    return <InsightView state={state} views={props.insights} body={body} now={now} ascii={props.ascii} />;
  return <Panes {...props} />;
}

function Panes({ state, layout, list, index, rows, now, highlight, detailTitle, rerunOf }: BodyProps) {
  const { body } = layout;
  const selectedId = list.list[index]?.id;
  const placeholder: StyledLine | undefined =
    selectedId === undefined ? [segment('no activation selected', { dim: true })] : undefined;
  const emptyText =
    list.total === 0
      ? 'waiting for activations…'
      : isFiltering(state.filter)
        ? 'nothing matches the filters (Esc clears them)'
        : 'nothing to show';
  const listPane = (
    <ActivationList
      list={list.list}
      selected={index}
      row={state.follow ? 0 : screenRow(state.cursor, index)}
      width={layout.list.width}
      height={layout.list.height}
      focused={state.focus === 'list'}
      timeFormat={state.timeFormat}
      now={now}
      highlight={highlight}
      emptyText={emptyText}
      rerunOf={rerunOf}
      marked={state.insights.marked}
    />
  );
  const scrollTop = (scroll: UiState['detailScroll']) => (scroll.key === selectedId ? scroll.top : 0);
  const detailPane = layout.detail && (
    <ScrollPane
      title={`Detail${detailTitle}`}
      rows={rows.detail}
      top={scrollTop(state.detailScroll)}
      width={layout.detail.width}
      height={layout.detail.height}
      focused={state.focus === 'detail'}
      placeholder={placeholder}
    />
  );
  const logPane = layout.logs && (
    <ScrollPane
      title={`Logs${detailTitle}`}
      rows={rows.logs}
      top={scrollTop(state.logScroll)}
      width={layout.logs.width}
      height={layout.logs.height}
      focused={state.focus === 'logs'}
      placeholder={placeholder}
    />
  );
  if (layout.kind === 'narrow') {
    return (
      <Box flexDirection="column" width={body.width} height={body.height}>
        {listPane}
        {detailPane}
        {logPane}
      </Box>
    );
  }
  return (
    <Box flexDirection="row" width={body.width} height={body.height}>
      {listPane}
      <Box
        flexDirection="column"
        borderStyle="single"
        borderTop={false}
        borderBottom={false}
        borderRight={false}
        borderDimColor
        height={body.height}
      >
        {detailPane}
        {logPane}
      </Box>
    </Box>
  );
}
