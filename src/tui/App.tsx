// The monitor: live data from the service's store, UI state from the reducer, keys through the
// keymap, and a layout that fits the terminal exactly. Views below are pure; this wires them.
import { Box, useApp, useStdout, useWindowSize } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { highlightRanges, isEmptyFilter } from '../core/filter.js';
import { sanitize } from '../core/logline.js';
import type { MonitorService } from '../core/monitor.js';
import { ActivationList } from './components/ActivationList.js';
import { BottomBar } from './components/BottomBar.js';
import { FunctionPicker } from './components/FunctionPicker.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PROMPT_HEIGHT, PromptLine } from './components/PromptLine.js';
import { ScrollPane } from './components/ScrollPane.js';
import { TooSmall } from './components/TooSmall.js';
import { useActivationDetail } from './hooks/use-activation-detail.js';
import { useFeedHealth } from './hooks/use-feed-health.js';
import { useKeyInput } from './hooks/use-key-input.js';
import { useMessageExpiry } from './hooks/use-message-expiry.js';
import { useNow } from './hooks/use-now.js';
import { usePaneRows, type PaneRows } from './hooks/use-pane-rows.js';
import { useStoreVersion } from './hooks/use-store-version.js';
import { useVisibleList } from './hooks/use-visible-list.js';
import { barItems } from './key-lookup.js';
import type { Command, KeyContext } from './keymap.js';
import { screenRow, selectedIndex } from './state/cursor.js';
import { isFiltering } from './state/filter-state.js';
import { INITIAL_STATE, uiReducer, type UiState } from './state/ui-state.js';
import { computeLayout, type Layout } from './view/layout.js';
import { segment, type StyledLine } from './view/styled-line.js';

export interface AppProps {
  service: MonitorService;
  commands: readonly Command[];
  /** Problems with the user's key remapping, shown once at start. */
  warnings?: readonly string[];
  /** Where `s` saves (default: the current directory). */
  saveDir?: string;
}

const NO_RANGES: ReadonlyArray<readonly [number, number]> = [];

export function App({ service, commands, warnings = [], saveDir = process.cwd() }: AppProps) {
  const { columns, rows } = useWindowSize();
  const { exit } = useApp();
  const { write } = useStdout();
  const [state, dispatch] = useReducer(uiReducer, INITIAL_STATE);
  const version = useStoreVersion(service.store);
  const health = useFeedHealth(service);
  const now = useNow();
  useMessageExpiry(state.message, dispatch);

  const warningText = warnings.join('; ');
  useEffect(() => {
    if (warningText !== '') dispatch({ type: 'message', text: warningText, tone: 'error' });
  }, [warningText]);

  const visible = useVisibleList(service.store, version, state.paused, state.filter);
  const index = selectedIndex(visible.list, state.cursor, state.follow);
  const detail = useActivationDetail(service, visible.list[index], now);
  const layout = computeLayout(columns, rows, state.focus, state.secondary, state.prompt ? PROMPT_HEIGHT : 1);

  const typedFilter = state.filter.filter;
  const highlight = useMemo(
    () => (isEmptyFilter(typedFilter) ? () => NO_RANGES : (text: string) => highlightRanges(typedFilter, text)),
    [typedFilter],
  );
  // A sequence's logs name its components: look them up again when the store changes, so ones
  // that arrive later show up. Other activations' logs need no lookups and are not rebuilt.
  const lookupVersion = detail?.activation.isSequence ? version : 0;
  const lookup = useCallback((id: string) => service.store.get(id), [service, lookupVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  const paneRows = usePaneRows(detail, {
    detailWidth: layout.kind === 'too-small' ? 0 : (layout.detail?.width ?? layout.columns),
    logWidth: layout.kind === 'too-small' ? 0 : (layout.logs?.width ?? layout.columns),
    wrap: state.wrap,
    logTimestamps: state.logTimestamps,
    now,
    highlight,
    lookup,
  });

  const context: KeyContext = { mode: state.mode, focus: state.focus };
  useKeyInput(commands, context, {
    state,
    dispatch,
    commands,
    layout,
    visible,
    detail,
    rows: paneRows,
    service,
    saveDir,
    write,
    exit,
  });

  if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} />;
  const newWhilePaused = state.paused
    ? service.store.size + service.store.evicted - state.paused.arrivedBefore
    : undefined;
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      <Header
        target={service.target}
        health={health}
        newWhilePaused={newWhilePaused}
        follow={state.follow}
        shown={visible.list.length}
        total={visible.total}
        failures={visible.failures}
        filter={state.filter}
        now={now}
        width={columns}
      />
      <Body
        state={state}
        layout={layout}
        commands={commands}
        list={visible}
        index={index}
        rows={paneRows}
        now={now}
        highlight={highlight}
        detailTitle={paneTitle(detail?.activation.fn)}
      />
      {state.prompt ? (
        <PromptLine
          prompt={state.prompt}
          items={barItems(commands, context)}
          shown={visible.list.length}
          width={columns}
        />
      ) : (
        <BottomBar items={barItems(commands, context)} message={state.message} width={columns} />
      )}
    </Box>
  );
}

function paneTitle(fn: string | undefined): string {
  return fn === undefined ? '' : ` · ${sanitize(fn)}`;
}

interface BodyProps {
  state: UiState;
  layout: Extract<Layout, { kind: 'wide' | 'narrow' }>;
  commands: readonly Command[];
  list: ReturnType<typeof useVisibleList>;
  index: number;
  rows: PaneRows;
  now: number;
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  detailTitle: string;
}

function Body({ state, layout, commands, list, index, rows, now, highlight, detailTitle }: BodyProps) {
  const { body } = layout;
  if (state.mode === 'help')
    return <HelpOverlay commands={commands} top={state.helpTop} width={body.width} height={body.height} />;
  if (state.mode === 'picker' && state.picker)
    return <FunctionPicker picker={state.picker} width={body.width} height={body.height} />;

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
