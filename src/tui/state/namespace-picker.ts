// The namespace picker (N, :ns): the namespaces the service can reach, one chosen with Enter.
// While a switch is under way further Enters are ignored; a failed switch leaves the picker open
// with the reason (and the stream on the namespace it was on).
import type { NamespaceList, NamespaceOption } from '../../core/monitor.js';
import { moveCursor, type Motion } from '../view/window.js';

export interface NamespacePicker {
  options: readonly NamespaceOption[];
  warnings: readonly string[];
  index: number;
  row: number;
  /** True until the list has arrived (or failed). */
  loading: boolean;
  error?: string;
  /** The key of the option being switched to. */
  switching?: string;
}

export type NamespaceAction =
  | { kind: 'listed'; list: NamespaceList }
  | { kind: 'list-failed'; message: string }
  | { kind: 'move'; motion: Motion; height: number }
  | { kind: 'switching'; key: string }
  | { kind: 'switch-failed'; message: string };

export const OPENING_NAMESPACES: NamespacePicker = { options: [], warnings: [], index: 0, row: 0, loading: true };

export function namespaceReducer(picker: NamespacePicker, action: NamespaceAction): NamespacePicker {
  switch (action.kind) {
    case 'listed': {
      // Start on the namespace streamed now.
      const index = Math.max(
        0,
        action.list.options.findIndex((option) => option.current),
      );
      return { ...picker, ...action.list, loading: false, index, row: index };
    }
    case 'list-failed':
      return { ...picker, loading: false, error: action.message };
    case 'move':
      if (picker.switching !== undefined) return picker;
      return {
        ...picker,
        ...moveCursor(picker.index, picker.row, action.motion, action.height, picker.options.length),
      };
    case 'switching': {
      const { error: _error, ...rest } = picker;
      return { ...rest, switching: action.key };
    }
    case 'switch-failed': {
      const { switching: _switching, ...rest } = picker;
      return { ...rest, error: action.message };
    }
  }
}

export function chosenOption(picker: NamespacePicker): NamespaceOption | undefined {
  return picker.options[picker.index];
}
