// The function picker (F): a multi-select over the namespace's functions plus any seen in the
// store. Selections are a draft until applied, so Esc leaves the filter as it was.
import { clamp, moveCursor, type Motion } from '../view/window.js';

export interface PickerState {
  /** Sorted, unique `pkg/fn` names. */
  names: readonly string[];
  selected: ReadonlySet<string>;
  index: number;
  row: number;
  /** True until the namespace's function list has arrived (or failed). */
  loading: boolean;
  error?: string;
}

export function openPicker(seen: Iterable<string>, selected: ReadonlySet<string>): PickerState {
  return {
    names: mergeNames([], [...seen, ...selected]),
    selected: new Set(selected),
    index: 0,
    row: 0,
    loading: true,
  };
}

/** Adds the namespace's functions once listFunctions() answers; the cursor stays on its name. */
export function withListedNames(picker: PickerState, listed: readonly string[]): PickerState {
  const current = picker.names[picker.index];
  const names = mergeNames(picker.names, listed);
  const index = current === undefined ? 0 : Math.max(0, names.indexOf(current));
  return { ...picker, names, index, loading: false };
}

export function withListError(picker: PickerState, message: string): PickerState {
  return { ...picker, loading: false, error: message };
}

function mergeNames(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort((x, y) => x.localeCompare(y));
}

export function movePicker(picker: PickerState, motion: Motion, height: number): PickerState {
  const moved = moveCursor(picker.index, picker.row, motion, height, picker.names.length);
  return { ...picker, ...moved };
}

export function toggleCurrent(picker: PickerState): PickerState {
  const name = picker.names[clamp(picker.index, 0, picker.names.length - 1)];
  if (name === undefined) return picker;
  const selected = new Set(picker.selected);
  if (selected.has(name)) selected.delete(name);
  else selected.add(name);
  return { ...picker, selected };
}

export function clearSelection(picker: PickerState): PickerState {
  return { ...picker, selected: new Set() };
}
