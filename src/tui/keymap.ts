// Keys are data: every command the monitor understands, the keys bound to it, and where it applies.
// The input hook resolves keys against this table, and the help overlay and the bottom bar are
// generated from it (key-lookup.ts); config.yaml remaps keys by command id (keymap-overrides.ts).
// It is long because it is the whole table; the logic lives elsewhere. The re-invoke dialog's and
// the namespace picker's commands are in keymap-dialogs.ts, the insight views' in keymap-insights.ts.
import { DIALOG_COMMANDS, type DialogCommandId, type InvokeMode } from './keymap-dialogs.js';
import { INSIGHT_COMMANDS, INSIGHT_MODES, type InsightCommandId, type InsightMode } from './keymap-insights.js';

export type { DialogCommandId, InvokeMode } from './keymap-dialogs.js';
export type { InsightCommandId, InsightMode } from './keymap-insights.js';

/** What the keyboard is talking to: the normal panes, or one of the modal views. */
export type Mode = 'normal' | 'filter' | 'command' | 'help' | 'picker' | 'namespaces' | InvokeMode | InsightMode;
/** The pane that has focus in normal mode. */
export type Focus = 'list' | 'detail' | 'logs';

export type CommandId =
  | 'move-down'
  | 'move-up'
  | 'top'
  | 'bottom'
  | 'page-down'
  | 'page-up'
  | 'open-detail'
  | 'open-logs'
  | 'next-pane'
  | 'previous-pane'
  | 'back'
  | 'clear-filter'
  | 'filter'
  | 'errors-only'
  | 'cycle-status'
  | 'pick-functions'
  | 'pause'
  | 'follow'
  | 'time-format'
  | 'wrap'
  | 'log-timestamps'
  | 'copy-id'
  | 'copy-record'
  | 'save'
  | 'reinvoke'
  | 'pick-namespace'
  | 'help'
  | 'command-line'
  | 'quit'
  | 'force-quit'
  | 'prompt-accept'
  | 'prompt-cancel'
  | 'prompt-backspace'
  | 'prompt-clear'
  | 'prompt-delete-word'
  | 'picker-toggle'
  | 'picker-apply'
  | 'picker-clear'
  | 'close'
  | DialogCommandId
  | InsightCommandId;

export type CommandGroup =
  | 'Move'
  | 'Panes'
  | 'Filter'
  | 'View'
  | 'Activation'
  | 'Insights'
  | 'Insight views'
  | 'App'
  | 'Prompt'
  | 'Function picker'
  | 'Namespace picker'
  | 'Re-invoke dialog'
  | 'Parameter editor'
  | 'Overlays';

export interface BarEntry {
  /** Short word shown after the key in the bottom bar. */
  label: string;
  /** Show this command's first key too, as `j/k`: for pairs like down/up. */
  pairedWith?: CommandId;
  /** Only in the bar of these panes (the command itself may work in more). */
  focus?: readonly Focus[];
}

export interface Command {
  id: CommandId;
  keys: readonly string[];
  description: string;
  group: CommandGroup;
  /** The modes in which the command is enabled. */
  modes: readonly Mode[];
  /** In normal mode, the panes in which it is enabled; absent = every pane. */
  focus?: readonly Focus[];
  /** Listed in the bottom bar (in table order) where enabled. */
  bar?: BarEntry;
}

export interface KeyContext {
  mode: Mode;
  focus: Focus;
}

/** Where j/k and the other motions move a cursor or scroll. */
export const SCROLLABLE: readonly Mode[] = [
  'normal',
  'help',
  'picker',
  'namespaces',
  'invoke-history',
  'invoke-result',
  ...INSIGHT_MODES,
];
const PROMPTS: readonly Mode[] = ['filter', 'command'];
const EVERY_MODE: readonly Mode[] = [
  'normal',
  'filter',
  'command',
  'help',
  'picker',
  'namespaces',
  'invoke-loading',
  'invoke-edit',
  'invoke-history',
  'invoke-confirm',
  'invoke-sending',
  'invoke-result',
  ...INSIGHT_MODES,
];

/** The default table. Order matters: the first enabled command bound to a key wins. */
export const COMMANDS: readonly Command[] = [
  // Modal views first, so their keys win over the normal-mode bindings of the same key.
  ...DIALOG_COMMANDS,
  {
    id: 'prompt-accept',
    keys: ['enter'],
    description: 'keep the filter / run the command',
    group: 'Prompt',
    modes: PROMPTS,
    bar: { label: 'keep' },
  },
  {
    id: 'prompt-cancel',
    keys: ['esc'],
    description: 'cancel and restore what was there',
    group: 'Prompt',
    modes: PROMPTS,
    bar: { label: 'cancel' },
  },
  {
    id: 'prompt-backspace',
    keys: ['backspace', 'delete'],
    description: 'delete the last character',
    group: 'Prompt',
    modes: PROMPTS,
  },
  {
    id: 'prompt-delete-word',
    keys: ['ctrl+w'],
    description: 'delete the last word',
    group: 'Prompt',
    modes: PROMPTS,
    bar: { label: 'del word' },
  },
  {
    id: 'prompt-clear',
    keys: ['ctrl+u'],
    description: 'clear the line',
    group: 'Prompt',
    modes: PROMPTS,
    bar: { label: 'clear' },
  },
  {
    id: 'picker-toggle',
    keys: ['space', 'x'],
    description: 'select or unselect the function',
    group: 'Function picker',
    modes: ['picker'],
    bar: { label: 'toggle' },
  },
  {
    id: 'picker-apply',
    keys: ['enter'],
    description: 'show only the selected functions',
    group: 'Function picker',
    modes: ['picker'],
    bar: { label: 'apply' },
  },
  {
    id: 'picker-clear',
    keys: ['c'],
    description: 'unselect all (show every function)',
    group: 'Function picker',
    modes: ['picker'],
    bar: { label: 'clear' },
  },
  {
    id: 'close',
    keys: ['esc', 'q', '?'],
    description: 'close this view',
    group: 'Overlays',
    modes: ['help', 'picker', 'namespaces'],
    bar: { label: 'close' },
  },

  {
    id: 'move-down',
    keys: ['j', 'down'],
    description: 'move down / scroll down',
    group: 'Move',
    modes: SCROLLABLE,
    bar: { label: 'move', pairedWith: 'move-up' },
  },
  { id: 'move-up', keys: ['k', 'up'], description: 'move up / scroll up', group: 'Move', modes: SCROLLABLE },
  { id: 'top', keys: ['g', 'home'], description: 'go to the top (newest)', group: 'Move', modes: SCROLLABLE },
  { id: 'bottom', keys: ['G', 'end'], description: 'go to the bottom (oldest)', group: 'Move', modes: SCROLLABLE },
  { id: 'page-down', keys: ['pagedown', 'ctrl+d'], description: 'page down', group: 'Move', modes: SCROLLABLE },
  { id: 'page-up', keys: ['pageup', 'ctrl+u'], description: 'page up', group: 'Move', modes: SCROLLABLE },

  {
    id: 'open-detail',
    keys: ['enter'],
    description: 'open the detail of the selected activation',
    group: 'Panes',
    modes: ['normal'],
    focus: ['list'],
    bar: { label: 'detail' },
  },
  {
    id: 'open-logs',
    keys: ['l'],
    description: 'show the logs of the selected activation',
    group: 'Panes',
    modes: ['normal'],
    bar: { label: 'logs', focus: ['detail'] },
  },
  {
    id: 'next-pane',
    keys: ['tab'],
    description: 'focus the next pane',
    group: 'Panes',
    modes: ['normal'],
    bar: { label: 'pane', focus: ['detail', 'logs'] },
  },
  {
    id: 'previous-pane',
    keys: ['shift+tab'],
    description: 'focus the previous pane',
    group: 'Panes',
    modes: ['normal'],
  },
  {
    id: 'back',
    keys: ['esc'],
    description: 'back to the list',
    group: 'Panes',
    modes: ['normal'],
    focus: ['detail', 'logs'],
    bar: { label: 'back' },
  },

  {
    id: 'filter',
    keys: ['/'],
    description: 'filter (fn:, status:, dur>, cold:, kind:, id:, words, /regex/)',
    group: 'Filter',
    modes: ['normal'],
    bar: { label: 'filter', focus: ['list'] },
  },
  {
    id: 'clear-filter',
    keys: ['esc'],
    description: 'clear every filter',
    group: 'Filter',
    modes: ['normal'],
    focus: ['list'],
  },
  {
    id: 'errors-only',
    keys: ['e'],
    description: 'errors only (toggle)',
    group: 'Filter',
    modes: ['normal'],
    bar: { label: 'errors', focus: ['list'] },
  },
  {
    id: 'cycle-status',
    keys: ['S'],
    description: 'cycle the status filter',
    group: 'Filter',
    modes: ['normal'],
  },
  {
    id: 'pick-functions',
    keys: ['F'],
    description: 'choose which functions to show',
    group: 'Filter',
    modes: ['normal'],
  },

  {
    id: 'pause',
    keys: ['space'],
    description: 'pause / resume the view (activations keep arriving)',
    group: 'View',
    modes: ['normal'],
    bar: { label: 'pause', focus: ['list'] },
  },
  {
    id: 'follow',
    keys: ['f'],
    description: 'follow the newest activation (toggle)',
    group: 'View',
    modes: ['normal'],
    bar: { label: 'follow', focus: ['list'] },
  },
  { id: 'time-format', keys: ['t'], description: 'relative / absolute times', group: 'View', modes: ['normal'] },
  {
    id: 'wrap',
    keys: ['w'],
    description: 'wrap / truncate long lines',
    group: 'View',
    modes: ['normal'],
    bar: { label: 'wrap', focus: ['detail', 'logs'] },
  },
  {
    id: 'log-timestamps',
    keys: ['T'],
    description: 'show / hide log timestamps',
    group: 'View',
    modes: ['normal'],
    bar: { label: 'timestamps', focus: ['logs'] },
  },

  {
    id: 'copy-id',
    keys: ['y'],
    description: 'copy the activation id (OSC 52 clipboard)',
    group: 'Activation',
    modes: ['normal'],
    bar: { label: 'copy id', focus: ['detail', 'logs'] },
  },
  {
    id: 'copy-record',
    keys: ['Y'],
    description: 'copy the full record as JSON (OSC 52 clipboard)',
    group: 'Activation',
    modes: ['normal'],
  },
  {
    id: 'save',
    keys: ['s'],
    description: 'save the filtered list to fnmon-<time>.jsonl',
    group: 'Activation',
    modes: ['normal'],
  },
  {
    id: 'reinvoke',
    keys: ['r'],
    description: 're-invoke the selected activation (edit its parameters, confirm, see the result)',
    group: 'Activation',
    modes: ['normal'],
  },
  ...INSIGHT_COMMANDS,
  {
    id: 'pick-namespace',
    keys: ['N'],
    description: 'switch to another namespace (also :ns)',
    group: 'App',
    modes: ['normal'],
  },

  { id: 'help', keys: ['?'], description: 'help: every key', group: 'App', modes: ['normal'], bar: { label: 'help' } },
  {
    id: 'command-line',
    keys: [':'],
    description: 'command line (:since 1h, :since off, :stats, :ns, :q)',
    group: 'App',
    modes: ['normal'],
  },
  {
    id: 'quit',
    keys: ['q'],
    description: 'quit (from a pane: back to the list)',
    group: 'App',
    modes: ['normal'],
    bar: { label: 'quit' },
  },
  {
    id: 'force-quit',
    keys: ['ctrl+c'],
    description: 'quit now',
    group: 'App',
    modes: EVERY_MODE,
  },
];
