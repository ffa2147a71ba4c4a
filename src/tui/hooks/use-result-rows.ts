// The re-invoke dialog's result view laid out to the body's width: built once per answer (a result
// can be large), not on every key press or clock tick.
import { useMemo } from 'react';
import type { InvokeDialog } from '../state/invoke-dialog.js';
import { outcomeLines } from '../view/invoke-outcome.js';
import { layoutLines } from '../view/log-lines.js';
import type { StyledLine } from '../view/styled-line.js';

const NOTHING: readonly StyledLine[] = [];
/** Wrapped result lines continue under the value, past the label. */
const RESULT_INDENT = 2;

export function useResultRows(dialog: InvokeDialog | undefined, width: number, wrap: boolean): readonly StyledLine[] {
  const result = dialog?.result;
  const rerunOf = dialog?.rerunOf ?? '';
  return useMemo(
    () => (result ? layoutLines(outcomeLines(result, rerunOf), width, wrap, RESULT_INDENT) : NOTHING),
    [result, rerunOf, width, wrap],
  );
}
