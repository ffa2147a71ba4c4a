// The list the filter keeps, with its failures counted in the same pass. When the filter only got
// stricter (one more letter typed), the list is taken from the previous one, a fraction of the
// 100,000 a full pass reads (bench/: render).
import { isFailure, type Activation } from '../../core/activation.js';
import { narrows } from '../../core/filter-narrow.js';
import type { FilterState } from '../state/filter-state.js';

export interface FilteredList {
  list: readonly Activation[];
  /** Failures among the kept ones. */
  failures: number;
}

/** The last result per source list (the same array until the store changes). */
const lastOf = new WeakMap<readonly Activation[], { state: FilterState; result: FilteredList }>();

/** `test` must be the predicate of `state` (filter-state.ts, orphan-rows.ts). */
export function filteredList(
  source: readonly Activation[],
  state: FilterState,
  test: (activation: Activation) => boolean,
): FilteredList {
  const last = lastOf.get(source);
  const from = last && narrowsState(state, last.state) ? last.result.list : source;
  // A plain loop: it is optimised while it runs (the first filter of a session runs cold).
  let failures = 0;
  const list: Activation[] = [];
  for (let i = 0; i < from.length; i++) {
    const activation = from[i]!;
    if (!test(activation)) continue;
    list.push(activation);
    if (isFailure(activation)) failures += 1;
  }
  const result = { list, failures };
  lastOf.set(source, { state, result });
  return result;
}

function narrowsState(next: FilterState, previous: FilterState): boolean {
  return (
    next.status === previous.status &&
    next.functions === previous.functions &&
    next.since === previous.since &&
    narrows(next.filter, previous.filter)
  );
}
