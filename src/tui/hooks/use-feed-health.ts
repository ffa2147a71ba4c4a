// The feed's health as React state, throttled like the store (backoff states can flap). Held in
// state rather than read through useSyncExternalStore: health() may build a new object per call.
import { useEffect, useState } from 'react';
import type { FeedHealth } from '../../core/feed-health.js';
import type { MonitorService } from '../../core/monitor.js';
import { throttle } from './throttle.js';
import { LIVE_REFRESH_MS } from './use-store-version.js';

export function useFeedHealth(service: MonitorService): FeedHealth {
  const [health, setHealth] = useState(() => service.health());
  useEffect(() => {
    let latest = service.health();
    const publish = throttle(() => setHealth(latest), LIVE_REFRESH_MS);
    publish();
    const unsubscribe = service.onHealth((next) => {
      latest = next;
      publish();
    });
    return () => {
      unsubscribe();
      publish.cancel();
    };
  }, [service]);
  return health;
}
