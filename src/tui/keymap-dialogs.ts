// The keys of the re-invoke dialog (r) and the namespace picker (N, :ns), as data like the rest of
// the table (keymap.ts puts these first, so they win over normal-mode keys). In the parameter
// editor, printable keys type text: its commands use only keys that type nothing.
import type { Command, Mode } from './keymap.js';

/** The re-invoke dialog, by what it is doing: its keys differ in each. */
export type InvokeMode =
  'invoke-loading' | 'invoke-edit' | 'invoke-history' | 'invoke-confirm' | 'invoke-sending' | 'invoke-result';
/** The commands of this table. */
export type DialogCommandId =
  | 'namespace-switch'
  | 'invoke-send'
  | 'invoke-toggle-wait'
  | 'invoke-external-editor'
  | 'invoke-focus'
  | 'invoke-cancel'
  | 'invoke-history-pick'
  | 'invoke-confirm'
  | 'invoke-back'
  | 'invoke-jump'
  | 'invoke-edit-again'
  | 'invoke-close'
  | 'editor-newline'
  | 'editor-left'
  | 'editor-right'
  | 'editor-up'
  | 'editor-down'
  | 'editor-line-start'
  | 'editor-line-end'
  | 'editor-page-up'
  | 'editor-page-down'
  | 'editor-backspace'
  | 'editor-delete'
  | 'editor-delete-word'
  | 'editor-delete-to-start'
  | 'editor-delete-to-end';

const EDITING: readonly Mode[] = ['invoke-edit', 'invoke-history'];
const EDITOR: readonly Mode[] = ['invoke-edit'];

function editorCommand(id: Command['id'], keys: readonly string[], description: string): Command {
  return { id, keys, description, group: 'Parameter editor', modes: EDITOR };
}

export const DIALOG_COMMANDS: readonly Command[] = [
  {
    id: 'namespace-switch',
    keys: ['enter'],
    description: 'switch the stream to this namespace',
    group: 'Namespace picker',
    modes: ['namespaces'],
    bar: { label: 'switch' },
  },

  {
    id: 'invoke-send',
    keys: ['ctrl+s'],
    description: 'send… (asks for confirmation first)',
    group: 'Re-invoke dialog',
    modes: EDITING,
    bar: { label: 'send' },
  },
  {
    id: 'invoke-toggle-wait',
    keys: ['ctrl+t'],
    description: 'wait for the result (blocking) or only start it (async)',
    group: 'Re-invoke dialog',
    modes: EDITING,
    bar: { label: 'wait/async' },
  },
  {
    id: 'invoke-focus',
    keys: ['tab', 'shift+tab'],
    description: 'move between the editor and the history',
    group: 'Re-invoke dialog',
    modes: EDITING,
    bar: { label: 'editor/history' },
  },
  {
    id: 'invoke-external-editor',
    keys: ['ctrl+e'],
    description: 'edit the parameters in $EDITOR',
    group: 'Re-invoke dialog',
    modes: EDITING,
    bar: { label: '$EDITOR' },
  },
  {
    id: 'invoke-history-pick',
    keys: ['enter'],
    description: 'use these parameters (replaces the editor text)',
    group: 'Re-invoke dialog',
    modes: ['invoke-history'],
    bar: { label: 'use' },
  },
  {
    id: 'invoke-cancel',
    keys: ['esc'],
    description: 'close the dialog without sending',
    group: 'Re-invoke dialog',
    modes: ['invoke-loading', ...EDITING],
    bar: { label: 'cancel' },
  },
  {
    id: 'invoke-confirm',
    keys: ['enter', 'y'],
    description: 'send it (once: more presses are ignored until the answer)',
    group: 'Re-invoke dialog',
    modes: ['invoke-confirm'],
    bar: { label: 'send' },
  },
  {
    id: 'invoke-back',
    keys: ['esc', 'n'],
    description: 'back to the editor',
    group: 'Re-invoke dialog',
    modes: ['invoke-confirm'],
    bar: { label: 'back' },
  },
  {
    id: 'invoke-jump',
    keys: ['enter'],
    description: 'select the new activation in the list',
    group: 'Re-invoke dialog',
    modes: ['invoke-result'],
    bar: { label: 'go to it' },
  },
  {
    id: 'invoke-edit-again',
    keys: ['e'],
    description: 'edit the parameters and send again',
    group: 'Re-invoke dialog',
    modes: ['invoke-result'],
    bar: { label: 'edit again' },
  },
  {
    id: 'invoke-close',
    keys: ['esc', 'q'],
    description: 'close the dialog (a pending answer then shows in the status line)',
    group: 'Re-invoke dialog',
    modes: ['invoke-sending', 'invoke-result'],
    bar: { label: 'close' },
  },

  editorCommand('editor-newline', ['enter'], 'new line'),
  editorCommand('editor-left', ['left'], 'cursor left'),
  editorCommand('editor-right', ['right'], 'cursor right'),
  editorCommand('editor-up', ['up'], 'cursor up'),
  editorCommand('editor-down', ['down'], 'cursor down'),
  editorCommand('editor-line-start', ['home', 'ctrl+a'], 'start of the line'),
  editorCommand('editor-line-end', ['end'], 'end of the line'),
  editorCommand('editor-page-up', ['pageup'], 'page up'),
  editorCommand('editor-page-down', ['pagedown'], 'page down'),
  editorCommand('editor-backspace', ['backspace'], 'delete the character before the cursor'),
  editorCommand('editor-delete', ['delete'], 'delete the character under the cursor'),
  editorCommand('editor-delete-word', ['ctrl+w'], 'delete the word before the cursor'),
  editorCommand('editor-delete-to-start', ['ctrl+u'], 'delete to the start of the line'),
  editorCommand('editor-delete-to-end', ['ctrl+k'], 'delete to the end of the line'),
];
