// The monitor-level actions of the re-invoke dialog and the namespace picker: opening and closing
// them, routing async answers (to the dialog they belong to, or to the status line), selecting the
// activation a re-run started, and starting over on another namespace.
import type { Activation } from '../../core/activation.js';
import type { InvokeResult } from '../../core/invoke.js';
import { describeOutcome } from '../view/invoke-outcome.js';
import { INITIAL_CURSOR, cursorAt, locate, type Cursor } from './cursor.js';
import { dialogReducer, openDialog, type DialogAction } from './invoke-dialog.js';
import { nextMessage } from './message.js';
import { OPENING_NAMESPACES, namespaceReducer, type NamespaceAction } from './namespace-picker.js';
import type { StatusMessage, UiState } from './ui-state.js';

export type DialogUiAction =
  | { type: 'open-namespaces' }
  | { type: 'namespaces'; action: NamespaceAction }
  | { type: 'namespace-switched'; label: string }
  | { type: 'open-dialog'; fn: string; rerunOf: string }
  | { type: 'dialog'; action: DialogAction }
  | { type: 'invoke-finished'; id: number; fn: string; result: InvokeResult }
  | { type: 'close-dialog' }
  | { type: 'select-activation'; id: string; start: number; list: readonly Activation[] };

export function dialogUiReducer(state: UiState, action: DialogUiAction): UiState {
  switch (action.type) {
    case 'open-namespaces':
      return { ...state, mode: 'namespaces', namespaces: OPENING_NAMESPACES };
    case 'namespaces':
      return state.namespaces ? { ...state, namespaces: namespaceReducer(state.namespaces, action.action) } : state;
    case 'namespace-switched':
      return withMessage(switchedNamespace(state), `switched to ${action.label}`, 'info');
    case 'open-dialog': {
      const id = state.dialogSerial + 1;
      return { ...state, mode: 'invoke', dialogSerial: id, dialog: openDialog(id, action.fn, action.rerunOf) };
    }
    case 'dialog':
      return state.dialog ? { ...state, dialog: dialogReducer(state.dialog, action.action) } : state;
    case 'invoke-finished':
      return invokeFinished(state, action);
    case 'close-dialog': {
      const { dialog: _dialog, ...rest } = state;
      return { ...rest, mode: 'normal' };
    }
    case 'select-activation':
      return selectActivation(state, action);
  }
}

function withMessage(state: UiState, text: string, tone: StatusMessage['tone']): UiState {
  return { ...state, message: nextMessage(state.message, text, tone) };
}

/** A new namespace starts like a new monitor: on the newest, following, live; the filters stay. */
function switchedNamespace(state: UiState): UiState {
  const { namespaces: _namespaces, paused: _paused, ...rest } = state;
  return {
    ...rest,
    mode: 'normal',
    focus: 'list',
    cursor: INITIAL_CURSOR,
    follow: true,
    detailScroll: { top: 0 },
    logScroll: { top: 0 },
    // Marks name the old namespace's activations.
    insights: { ...rest.insights, marked: [] },
  };
}

/** The answer goes to its dialog when that is still open, else to the status line. */
function invokeFinished(state: UiState, action: Extract<DialogUiAction, { type: 'invoke-finished' }>): UiState {
  if (state.dialog?.id === action.id && state.dialog.phase === 'sending')
    return {
      ...state,
      dialog: dialogReducer(state.dialog, { kind: 'finished', id: action.id, result: action.result }),
    };
  const outcome = describeOutcome(action.result);
  return withMessage(state, `${action.fn}: ${outcome.text}`, outcome.tone);
}

/** Selects one activation (what a re-run started) when the list shows it; following stops. */
function selectActivation(state: UiState, action: Extract<DialogUiAction, { type: 'select-activation' }>): UiState {
  const wanted: Cursor = { id: action.id, start: action.start, index: 0, row: 0, pinned: true };
  const index = locate(action.list, wanted);
  if (action.list[index]?.id !== action.id)
    return withMessage(state, 'the new activation is not in the list (a filter or a pause hides it)', 'error');
  const { dialog: _dialog, ...rest } = state;
  return { ...rest, mode: 'normal', focus: 'list', follow: false, cursor: cursorAt(action.list, index, index) };
}
