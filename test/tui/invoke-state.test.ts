// The re-invoke dialog's pure parts: the text editor, the dialog's phases, and how answers read.
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import type { InvokePreparation, InvokeResult } from '../../src/core/invoke.js';
import { dialogReducer, openDialog, type DialogAction, type InvokeDialog } from '../../src/tui/state/invoke-dialog.js';
import {
  applyEdit,
  editorFrom,
  editorText,
  type EditorEdit,
  type EditorState,
} from '../../src/tui/state/text-editor.js';
import { initialState, keyMode, uiReducer } from '../../src/tui/state/ui-state.js';
import { describeOutcome } from '../../src/tui/view/invoke-outcome.js';
import { wrapWords } from '../../src/tui/view/styled-line.js';
import { fullRecord, hexId } from './data.js';

function edit(state: EditorState, ...edits: EditorEdit[]): EditorState {
  return edits.reduce((current, next) => applyEdit(current, next, 3), state);
}

const type = (text: string): EditorEdit => ({ kind: 'insert', text });
const move = (motion: Extract<EditorEdit, { kind: 'move' }>['motion']): EditorEdit => ({ kind: 'move', motion });

describe('the text editor', () => {
  it('types, breaks and joins lines at the cursor', () => {
    let state = edit(editorFrom(''), type('name: Ada'), { kind: 'newline' }, type('n: 1'));
    expect(state.lines).toEqual(['name: Ada', 'n: 1']);
    expect([state.row, state.column]).toEqual([1, 4]);
    state = edit(state, move('line-start'), { kind: 'backspace' });
    expect(state.lines).toEqual(['name: Adan: 1']);
    expect([state.row, state.column]).toEqual([0, 9]);
    state = edit(state, { kind: 'newline' }, move('up'), move('line-end'), { kind: 'delete' });
    expect(editorText(state)).toBe('name: Adan: 1');
  });

  it('deletes words and to either end of the line', () => {
    const state = edit(editorFrom('greeting: hello world'), move('line-end'), { kind: 'delete-word' });
    expect(editorText(state)).toBe('greeting: hello ');
    expect(editorText(edit(state, move('left'), move('left'), { kind: 'delete-to-end' }))).toBe('greeting: hell');
    expect(editorText(edit(state, move('left'), { kind: 'delete-to-start' }))).toBe(' ');
  });

  it('moves across line ends and keeps the column where the line is long enough', () => {
    const state = edit(editorFrom('abcdef\nab\nabcdef'), move('line-end'), move('down'));
    expect([state.row, state.column]).toEqual([1, 2]);
    expect([edit(state, move('right')).row, edit(state, move('right')).column]).toEqual([2, 0]);
    expect(edit(state, move('down')).column).toBe(2);
    expect(edit(editorFrom('x\ny'), move('down'), move('left'))).toMatchObject({ row: 0, column: 1 });
  });

  it('counts code points, so wide and combined characters are one step each', () => {
    const state = edit(editorFrom('名前: 😀'), move('line-end'), { kind: 'backspace' }, type('✓'));
    expect(editorText(state)).toBe('名前: ✓');
  });

  it('scrolls to keep the cursor in a window of the given height', () => {
    const long = editorFrom(Array.from({ length: 10 }, (_, index) => `line${index}`).join('\n'));
    const down = edit(long, move('page-down'), move('page-down'), move('down'));
    expect(down.row).toBe(5);
    expect(down.top).toBe(3);
    expect(edit(down, move('up'), move('up'), move('up')).top).toBe(2);
  });

  it('takes a paste with line breaks as several lines', () => {
    expect(edit(editorFrom('a: 1'), move('line-end'), type('\r\nb: 2\nc: 3')).lines).toEqual(['a: 1', 'b: 2', 'c: 3']);
  });
});

const PREP: InvokePreparation = {
  fn: 'sample/hello',
  sources: { bound: { region: 'nyc' }, project: { name: 'Ada' }, history: [{ params: { name: 'Bo' }, sentAt: 0 }] },
  text: 'name: Bo\n',
  fields: [],
  warnings: [],
};

function dialogAfter(...actions: DialogAction[]): InvokeDialog {
  return actions.reduce(dialogReducer, openDialog(1, 'sample/hello', hexId(1)));
}

describe('the dialog', () => {
  it('takes edits only once prepared, and labels each value with its source', () => {
    expect(dialogAfter({ kind: 'edit', edit: type('x'), height: 5 }).editor.lines).toEqual(['']);
    const ready = dialogAfter({ kind: 'prepared', id: 1, prep: PREP });
    expect(ready.phase).toBe('editing');
    expect(ready.fields).toEqual([
      { key: 'region', value: 'nyc', source: 'bound' },
      { key: 'name', value: 'Bo', source: 'history' },
    ]);
    const typed = dialogReducer(ready, { kind: 'replace-text', text: 'name: Ada\nextra: 1', height: 5 });
    expect(typed.fields.map((field) => field.source)).toEqual(['bound', 'project', 'typed']);
  });

  it('ignores an answer meant for an earlier dialog', () => {
    const other = dialogAfter({ kind: 'prepared', id: 7, prep: PREP });
    expect(other.phase).toBe('loading');
  });

  it('confirms only valid text, sends once per confirmation, and can go back or edit again', () => {
    const ready = dialogAfter({ kind: 'prepared', id: 1, prep: PREP });
    const broken = dialogReducer(ready, { kind: 'replace-text', text: 'name: [', height: 5 });
    expect(dialogReducer(broken, { kind: 'ask-confirm' }).phase).toBe('editing');
    const asking = dialogReducer(ready, { kind: 'ask-confirm' });
    expect(asking).toMatchObject({ phase: 'confirming', pending: { name: 'Bo' } });
    expect(dialogReducer(asking, { kind: 'back' }).phase).toBe('editing');
    const sending = [{ kind: 'confirm' }, { kind: 'confirm' }, { kind: 'confirm' }].reduce(
      (state, action) => dialogReducer(state, action as DialogAction),
      asking,
    );
    expect(sending).toMatchObject({ phase: 'sending', sendSerial: 1 });
    const result: InvokeResult = { kind: 'accepted', activationId: hexId(2), demoted: false };
    const done = dialogReducer(sending, { kind: 'finished', id: 1, result });
    expect(done).toMatchObject({ phase: 'done', result });
    expect(dialogReducer(done, { kind: 'edit-again' })).toMatchObject({ phase: 'editing', sendSerial: 1 });
  });

  it('scrolls a long result within its length', () => {
    const scrolled = dialogAfter(
      { kind: 'scroll-result', motion: 'page-down', height: 10, length: 25 },
      { kind: 'scroll-result', motion: 'page-down', height: 10, length: 25 },
    );
    expect(scrolled.resultTop).toBe(15);
    expect(dialogReducer(scrolled, { kind: 'scroll-result', motion: 'top', height: 10, length: 25 }).resultTop).toBe(0);
  });

  it('gives the keys of each phase their own mode', () => {
    let state = uiReducer(initialState(), { type: 'open-dialog', fn: 'sample/hello', rerunOf: hexId(1) });
    expect(keyMode(state)).toBe('invoke-loading');
    state = uiReducer(state, { type: 'dialog', action: { kind: 'prepared', id: state.dialogSerial, prep: PREP } });
    expect(keyMode(state)).toBe('invoke-edit');
    state = uiReducer(state, { type: 'dialog', action: { kind: 'toggle-focus' } });
    expect(keyMode(state)).toBe('invoke-history');
    state = uiReducer(state, { type: 'dialog', action: { kind: 'ask-confirm' } });
    expect(keyMode(state)).toBe('invoke-confirm');
  });
});

describe('answers', () => {
  const activation = (status: 'success' | 'whisk internal error') =>
    normaliseActivation(
      fullRecord({
        id: hexId(3),
        fn: 'sample/hello',
        start: 0,
        duration: 12,
        status,
        ...(status !== 'success' && { error: 'boom' }),
      }),
    )!;

  it('reads each kind of answer for the status line', () => {
    expect(describeOutcome({ kind: 'result', status: 200, activation: activation('success') })).toEqual({
      text: `success in 12ms (200) — activation ${hexId(3)}`,
      tone: 'info',
    });
    expect(describeOutcome({ kind: 'result', status: 500, activation: activation('whisk internal error') }).text).toBe(
      `internal in 12ms: boom (500: platform error) — activation ${hexId(3)}`,
    );
    expect(
      describeOutcome({ kind: 'failed', errorKind: 'rate-limited', message: 'Too many requests', httpStatus: 429 }),
    ).toEqual({
      text: 'rate-limited (429), nothing ran: Too many requests',
      tone: 'error',
    });
    expect(
      describeOutcome({ kind: 'failed', errorKind: 'not-found', message: 'no such action', httpStatus: 404 }).text,
    ).toBe('not-found (404), nothing ran: no such action');
    expect(describeOutcome({ kind: 'accepted', activationId: hexId(4), demoted: true }).text).toContain(
      'still running',
    );
  });
});

describe('preferences and prose', () => {
  it('starts from the preferences given, defaults for the rest', () => {
    expect(initialState({ wrap: true })).toMatchObject({ wrap: true, timeFormat: 'relative', logTimestamps: true });
    expect(initialState({ timeFormat: 'absolute', logTimestamps: false })).toMatchObject({
      wrap: false,
      timeFormat: 'absolute',
      logTimestamps: false,
    });
  });

  it('wraps prose between words, and cuts only words longer than a row', () => {
    expect(wrapWords('try the demo: fnmon --demo', 14)).toEqual(['try the demo:', 'fnmon --demo']);
    expect(wrapWords('ab abcdefghij', 4)).toEqual(['ab', 'abcd', 'efgh', 'ij']);
  });
});
