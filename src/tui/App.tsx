// The monitor: live data from the service's store, UI state from the reducer, keys through the
// keymap, and a layout that fits the terminal exactly. Views below are pure; this wires them.
import { Box, useApp, useStdout, useWindowSize } from 'ink';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { highlightRanges, isEmptyFilter } from '../core/filter.js';
import { sanitize } from '../core/logline.js';
import type { MonitorService } from '../core/monitor.js';
import { unicodeBlocksLikely } from '../core/sparkline.js';
import { Body } from './components/Body.js';
import { BottomBar } from './components/BottomBar.js';
import { Header } from './components/Header.js';
import { PROMPT_HEIGHT, PromptLine } from './components/PromptLine.js';
import { TooSmall } from './components/TooSmall.js';
import { editExternally, type EditorOutcome } from './external-editor.js';
import { useActivationDetail } from './hooks/use-activation-detail.js';
import { useFeedHealth } from './hooks/use-feed-health.js';
import { useForwardedRows, useForwardedVersion } from './hooks/use-forwarded.js';
import { useInsightViews } from './hooks/use-insight-views.js';
import { useInvokeFlow } from './hooks/use-invoke-flow.js';
import { useKeyInput } from './hooks/use-key-input.js';
import { useMessageExpiry } from './hooks/use-message-expiry.js';
import { useNow } from './hooks/use-now.js';
import { usePaneRows } from './hooks/use-pane-rows.js';
import { useResultRows } from './hooks/use-result-rows.js';
import { useSequenceLines } from './hooks/use-sequence-lines.js';
import { useStoreVersion } from './hooks/use-store-version.js';
import { useVisibleList } from './hooks/use-visible-list.js';
import { barItems } from './key-lookup.js';
import type { Command, KeyContext } from './keymap.js';
import { selectedIndex } from './state/cursor.js';
import { initialState, keyMode, uiReducer, type UiPreferences } from './state/ui-state.js';
import { computeLayout } from './view/layout.js';

export interface AppProps {
  service: MonitorService;
  commands: readonly Command[];
  /** Problems with the user's key remapping, shown once at start. */
  warnings?: readonly string[];
  /** Where `s` saves (default: the current directory). */
  saveDir?: string;
  /** How times, long lines and log timestamps start out (config.yaml's `ui:`). */
  preferences?: UiPreferences;
  /** Finds $VISUAL/$EDITOR for the re-invoke dialog (default: process.env). */
  editorEnv?: NodeJS.ProcessEnv;
  /** Sparklines and timing bars in plain ASCII (default: unless the locale says UTF-8). */
  asciiBlocks?: boolean;
}

const NO_RANGES: ReadonlyArray<readonly [number, number]> = [];

export function App(props: AppProps) {
  const { service, commands, warnings = [], saveDir = process.cwd(), editorEnv = process.env } = props;
  const ascii = props.asciiBlocks ?? !unicodeBlocksLikely(process.env);
  const { columns, rows } = useWindowSize();
  const { exit, suspendTerminal } = useApp();
  const { write } = useStdout();
  const [state, dispatch] = useReducer(uiReducer, props.preferences, initialState);
  const version = useStoreVersion(service.store);
  const { forwarded } = service;
  const forwardedVersion = useForwardedVersion(forwarded);
  const health = useFeedHealth(service);
  const now = useNow();
  useMessageExpiry(state.message, dispatch);
  useInvokeFlow(service, state.dialog, dispatch);

  const warningText = warnings.join('; ');
  useEffect(() => {
    if (warningText !== '') dispatch({ type: 'message', text: warningText, tone: 'error' });
  }, [warningText]);

  const visible = useVisibleList(service.store, version, state.paused, state.filter, forwarded?.orphans());
  const index = selectedIndex(visible.list, state.cursor, state.follow);
  const detail = useActivationDetail(service, visible.list[index], now);
  const layout = computeLayout(columns, rows, state.focus, state.secondary, state.prompt ? PROMPT_HEIGHT : 1);
  const bodyWidth = layout.kind === 'too-small' ? 0 : layout.body.width;
  const detailWidth = layout.kind === 'too-small' ? 0 : (layout.detail?.width ?? layout.columns);
  const logWidth = layout.kind === 'too-small' ? 0 : (layout.logs?.width ?? layout.columns);
  const insights = useInsightViews(service, state, bodyWidth, now, version);
  const sequence = useSequenceLines(service, detail, version, detailWidth, ascii);

  const typedFilter = state.filter.filter;
  const highlight = useMemo(
    () => (isEmptyFilter(typedFilter) ? () => NO_RANGES : (text: string) => highlightRanges(typedFilter, text)),
    [typedFilter],
  );
  // A sequence's logs name its components: look them up again when the store changes, so ones
  // that arrive later show up. Other activations' logs need no lookups and are not rebuilt.
  const lookupVersion = detail?.activation.isSequence ? version : 0;
  const lookup = useCallback((id: string) => service.store.get(id), [service, lookupVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  const { invoker } = service;
  const rerunOf = useMemo(() => (invoker ? (id: string) => invoker.rerunOf(id) : undefined), [invoker]);
  const forwardedRows = useForwardedRows(forwarded, forwardedVersion, detail, {
    width: logWidth,
    wrap: state.wrap,
    timestamps: state.logTimestamps,
    highlight,
  });
  const paneRows = usePaneRows(detail, {
    detailWidth,
    logWidth,
    wrap: state.wrap,
    logTimestamps: state.logTimestamps,
    now,
    highlight,
    lookup,
    rerunOf,
    sequence,
    forwarded: forwardedRows,
  });
  const resultRows = useResultRows(state.dialog, bodyWidth, state.wrap);
  // The terminal goes to $EDITOR and comes back with a full redraw (Ink's suspendTerminal).
  const editInTerminal = useCallback(
    async (text: string): Promise<EditorOutcome> => {
      let outcome: EditorOutcome = { ok: false, message: 'the editor did not run' };
      await suspendTerminal(() => {
        outcome = editExternally(text, editorEnv);
      });
      return outcome;
    },
    [suspendTerminal, editorEnv],
  );

  const context: KeyContext = { mode: keyMode(state), focus: state.focus };
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
    editExternally: editInTerminal,
    resultRows,
    insights,
  });

  if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} />;
  const newWhilePaused = state.paused
    ? service.store.size + service.store.evicted - state.paused.arrivedBefore
    : undefined;
  // Clipped vertically only: every row is cut to its width already, and a horizontal clip made Ink
  // slice every row of every frame again (bench/: render). The panes below do the same.
  return (
    <Box flexDirection="column" width={columns} height={rows} overflowY="hidden">
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
        sources={forwarded?.sourcesHealth()}
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
        resultRows={resultRows}
        rerunOf={rerunOf}
        insights={insights}
        ascii={ascii}
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
