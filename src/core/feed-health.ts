// The state of the activation feed, as data for the TUI header and tail's stderr.

export type FeedState = 'starting' | 'live' | 'backing-off' | 'error' | 'stopped';

export interface FeedHealth {
  state: FeedState;
  /** Epoch ms of the start of the last poll that succeeded. */
  lastSuccessAt?: number;
  /** The interval the poller is using now. */
  intervalMs: number;
  /** When the next poll is due (epoch ms). */
  nextPollAt?: number;
  consecutiveErrors: number;
  lastError?: { kind?: string; message: string; at: number };
  /** True when activations may have been lost for good (an outage longer than the platform keeps records). */
  completenessAtRisk: boolean;
  /** True while a backlog is still being fetched (history, or recovery after an outage). */
  catchingUp: boolean;
  /** The lookback window the poller keeps re-checking (ms). */
  windowMs: number;
  requests: number;
  delivered: number;
}

/** One line for `tail`'s stderr and logs. */
export function describeHealth(health: FeedHealth, now: number): string {
  const waitSeconds = health.nextPollAt ? Math.max(0, Math.ceil((health.nextPollAt - now) / 1000)) : 0;
  const risk = health.completenessAtRisk ? ' — some activations may be missing (outage longer than record retention)' : '';
  switch (health.state) {
    case 'starting':
      return 'connecting…';
    case 'live':
      return `live${health.catchingUp ? ' (catching up)' : ''}${risk}`;
    case 'backing-off':
      return `${health.lastError?.message ?? 'request failed'} — retrying in ${waitSeconds}s${risk}`;
    case 'error':
      return `${health.lastError?.message ?? 'error'} — retrying in ${waitSeconds}s${risk}`;
    case 'stopped':
      return 'stopped';
  }
}
