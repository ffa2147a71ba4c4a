// The one-line text input at the bottom: the `/` filter bar and the `:` command line.
import type { FilterError, FilterState } from './filter-state.js';

export interface Prompt {
  kind: 'filter' | 'command';
  text: string;
  /** Filter bar: why the text does not parse (the last valid filter stays in force). */
  error?: FilterError;
  /** Filter bar: the filter to restore on Esc. */
  before?: FilterState;
}

export type PromptEdit =
  { kind: 'insert'; text: string } | { kind: 'backspace' } | { kind: 'delete-word' } | { kind: 'clear' };

export function editText(text: string, edit: PromptEdit): string {
  const chars = Array.from(text);
  switch (edit.kind) {
    case 'insert':
      return text + edit.text;
    case 'backspace':
      return chars.slice(0, -1).join('');
    case 'delete-word':
      return text.replace(/\S*\s*$/u, '');
    case 'clear':
      return '';
  }
}
