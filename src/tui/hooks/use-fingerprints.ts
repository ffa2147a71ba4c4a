// The error fingerprints while their view is open. Leaving the view acknowledges them: the next
// time it opens, only fingerprints first seen since are marked new.
import { useEffect, useMemo } from 'react';
import type { ErrorFingerprint, FingerprintIndex } from '../../core/fingerprint.js';

export interface FingerprintView {
  list: readonly ErrorFingerprint[];
  /** The patterns, in list order: the keys the selection moves over. */
  keys: readonly string[];
}

export function useFingerprints(index: FingerprintIndex, open: boolean): FingerprintView | undefined {
  useEffect(() => {
    if (!open) return;
    return () => index.acknowledge();
  }, [index, open]);
  // The same array until the index changes (a delivery re-renders the monitor, which asks again).
  const list = open ? index.list() : undefined;
  return useMemo(() => (list ? { list, keys: list.map((fingerprint) => fingerprint.pattern) } : undefined), [list]);
}
