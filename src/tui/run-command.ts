// What each command does: reducer actions, plus the few effects that leave the UI (clipboard,
// files, the service, exiting). The input hook resolves keys to commands; this runs them. The
// re-invoke dialog's and the namespace picker's commands are in run-dialog.ts, the insight views'
// in run-insights.ts.
import type { Dispatch } from 'react';
import type { Activation } from '../core/activation.js';
import type { MonitorService } from '../core/monitor.js';
import { osc52 } from './clipboard.js';
import type { ActivationDetail } from './hooks/use-activation-detail.js';
import type { InsightViews } from './hooks/use-insight-views.js';
import type { PaneRows } from './hooks/use-pane-rows.js';
import type { VisibleList } from './hooks/use-visible-list.js';
import type { CommandId, DialogCommandId } from './keymap.js';
import { DIALOG_COMMANDS } from './keymap-dialogs.js';
import { INSIGHT_COMMANDS, isInsightMode, type InsightCommandId } from './keymap-insights.js';
import type { EditorOutcome } from './external-editor.js';
import { LIST_CHROME_ROWS } from './components/ActivationList.js';
import { PICKER_CHROME_ROWS } from './components/FunctionPicker.js';
import { moveInDialog, openNamespaces, openReinvoke, runDialogCommand, typeIntoEditor } from './run-dialog.js';
import { moveInInsight, runInsightCommand } from './run-insights.js';
import { saveJsonLines } from './save.js';
import { parseColonCommand } from './state/command-line.js';
import { isFiltering } from './state/filter-state.js';
import type { UiAction, UiState } from './state/ui-state.js';
import { orphanEntryOf } from './view/orphan-rows.js';
import { helpLines } from './view/help-lines.js';
import type { Layout } from './view/layout.js';
import type { StyledLine } from './view/styled-line.js';
import { streamList } from './view/orphan-rows.js';
import type { Motion } from './view/window.js';
import type { Command } from './keymap.js';

export interface CommandEnv {
  state: UiState;
  dispatch: Dispatch<UiAction>;
  commands: readonly Command[];
  layout: Layout;
  visible: VisibleList;
  detail?: ActivationDetail;
  rows: PaneRows;
  service: MonitorService;
  saveDir: string;
  /** Writes our own bytes to the terminal (OSC 52), between frames. */
  write: (data: string) => void;
  exit: () => void;
  /** Hands the terminal to $EDITOR on `text` and takes it back. */
  editExternally: (text: string) => Promise<EditorOutcome>;
  /** The re-invoke dialog's result view, laid out (for scrolling it). */
  resultRows: readonly StyledLine[];
  /** The open insight view's rows (to move over and act on). */
  insights: InsightViews;
}

const DIALOG_IDS: ReadonlySet<CommandId> = new Set(DIALOG_COMMANDS.map((command) => command.id));

function isDialogCommand(id: CommandId): id is DialogCommandId {
  return DIALOG_IDS.has(id);
}

const INSIGHT_IDS: ReadonlySet<CommandId> = new Set(INSIGHT_COMMANDS.map((command) => command.id));

function isInsightCommand(id: CommandId): id is InsightCommandId {
  return INSIGHT_IDS.has(id);
}

const MOTIONS: Partial<Record<CommandId, Motion>> = {
  'move-down': 'down',
  'move-up': 'up',
  top: 'top',
  bottom: 'bottom',
  'page-down': 'page-down',
  'page-up': 'page-up',
};

export function runCommand(id: CommandId, env: CommandEnv): void {
  const { dispatch, state } = env;
  const motion = MOTIONS[id];
  if (motion) return move(motion, env);
  if (isDialogCommand(id)) return runDialogCommand(id, env);
  if (isInsightCommand(id)) return runInsightCommand(id, env);
  switch (id) {
    case 'open-detail':
      return dispatch({ type: 'focus', focus: 'detail' });
    case 'open-logs':
      return dispatch({ type: 'focus', focus: 'logs' });
    case 'next-pane':
      return dispatch({ type: 'cycle-focus', step: 1 });
    case 'previous-pane':
      return dispatch({ type: 'cycle-focus', step: -1 });
    case 'back':
      return dispatch({ type: 'focus', focus: 'list' });
    case 'clear-filter':
      if (!isFiltering(state.filter)) return;
      dispatch({ type: 'clear-filters' });
      return dispatch({ type: 'message', text: 'filters cleared', tone: 'info' });
    case 'filter':
      return dispatch({ type: 'open-prompt', kind: 'filter' });
    case 'command-line':
      return dispatch({ type: 'open-prompt', kind: 'command' });
    case 'errors-only':
      return dispatch({ type: 'errors-only' });
    case 'cycle-status':
      return dispatch({ type: 'cycle-status' });
    case 'pick-functions':
      return pickFunctions(env);
    case 'pause':
      return togglePause(env);
    case 'follow':
      return dispatch({ type: 'toggle', option: 'follow' });
    case 'time-format':
      return dispatch({ type: 'toggle', option: 'timeFormat' });
    case 'wrap':
      return dispatch({ type: 'toggle', option: 'wrap' });
    case 'log-timestamps':
      return dispatch({ type: 'toggle', option: 'logTimestamps' });
    case 'copy-id':
      return copy(env, 'id');
    case 'copy-record':
      return copy(env, 'record');
    case 'save':
      return save(env);
    case 'reinvoke':
      return openReinvoke(env);
    case 'pick-namespace':
      return openNamespaces(env);
    case 'help':
      return dispatch({ type: 'open-help' });
    case 'close':
      return dispatch({ type: 'close-view' });
    case 'quit':
      // From a pane, q goes back to the list first, like Esc; from the list it quits.
      return state.focus === 'list' ? env.exit() : dispatch({ type: 'focus', focus: 'list' });
    case 'force-quit':
      return env.exit();
    case 'prompt-accept':
      return acceptPrompt(env);
    case 'prompt-cancel':
      return dispatch({ type: 'close-prompt', restore: true });
    case 'prompt-backspace':
      return dispatch({ type: 'edit-prompt', edit: { kind: 'backspace' } });
    case 'prompt-delete-word':
      return dispatch({ type: 'edit-prompt', edit: { kind: 'delete-word' } });
    case 'prompt-clear':
      return dispatch({ type: 'edit-prompt', edit: { kind: 'clear' } });
    case 'picker-toggle':
      return dispatch({ type: 'picker-toggle' });
    case 'picker-apply':
      return dispatch({ type: 'picker-apply' });
    case 'picker-clear':
      return dispatch({ type: 'picker-clear' });
  }
}

function move(motion: Motion, env: CommandEnv): void {
  const { state, dispatch, layout } = env;
  if (layout.kind === 'too-small') return;
  if (state.mode === 'namespaces' || state.mode === 'invoke') return moveInDialog(motion, env);
  if (isInsightMode(state.mode)) return moveInInsight(motion, env);
  const bodyHeight = layout.body.height;
  if (state.mode === 'help') {
    const length = helpLines(env.commands, layout.body.width).length;
    return dispatch({ type: 'scroll', pane: 'help', motion, height: bodyHeight - 1, length });
  }
  if (state.mode === 'picker')
    return dispatch({ type: 'picker-move', motion, height: bodyHeight - PICKER_CHROME_ROWS });
  const key = env.detail?.activation.id;
  switch (state.focus) {
    case 'list':
      return dispatch({
        type: 'move-cursor',
        motion,
        list: env.visible.list,
        height: layout.list.height - LIST_CHROME_ROWS,
      });
    case 'detail':
      return dispatch({
        type: 'scroll',
        pane: 'detail',
        motion,
        height: (layout.detail?.height ?? 1) - 1,
        length: env.rows.detail.length,
        key,
      });
    case 'logs':
      return dispatch({
        type: 'scroll',
        pane: 'logs',
        motion,
        height: (layout.logs?.height ?? 1) - 1,
        length: env.rows.logs.length,
        key,
      });
  }
}

function togglePause(env: CommandEnv): void {
  const { state, dispatch, service } = env;
  if (state.paused) {
    dispatch({ type: 'resume' });
    return dispatch({ type: 'message', text: 'resumed: showing live activations', tone: 'info' });
  }
  const { store } = service;
  // Frozen with the forwarded-log entries that have no record, as the list shows them.
  dispatch({ type: 'pause', list: streamList(service), arrivedBefore: store.size + store.evicted });
  dispatch({ type: 'message', text: 'paused: new activations are collected; Space resumes', tone: 'info' });
}

function pickFunctions(env: CommandEnv): void {
  const { dispatch, service } = env;
  const seen = new Set<string>();
  for (const activation of service.store.newestFirst()) seen.add(activation.fn);
  dispatch({ type: 'open-picker', seen });
  service.listFunctions().then(
    (names) => dispatch({ type: 'picker-listed', names }),
    (error: unknown) =>
      dispatch({ type: 'picker-failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

function copy(env: CommandEnv, what: 'id' | 'record'): void {
  const activation: Activation | undefined = env.detail?.activation;
  if (!activation) return env.dispatch({ type: 'message', text: 'nothing selected to copy', tone: 'error' });
  if (what === 'id') {
    env.write(osc52(activation.id));
    return env.dispatch({ type: 'message', text: `copied the activation id ${activation.id} (OSC 52)`, tone: 'info' });
  }
  env.write(osc52(JSON.stringify(activation.raw, null, 2)));
  const which = orphanEntryOf(activation)
    ? 'forwarded log entry (it has no activation record)'
    : activation.full
      ? 'full record'
      : 'summary record (the full record is not fetched yet)';
  env.dispatch({ type: 'message', text: `copied the ${which} as JSON (OSC 52)`, tone: 'info' });
}

function save(env: CommandEnv): void {
  const { list } = env.visible;
  saveJsonLines(list, env.saveDir, Date.now()).then(
    (path) =>
      env.dispatch({
        type: 'message',
        text: `saved ${list.length} activation${list.length === 1 ? '' : 's'} to ${path}`,
        tone: 'info',
      }),
    (error: unknown) =>
      env.dispatch({
        type: 'message',
        text: `could not save: ${error instanceof Error ? error.message : String(error)}`,
        tone: 'error',
      }),
  );
}

/** Text typed where text goes: the prompt line, or the re-invoke dialog's editor. */
export function typeText(env: CommandEnv, text: string): void {
  if (env.state.mode === 'invoke') return typeIntoEditor(env, text);
  env.dispatch({ type: 'edit-prompt', edit: { kind: 'insert', text } });
}

function acceptPrompt(env: CommandEnv): void {
  const { state, dispatch } = env;
  const prompt = state.prompt;
  dispatch({ type: 'close-prompt', restore: false });
  if (prompt?.kind === 'filter') {
    if (prompt.error)
      dispatch({
        type: 'message',
        text: 'that filter does not parse: the last valid one stays in force',
        tone: 'error',
      });
    return;
  }
  const command = parseColonCommand(prompt?.text ?? '', Date.now());
  switch (command.kind) {
    case 'quit':
      return env.exit();
    case 'help':
      return dispatch({ type: 'open-help' });
    case 'namespaces':
      return openNamespaces(env);
    case 'stats':
      return runInsightCommand('open-stats', env);
    case 'since':
      dispatch({ type: 'set-since', since: command.since });
      return dispatch({
        type: 'message',
        text: command.since === undefined ? 'showing every retained activation' : 'time filter set',
        tone: 'info',
      });
    case 'error':
      return dispatch({ type: 'message', text: command.message, tone: 'error' });
  }
}
