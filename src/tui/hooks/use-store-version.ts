// The store's version as React state, via useSyncExternalStore with a ~10 Hz throttled notify:
// a burst of arrivals costs one render, not one per batch.
import { useCallback, useSyncExternalStore } from 'react';
import type { ActivationStore } from '../../core/store.js';
import { throttle } from './throttle.js';

export const LIVE_REFRESH_MS = 100;

export function useStoreVersion(store: ActivationStore): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      const throttled = throttle(notify, LIVE_REFRESH_MS);
      const unsubscribe = store.subscribe(throttled);
      return () => {
        unsubscribe();
        throttled.cancel();
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => store.version);
}
