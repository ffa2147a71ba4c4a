// Forwarded logs in the monitor: their version as React state (notified at most ~10 times a
// second, like the store's: every source's poll notifies), and the log pane's forwarded rows for
// the selected activation. A namespace switch brings another ForwardedLogs: the subscription
// follows the instance passed in.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ForwardedLogs } from '../../core/forwarded.js';
import type { SourceHealth } from '../../core/forwarded-types.js';
import { forwardedRows, type ForwardedLog, type ForwardedRowOptions } from '../view/forwarded-lines.js';
import { orphanEntryOf } from '../view/orphan-rows.js';
import type { StyledLine } from '../view/styled-line.js';
import { throttle } from './throttle.js';
import type { ActivationDetail } from './use-activation-detail.js';
import { LIVE_REFRESH_MS } from './use-store-version.js';

const noSubscription = () => () => {};

export function useForwardedVersion(forwarded: ForwardedLogs | undefined): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!forwarded) return noSubscription();
      const throttled = throttle(notify, LIVE_REFRESH_MS);
      const unsubscribe = forwarded.subscribe(throttled);
      return () => {
        unsubscribe();
        throttled.cancel();
      };
    },
    [forwarded],
  );
  return useSyncExternalStore(subscribe, () => forwarded?.version ?? 0);
}

/** The log pane's forwarded rows for the selection, laid out; undefined when there is nothing to show. */
export function useForwardedRows(
  forwarded: ForwardedLogs | undefined,
  version: number,
  detail: ActivationDetail | undefined,
  options: ForwardedRowOptions,
): readonly StyledLine[] | undefined {
  const { width, wrap, timestamps, highlight } = options;
  const activation = detail?.activation;
  const recordLogs = detail?.logs.kind === 'ready' ? detail.logs.lines : undefined;
  const orphan = activation !== undefined && orphanEntryOf(activation) !== undefined;
  // Where the output goes depends on the function and the record's notice, not on the lines:
  // worked out once per selection, not once per poll.
  const destination = useMemo(() => {
    if (!forwarded || !activation) return undefined;
    const like = orphan ? { fn: activation.fn } : { fn: activation.fn, logs: recordLogs ?? activation.logs };
    return { hint: forwarded.hintFor(like), forwards: forwarded.forwards(like) };
  }, [forwarded, activation, recordLogs, orphan]);
  const id = activation?.id;
  // linesFor() gives the same array until lines arrive for this id, so the rows below keep theirs.
  const lines = useMemo(
    () => (forwarded && id !== undefined ? forwarded.linesFor(id) : undefined),
    [forwarded, id, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // A string, so the rows are not rebuilt after every poll (each one makes a new health list).
  const unreadable = unreadableSources(forwarded?.sourcesHealth() ?? []);
  return useMemo(() => {
    if (!destination || !lines) return undefined;
    const log: ForwardedLog = { lines, forwards: destination.forwards, orphan, unreadable };
    if (destination.hint !== undefined) log.hint = destination.hint;
    return forwardedRows(log, { width, wrap, timestamps, highlight });
  }, [destination, lines, orphan, unreadable, width, wrap, timestamps, highlight]);
}

/** `betterstack (auth), datadog (no read key)`: the sources whose lines will not come as things are. */
function unreadableSources(health: readonly SourceHealth[]): string {
  const named = health.flatMap(({ source, state, lastError }) => {
    if (state === 'unconfigured') return [`${source} (no read key)`];
    if (state === 'error') return [`${source} (${lastError?.kind ?? 'error'})`];
    return [];
  });
  return named.join(', ');
}
