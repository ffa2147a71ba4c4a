// Forwarded logs as data: what a destination hands to core (ForwardedSource), and what the TUI
// and `tail` render (ForwardedLine, OrphanEntry, SourceHealth). Plain objects, no I/O.

/** The read side of a destination, named as fnmon shows it (the badge). */
export type ForwardedSourceName = 'papertrail' | 'datadog' | 'betterstack';

/** A destination as LOG_DESTINATIONS names it (Better Stack is still `logtail` there). */
export type Destination = 'papertrail' | 'datadog' | 'logtail';

export const SOURCE_OF_DESTINATION: Readonly<Record<Destination, ForwardedSourceName>> = {
  papertrail: 'papertrail',
  datadog: 'datadog',
  logtail: 'betterstack',
};

/** One line as a source's poll returns it (cli adapts the api clients to this shape). */
export interface IncomingLine {
  /** Unique within the source: dedupe compares it. */
  key: string;
  /** Epoch ms. */
  time: number;
  activationId: string;
  functionPath?: string;
  message: string;
}

export interface IncomingPoll {
  lines: IncomingLine[];
  /** The request budget the destination announced, when it did. */
  rateLimit?: { limit?: number; remaining?: number; resetAtMs?: number };
  /** A page cap cut the poll short: poll again soon. */
  more: boolean;
}

/** What core needs from one configured destination (core never imports api/). */
export interface ForwardedSource {
  name: ForwardedSourceName;
  /** The pause between polls while all is well; rate limits can only stretch it. */
  intervalMs: number;
  poll(): Promise<IncomingPoll>;
}

/** One forwarded output line, under its activation. */
export interface ForwardedLine {
  /** The badge: which destination it was read from. */
  source: ForwardedSourceName;
  /** Epoch ms: when the runtime read the line from the function (not when it was written). */
  time: number;
  /** The text as the function wrote it. Not sanitised: pass it through core/sanitize before a terminal. */
  message: string;
  activationId: string;
  /** `/fn-…/[pkg/]fn`, as the line carries it. */
  functionPath?: string;
}

/** Forwarded lines of an activation the stream has no record of (a web invocation, an expired record). */
export interface OrphanEntry {
  activationId: string;
  /** `/fn-…/[pkg/]fn` from the lines. */
  functionPath?: string;
  /** `pkg/fn` or `fn` (the path without its namespace), like Activation.fn. */
  fn?: string;
  /** Epoch ms of the first line. */
  time: number;
  /** Oldest first. */
  lines: readonly ForwardedLine[];
}

export type SourceState = 'starting' | 'live' | 'backing-off' | 'error' | 'stopped' | 'unconfigured';

/** One destination's poller, as data for the header (like FeedHealth for the activation stream). */
export interface SourceHealth {
  source: ForwardedSourceName;
  state: SourceState;
  /** The configured interval. */
  intervalMs: number;
  /** When the next poll is due (epoch ms). */
  nextPollAt?: number;
  lastSuccessAt?: number;
  consecutiveErrors: number;
  lastError?: { kind?: string; message: string; at: number };
  /** The pace is set by the destination's rate limit (headers or a 429), not by the interval. */
  rateLimited: boolean;
  /** Lines received so far (after dedupe). */
  lines: number;
  polls: number;
  /** Start (epoch ms) of the last poll that finished, successfully or not. */
  lastPollStartedAt?: number;
  /** For 'unconfigured': what to set so fnmon can read this destination. */
  hint?: string;
}

/** `/fn-…/billing/charge` -> `billing/charge`; `/fn-…/hello` -> `hello`. */
export function functionOfPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split('/').filter((part) => part !== '');
  return parts.length >= 2 ? parts.slice(1).join('/') : undefined;
}
