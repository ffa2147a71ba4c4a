// The list on screen: the store's newest-first list (or the frozen one while paused), filtered.
// Recomputed only when the store's version or the filter changes, never per key press.
import { useMemo } from 'react';
import { isFailure, type Activation } from '../../core/activation.js';
import type { ActivationStore } from '../../core/store.js';
import { predicate, type FilterState } from '../state/filter-state.js';
import type { PausedView } from '../state/ui-state.js';

export interface VisibleList {
  list: readonly Activation[];
  /** Activations the list is drawn from (the store, or the frozen view). */
  total: number;
  /** Failures among the shown ones. */
  failures: number;
}

export function useVisibleList(
  store: ActivationStore,
  version: number,
  paused: PausedView | undefined,
  filter: FilterState,
): VisibleList {
  // `version` is the dependency that says the store changed; newestFirst() is cached per version.
  const source = useMemo(() => (paused ? paused.list : store.newestFirst()), [store, version, paused]); // eslint-disable-line react-hooks/exhaustive-deps
  const test = useMemo(() => predicate(filter), [filter]);
  return useMemo(() => {
    const list = test ? source.filter(test) : source;
    let failures = 0;
    for (const activation of list) if (isFailure(activation)) failures += 1;
    return { list, total: source.length, failures };
  }, [source, test]);
}
