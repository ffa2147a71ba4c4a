// The monitor's UI state and its reducer. Live data is not here (it lives in the store); actions
// that need the visible list carry it, so the reducer stays pure and every step is O(1) apart
// from what the action itself carries.
import type { Activation } from '../../core/activation.js';
import type { Focus, InvokeMode, Mode } from '../keymap.js';
import type { SecondaryPane } from '../view/layout.js';
import type { TimeFormat } from '../view/time-format.js';
import { scrollBy, type Motion } from '../view/window.js';
import { INITIAL_CURSOR, cursorAt, moveIn, type Cursor } from './cursor.js';
import { dialogUiReducer, type DialogUiAction } from './dialog-actions.js';
import { INITIAL_FILTER, nextQuickStatus, withText, type FilterState } from './filter-state.js';
import { INITIAL_INSIGHTS, insightsUiReducer, type InsightAction, type InsightsState } from './insights-state.js';
import {
  clearSelection,
  movePicker,
  openPicker,
  toggleCurrent,
  withListError,
  withListedNames,
  type PickerState,
} from './picker-state.js';
import type { InvokeDialog } from './invoke-dialog.js';
import { nextMessage } from './message.js';
import type { NamespacePicker } from './namespace-picker.js';
import { editText, type Prompt, type PromptEdit } from './prompt.js';

/** A frozen list while paused; the store keeps collecting and `arrivedBefore` counts from here. */
export interface PausedView {
  list: readonly Activation[];
  /** store.size + store.evicted when paused: how many had ever arrived. */
  arrivedBefore: number;
}

/** Scroll offset of a pane for one activation: another activation starts at the top. */
export interface PaneScroll {
  key?: string;
  top: number;
}

export interface StatusMessage {
  text: string;
  tone: 'info' | 'error';
  serial: number;
}

/** What the screen shows; the re-invoke dialog's finer modes for keys come from keyMode(). */
export type ViewMode = Exclude<Mode, InvokeMode> | 'invoke';

/** Starting preferences (config.yaml's `ui:`); unset ones keep the defaults. */
export interface UiPreferences {
  timeFormat?: TimeFormat;
  wrap?: boolean;
  logTimestamps?: boolean;
}

export interface UiState {
  mode: ViewMode;
  focus: Focus;
  /** Which of detail and logs the narrow layout shows under the list. */
  secondary: SecondaryPane;
  cursor: Cursor;
  follow: boolean;
  paused?: PausedView;
  timeFormat: TimeFormat;
  wrap: boolean;
  logTimestamps: boolean;
  detailScroll: PaneScroll;
  logScroll: PaneScroll;
  helpTop: number;
  filter: FilterState;
  prompt?: Prompt;
  picker?: PickerState;
  namespaces?: NamespacePicker;
  dialog?: InvokeDialog;
  /** The stats, fingerprint and diff views, and the marked activations. */
  insights: InsightsState;
  /** Id of the last re-invoke dialog opened. */
  dialogSerial: number;
  message?: StatusMessage;
}

const INITIAL_STATE: UiState = {
  mode: 'normal',
  focus: 'list',
  secondary: 'detail',
  cursor: INITIAL_CURSOR,
  follow: true,
  timeFormat: 'relative',
  wrap: false,
  logTimestamps: true,
  detailScroll: { top: 0 },
  logScroll: { top: 0 },
  helpTop: 0,
  filter: INITIAL_FILTER,
  insights: INITIAL_INSIGHTS,
  dialogSerial: 0,
};

export function initialState(preferences: UiPreferences = {}): UiState {
  return {
    ...INITIAL_STATE,
    timeFormat: preferences.timeFormat ?? INITIAL_STATE.timeFormat,
    wrap: preferences.wrap ?? INITIAL_STATE.wrap,
    logTimestamps: preferences.logTimestamps ?? INITIAL_STATE.logTimestamps,
  };
}

/** The mode keys are looked up in: the re-invoke dialog's depends on its phase and focus. */
export function keyMode(state: UiState): Mode {
  if (state.mode !== 'invoke') return state.mode;
  switch (state.dialog?.phase) {
    case 'editing':
      return state.dialog.focus === 'history' ? 'invoke-history' : 'invoke-edit';
    case 'confirming':
      return 'invoke-confirm';
    case 'sending':
      return 'invoke-sending';
    case 'done':
      return 'invoke-result';
    default:
      return 'invoke-loading';
  }
}

export type UiAction =
  | { type: 'move-cursor'; motion: Motion; list: readonly Activation[]; height: number }
  | { type: 'scroll'; pane: 'detail' | 'logs' | 'help'; motion: Motion; height: number; length: number; key?: string }
  | { type: 'focus'; focus: Focus }
  | { type: 'cycle-focus'; step: 1 | -1 }
  | { type: 'toggle'; option: 'follow' | 'wrap' | 'logTimestamps' | 'timeFormat' }
  | { type: 'pause'; list: readonly Activation[]; arrivedBefore: number }
  | { type: 'resume' }
  | { type: 'errors-only' }
  | { type: 'cycle-status' }
  | { type: 'clear-filters' }
  | { type: 'set-since'; since: number | undefined }
  | { type: 'open-prompt'; kind: Prompt['kind'] }
  | { type: 'edit-prompt'; edit: PromptEdit }
  | { type: 'close-prompt'; restore: boolean }
  | { type: 'open-help' }
  | { type: 'open-picker'; seen: Iterable<string> }
  | { type: 'picker-listed'; names: readonly string[] }
  | { type: 'picker-failed'; message: string }
  | { type: 'picker-move'; motion: Motion; height: number }
  | { type: 'picker-toggle' }
  | { type: 'picker-clear' }
  | { type: 'picker-apply' }
  | { type: 'close-view' }
  | { type: 'message'; text: string; tone: StatusMessage['tone'] }
  | { type: 'expire-message'; serial: number }
  | { type: 'insights'; action: InsightAction }
  | DialogUiAction;

const FOCUS_ORDER: readonly Focus[] = ['list', 'detail', 'logs'];

export function uiReducer(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'move-cursor': {
      // Following keeps the cursor on the newest; moving away from it stops following.
      const from = state.follow ? cursorAt(action.list, 0, 0) : state.cursor;
      const cursor = moveIn(action.list, from, action.motion, action.height);
      return { ...state, cursor, follow: state.follow && action.motion === 'top' };
    }
    case 'scroll':
      return scrollPane(state, action);
    case 'focus':
      return withFocus(state, action.focus);
    case 'cycle-focus': {
      const index = FOCUS_ORDER.indexOf(state.focus);
      return withFocus(state, FOCUS_ORDER[(index + action.step + FOCUS_ORDER.length) % FOCUS_ORDER.length] ?? 'list');
    }
    case 'toggle':
      return toggle(state, action.option);
    case 'pause':
      return { ...state, paused: { list: action.list, arrivedBefore: action.arrivedBefore } };
    case 'resume': {
      // The cursor holds the activation by id, so it finds it again in the live list.
      const { paused: _paused, ...rest } = state;
      return rest;
    }
    case 'errors-only':
      return withFilter(state, { ...state.filter, status: state.filter.status === 'failed' ? 'all' : 'failed' });
    case 'cycle-status':
      return withFilter(state, { ...state.filter, status: nextQuickStatus(state.filter.status) });
    case 'clear-filters':
      return withFilter(state, INITIAL_FILTER);
    case 'set-since':
      return withFilter(state, { ...state.filter, since: action.since });
    case 'open-prompt':
      return {
        ...state,
        mode: action.kind,
        prompt:
          action.kind === 'filter'
            ? { kind: 'filter', text: state.filter.text, before: state.filter }
            : { kind: 'command', text: '' },
      };
    case 'edit-prompt':
      return editPrompt(state, action.edit);
    case 'close-prompt': {
      const { prompt, ...rest } = state;
      const restored = action.restore && prompt?.before ? prompt.before : state.filter;
      return { ...rest, mode: 'normal', filter: restored };
    }
    case 'open-help':
      return { ...state, mode: 'help', helpTop: 0 };
    case 'open-picker':
      return { ...state, mode: 'picker', picker: openPicker(action.seen, state.filter.functions) };
    case 'picker-listed':
      return state.picker ? { ...state, picker: withListedNames(state.picker, action.names) } : state;
    case 'picker-failed':
      return state.picker ? { ...state, picker: withListError(state.picker, action.message) } : state;
    case 'picker-move':
      return state.picker ? { ...state, picker: movePicker(state.picker, action.motion, action.height) } : state;
    case 'picker-toggle':
      return state.picker ? { ...state, picker: toggleCurrent(state.picker) } : state;
    case 'picker-clear':
      return state.picker ? { ...state, picker: clearSelection(state.picker) } : state;
    case 'picker-apply': {
      if (!state.picker) return state;
      const { picker, ...rest } = state;
      return withFilter({ ...rest, mode: 'normal' }, { ...state.filter, functions: picker.selected });
    }
    case 'close-view': {
      const { picker: _picker, namespaces: _namespaces, ...rest } = state;
      return { ...rest, mode: 'normal' };
    }
    case 'open-namespaces':
    case 'namespaces':
    case 'namespace-switched':
    case 'open-dialog':
    case 'dialog':
    case 'invoke-finished':
    case 'close-dialog':
    case 'select-activation':
      return dialogUiReducer(state, action);
    case 'insights':
      return insightsUiReducer(state, action.action);
    case 'message':
      return { ...state, message: nextMessage(state.message, action.text, action.tone) };
    case 'expire-message': {
      if (state.message?.serial !== action.serial) return state;
      const { message: _message, ...rest } = state;
      return rest;
    }
  }
}

function withFocus(state: UiState, focus: Focus): UiState {
  return { ...state, focus, secondary: focus === 'list' ? state.secondary : focus };
}

function toggle(state: UiState, option: 'follow' | 'wrap' | 'logTimestamps' | 'timeFormat'): UiState {
  switch (option) {
    case 'follow':
      return { ...state, follow: !state.follow };
    case 'wrap':
      return { ...state, wrap: !state.wrap };
    case 'logTimestamps':
      return { ...state, logTimestamps: !state.logTimestamps };
    case 'timeFormat':
      return { ...state, timeFormat: state.timeFormat === 'relative' ? 'absolute' : 'relative' };
  }
}

function withFilter(state: UiState, filter: FilterState): UiState {
  return { ...state, filter };
}

function editPrompt(state: UiState, edit: PromptEdit): UiState {
  const prompt = state.prompt;
  if (!prompt) return state;
  const text = editText(prompt.text, edit);
  if (prompt.kind === 'command') return { ...state, prompt: { ...prompt, text } };
  // The filter applies as you type; text that does not parse leaves the last valid filter in force.
  const applied = withText(state.filter, text);
  return { ...state, filter: applied.state, prompt: { ...prompt, text, error: applied.error } };
}

function scrollPane(state: UiState, action: Extract<UiAction, { type: 'scroll' }>): UiState {
  if (action.pane === 'help')
    return { ...state, helpTop: scrollBy(state.helpTop, action.motion, action.height, action.length) };
  const field = action.pane === 'detail' ? 'detailScroll' : 'logScroll';
  const current = state[field].key === action.key ? state[field].top : 0;
  return {
    ...state,
    [field]: { key: action.key, top: scrollBy(current, action.motion, action.height, action.length) },
  };
}
