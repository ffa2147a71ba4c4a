// What the re-invoke dialog's and the namespace picker's commands do. Sending itself happens in
// the flow hook (use-invoke-flow.ts), once per confirmation; here are the state changes and the
// effects that leave the UI: listing and switching namespaces, and the external editor.
import type { CommandId, DialogCommandId } from './keymap.js';
import type { CommandEnv } from './run-command.js';
import { NAMESPACE_CHROME_ROWS } from './components/NamespacePicker.js';
import { predicate } from './state/filter-state.js';
import type { DialogAction } from './state/invoke-dialog.js';
import { chosenOption } from './state/namespace-picker.js';
import { editorText, type EditorEdit } from './state/text-editor.js';
import { dialogLayout, type DialogLayout } from './view/dialog-layout.js';
import type { Motion } from './view/window.js';

const EDITOR_EDITS: Partial<Record<CommandId, EditorEdit>> = {
  'editor-newline': { kind: 'newline' },
  'editor-left': { kind: 'move', motion: 'left' },
  'editor-right': { kind: 'move', motion: 'right' },
  'editor-up': { kind: 'move', motion: 'up' },
  'editor-down': { kind: 'move', motion: 'down' },
  'editor-line-start': { kind: 'move', motion: 'line-start' },
  'editor-line-end': { kind: 'move', motion: 'line-end' },
  'editor-page-up': { kind: 'move', motion: 'page-up' },
  'editor-page-down': { kind: 'move', motion: 'page-down' },
  'editor-backspace': { kind: 'backspace' },
  'editor-delete': { kind: 'delete' },
  'editor-delete-word': { kind: 'delete-word' },
  'editor-delete-to-start': { kind: 'delete-to-start' },
  'editor-delete-to-end': { kind: 'delete-to-end' },
};

export function runDialogCommand(id: DialogCommandId, env: CommandEnv): void {
  const edit = EDITOR_EDITS[id];
  if (edit) return dialog(env, { kind: 'edit', edit, height: editorHeight(env) });
  switch (id) {
    case 'namespace-switch':
      return switchNamespace(env);
    case 'invoke-send':
      return askToConfirm(env);
    case 'invoke-toggle-wait':
      return dialog(env, { kind: 'toggle-wait' });
    case 'invoke-focus':
      return dialog(env, { kind: 'toggle-focus' });
    case 'invoke-external-editor':
      return openExternalEditor(env);
    case 'invoke-history-pick':
      return dialog(env, { kind: 'history-pick', height: editorHeight(env) });
    case 'invoke-confirm':
      return dialog(env, { kind: 'confirm' });
    case 'invoke-back':
      return dialog(env, { kind: 'back' });
    case 'invoke-jump':
      return jumpToResult(env);
    case 'invoke-edit-again':
      return dialog(env, { kind: 'edit-again' });
    case 'invoke-cancel':
    case 'invoke-close':
      return env.dispatch({ type: 'close-dialog' });
  }
}

/** `r`: the dialog for the selected activation's function, unless invoking is off. */
export function openReinvoke(env: CommandEnv): void {
  const activation = env.detail?.activation;
  if (!activation) return env.dispatch({ type: 'message', text: 'nothing selected to re-invoke', tone: 'error' });
  if (!env.service.invoker)
    return env.dispatch({ type: 'message', text: 'read-only: invocation is disabled', tone: 'error' });
  env.dispatch({ type: 'open-dialog', fn: activation.fn, rerunOf: activation.id });
}

/** `N` and `:ns`: the picker, filled when the service has listed the namespaces. */
export function openNamespaces(env: CommandEnv): void {
  const { service, dispatch } = env;
  if (!service.listNamespaces)
    return dispatch({ type: 'message', text: 'this monitor cannot switch namespaces', tone: 'error' });
  dispatch({ type: 'open-namespaces' });
  service.listNamespaces().then(
    (list) => dispatch({ type: 'namespaces', action: { kind: 'listed', list } }),
    (error: unknown) => dispatch({ type: 'namespaces', action: { kind: 'list-failed', message: messageOf(error) } }),
  );
}

/** Motions while the dialog or the namespace picker is open. */
export function moveInDialog(motion: Motion, env: CommandEnv): void {
  const { state, layout } = env;
  if (layout.kind === 'too-small') return;
  if (state.mode === 'namespaces') {
    const height = layout.body.height - NAMESPACE_CHROME_ROWS;
    return env.dispatch({ type: 'namespaces', action: { kind: 'move', motion, height } });
  }
  const sizes = currentDialogLayout(env);
  if (!state.dialog || !sizes) return;
  if (state.dialog.phase === 'done')
    return dialog(env, { kind: 'scroll-result', motion, height: sizes.resultRows, length: env.resultRows.length });
  dialog(env, { kind: 'history-move', motion, height: sizes.historyRows });
}

/** Typed text goes into the editor at the cursor. */
export function typeIntoEditor(env: CommandEnv, text: string): void {
  dialog(env, { kind: 'edit', edit: { kind: 'insert', text }, height: editorHeight(env) });
}

function dialog(env: CommandEnv, action: DialogAction): void {
  env.dispatch({ type: 'dialog', action });
}

function currentDialogLayout(env: CommandEnv): DialogLayout | undefined {
  const { layout, state } = env;
  if (layout.kind === 'too-small' || !state.dialog) return undefined;
  return dialogLayout(layout.body.width, layout.body.height, state.dialog);
}

function editorHeight(env: CommandEnv): number {
  return currentDialogLayout(env)?.editorRows ?? 1;
}

function askToConfirm(env: CommandEnv): void {
  const parsed = env.state.dialog?.parsed;
  if (parsed && !parsed.ok) {
    const where = `line ${parsed.line}, column ${parsed.column}`;
    return env.dispatch({ type: 'message', text: `not sent: the parameters do not parse (${where})`, tone: 'error' });
  }
  dialog(env, { kind: 'ask-confirm' });
}

function openExternalEditor(env: CommandEnv): void {
  const current = env.state.dialog;
  if (!current) return;
  env.editExternally(editorText(current.editor)).then(
    (outcome) => {
      if (outcome.ok) return dialog(env, { kind: 'replace-text', text: outcome.text, height: editorHeight(env) });
      env.dispatch({ type: 'message', text: outcome.message, tone: 'error' });
    },
    (error: unknown) => env.dispatch({ type: 'message', text: `$EDITOR: ${messageOf(error)}`, tone: 'error' }),
  );
}

function jumpToResult(env: CommandEnv): void {
  const result = env.state.dialog?.result;
  const id =
    result?.kind === 'result' ? result.activation.id : result?.kind === 'accepted' ? result.activationId : undefined;
  if (id === undefined) return env.dispatch({ type: 'message', text: 'no new activation to go to', tone: 'error' });
  const activation = env.service.store.get(id);
  if (!activation)
    return env.dispatch({ type: 'message', text: 'not in the stream yet: it shows up when it ends', tone: 'info' });
  // The list as it is now: the frame on screen may predate the result's arrival by a throttle tick.
  const { paused, filter } = env.state;
  const source = paused ? paused.list : env.service.store.newestFirst();
  const test = predicate(filter);
  env.dispatch({ type: 'select-activation', id, start: activation.start, list: test ? source.filter(test) : source });
}

function switchNamespace(env: CommandEnv): void {
  const { state, service, dispatch } = env;
  const picker = state.namespaces;
  // One switch at a time: Enter again while one is under way does nothing.
  if (!picker || picker.loading || picker.switching !== undefined || !service.switchNamespace) return;
  const option = chosenOption(picker);
  if (!option) return;
  if (option.current) {
    dispatch({ type: 'close-view' });
    return dispatch({ type: 'message', text: `already on ${option.label}`, tone: 'info' });
  }
  dispatch({ type: 'namespaces', action: { kind: 'switching', key: option.key } });
  service.switchNamespace(option.key).then(
    () => dispatch({ type: 'namespace-switched', label: service.target.namespaceLabel }),
    (error: unknown) => dispatch({ type: 'namespaces', action: { kind: 'switch-failed', message: messageOf(error) } }),
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
