// The re-invoke dialog's state and reducer, pure. Phases: loading (prepare() in flight) ->
// editing (the editor or the history has focus) -> confirming -> sending -> done (the result).
// Sending happens once per confirmation: only `confirm` in the confirming phase moves to sending
// and bumps `sendSerial`, and the flow hook sends once per serial.
import type { InvokePreparation, InvokeResult } from '../../core/invoke.js';
import {
  describeParams,
  parseParamsText,
  renderParams,
  type Params,
  type ParamSources,
  type ParamsParse,
  type SourcedParam,
} from '../../core/invoke-params.js';
import { moveCursor, scrollBy, type Motion } from '../view/window.js';
import { applyEdit, editorFrom, editorText, type EditorEdit, type EditorState } from './text-editor.js';

export type DialogPhase = 'loading' | 'editing' | 'confirming' | 'sending' | 'done';
export type DialogFocus = 'editor' | 'history';

export interface InvokeDialog {
  /** Tells this dialog's async answers from those of an earlier one. */
  id: number;
  fn: string;
  /** The activation being re-run. */
  rerunOf: string;
  phase: DialogPhase;
  focus: DialogFocus;
  /** Wait for the result (blocking) or only start it (async). */
  blocking: boolean;
  editor: EditorState;
  parsed: ParamsParse;
  /** Where each value comes from, for the last text that parsed. */
  fields: readonly SourcedParam[];
  sources?: ParamSources;
  projectFile?: string;
  warnings: readonly string[];
  history: { index: number; row: number };
  /** What the confirmation sends: the parsed text when it was asked for. */
  pending?: Params;
  /** Increases with each confirmed send. */
  sendSerial: number;
  result?: InvokeResult;
  resultTop: number;
}

export type DialogAction =
  | { kind: 'prepared'; id: number; prep: InvokePreparation }
  | { kind: 'edit'; edit: EditorEdit; height: number }
  | { kind: 'replace-text'; text: string; height: number }
  | { kind: 'toggle-focus' }
  | { kind: 'toggle-wait' }
  | { kind: 'history-move'; motion: Motion; height: number }
  | { kind: 'history-pick'; height: number }
  | { kind: 'ask-confirm' }
  | { kind: 'back' }
  | { kind: 'confirm' }
  | { kind: 'finished'; id: number; result: InvokeResult }
  | { kind: 'edit-again' }
  | { kind: 'scroll-result'; motion: Motion; height: number; length: number };

const EMPTY: ParamsParse = { ok: true, params: {} };

export function openDialog(id: number, fn: string, rerunOf: string): InvokeDialog {
  return {
    id,
    fn,
    rerunOf,
    phase: 'loading',
    focus: 'editor',
    blocking: true,
    editor: editorFrom(''),
    parsed: EMPTY,
    fields: [],
    warnings: [],
    history: { index: 0, row: 0 },
    sendSerial: 0,
    resultTop: 0,
  };
}

export function dialogReducer(dialog: InvokeDialog, action: DialogAction): InvokeDialog {
  switch (action.kind) {
    case 'prepared':
      return action.id === dialog.id && dialog.phase === 'loading' ? prepared(dialog, action.prep) : dialog;
    case 'edit':
      return editing(dialog) ? withEditor(dialog, applyEdit(dialog.editor, action.edit, action.height)) : dialog;
    case 'replace-text':
      return editing(dialog) ? withText(dialog, action.text, action.height) : dialog;
    case 'toggle-focus':
      if (!editing(dialog)) return dialog;
      return { ...dialog, focus: dialog.focus === 'editor' && historyLength(dialog) > 0 ? 'history' : 'editor' };
    case 'toggle-wait':
      return editing(dialog) ? { ...dialog, blocking: !dialog.blocking } : dialog;
    case 'history-move': {
      const moved = moveCursor(
        dialog.history.index,
        dialog.history.row,
        action.motion,
        action.height,
        historyLength(dialog),
      );
      return { ...dialog, history: moved };
    }
    case 'history-pick': {
      const entry = dialog.sources?.history[dialog.history.index];
      if (!editing(dialog) || !entry) return dialog;
      return { ...withText(dialog, renderParams(entry.params), action.height), focus: 'editor' };
    }
    case 'ask-confirm':
      if (!editing(dialog) || !dialog.parsed.ok) return dialog;
      return { ...dialog, phase: 'confirming', pending: dialog.parsed.params };
    case 'back':
      return dialog.phase === 'confirming' ? { ...dialog, phase: 'editing' } : dialog;
    case 'confirm':
      if (dialog.phase !== 'confirming') return dialog;
      return { ...dialog, phase: 'sending', sendSerial: dialog.sendSerial + 1 };
    case 'finished':
      if (action.id !== dialog.id || dialog.phase !== 'sending') return dialog;
      return { ...dialog, phase: 'done', result: action.result, resultTop: 0 };
    case 'edit-again': {
      if (dialog.phase !== 'done') return dialog;
      const { result: _result, ...rest } = dialog;
      return { ...rest, phase: 'editing', focus: 'editor' };
    }
    case 'scroll-result':
      return { ...dialog, resultTop: scrollBy(dialog.resultTop, action.motion, action.height, action.length) };
  }
}

/** The dialog takes edits only while editing (not while confirming, sending or showing a result). */
function editing(dialog: InvokeDialog): boolean {
  return dialog.phase === 'editing';
}

function historyLength(dialog: InvokeDialog): number {
  return dialog.sources?.history.length ?? 0;
}

function prepared(dialog: InvokeDialog, prep: InvokePreparation): InvokeDialog {
  const ready: InvokeDialog = {
    ...dialog,
    phase: 'editing',
    sources: prep.sources,
    warnings: prep.warnings,
    fields: prep.fields,
    ...(prep.projectFile !== undefined && { projectFile: prep.projectFile }),
  };
  // The cursor lands on the first line, which every window height shows.
  return withText(ready, prep.text, 1);
}

function withText(dialog: InvokeDialog, text: string, height: number): InvokeDialog {
  // Cursor at the end of the first line: where a value is usually changed.
  return withEditor(dialog, applyEdit(editorFrom(text), { kind: 'move', motion: 'line-end' }, height));
}

/** New editor content: parsed again, and its provenance when it parses. */
function withEditor(dialog: InvokeDialog, editor: EditorState): InvokeDialog {
  const text = editorText(editor);
  if (text === editorText(dialog.editor) && dialog.sources) return { ...dialog, editor };
  const parsed = parseParamsText(text);
  const fields = parsed.ok && dialog.sources ? describeParams(dialog.sources, parsed.params) : dialog.fields;
  return { ...dialog, editor, parsed, fields };
}
