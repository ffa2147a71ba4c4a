// The list on screen: the store's newest-first list with the forwarded-log entries that have no
// record merged in (or the frozen list while paused), filtered. Recomputed only when the store's
// version, the entries or the filter change, never per key press.
import { useMemo } from 'react';
import { isFailure, type Activation } from '../../core/activation.js';
import type { OrphanEntry } from '../../core/forwarded-types.js';
import type { ActivationStore } from '../../core/store.js';
import type { FilterState } from '../state/filter-state.js';
import type { PausedView } from '../state/ui-state.js';
import { filteredList } from '../view/filtered-list.js';
import { streamPredicate, withOrphans } from '../view/orphan-rows.js';

export interface VisibleList {
  list: readonly Activation[];
  /** Activations the list is drawn from (the store, or the frozen view). */
  total: number;
  /** Failures among the shown ones. */
  failures: number;
}

const NO_ORPHANS: readonly OrphanEntry[] = [];

export function useVisibleList(
  store: ActivationStore,
  version: number,
  paused: PausedView | undefined,
  filter: FilterState,
  /** ForwardedLogs.orphans(): the same array until the entries change. */
  orphans: readonly OrphanEntry[] = NO_ORPHANS,
): VisibleList {
  // `version` is the dependency that says the store changed; newestFirst() is cached per version.
  const source = useMemo(
    () => (paused ? paused.list : withOrphans(store.newestFirst(), orphans, (id) => store.get(id) !== undefined)),
    [store, version, paused, orphans], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const test = useMemo(() => streamPredicate(filter), [filter]);
  // One pass over the source at most, and none for the live unfiltered list (the store keeps its
  // failure count): counting 100,000 activations per arrival took ~10 ms a frame (bench/: render).
  return useMemo(() => {
    if (!test) return { list: source, total: source.length, failures: paused ? countFailures(source) : store.failures };
    return { ...filteredList(source, filter, test), total: source.length };
  }, [store, paused, source, filter, test]);
}

function countFailures(list: readonly Activation[]): number {
  let failures = 0;
  for (const activation of list) if (isFailure(activation)) failures += 1;
  return failures;
}
