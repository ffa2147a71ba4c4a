// One destination's poller: polls at the source's own interval, stretches it to the budget the
// rate-limit headers announce, backs off on failures (a 429's wait is a floor; a wrong token
// retries at the slowest pace), and keeps its SourceHealth. A failure here touches nothing else.
import { backoffDelay } from './backoff.js';
import type { Clock } from './clock.js';
import type { ForwardedSource, IncomingLine, IncomingPoll, SourceHealth } from './forwarded-types.js';
import { describeSourceError } from './source.js';

/** After a poll cut short by a page cap: fetch the rest soon, but not in a burst. */
const MORE_DELAY_MS = 1000;
export const FORWARDED_MAX_BACKOFF_MS = 5 * 60 * 1000;

export interface SourcePollerOptions {
  clock: Clock;
  random: () => number;
  maxBackoffMs?: number;
  onLines: (lines: IncomingLine[]) => void;
  onHealth: (health: SourceHealth) => void;
}

/** The pause after a successful poll: the interval, or longer when the announced budget would not last. */
export function pauseAfter(
  poll: IncomingPoll,
  intervalMs: number,
  now: number,
): { delayMs: number; rateLimited: boolean } {
  const base = poll.more ? Math.min(intervalMs, MORE_DELAY_MS) : intervalMs;
  const { remaining, resetAtMs } = poll.rateLimit ?? {};
  if (remaining === undefined || resetAtMs === undefined) return { delayMs: base, rateLimited: false };
  const untilReset = Math.max(0, resetAtMs - now);
  // Spread what is left of the budget evenly until the reset; none left means wait for the reset.
  const paced = remaining <= 0 ? untilReset : untilReset / remaining;
  return paced > base ? { delayMs: Math.ceil(paced), rateLimited: true } : { delayMs: base, rateLimited: false };
}

export class SourcePoller {
  private readonly stopSignal = new AbortController();
  private running: Promise<void> | undefined;
  private state: SourceHealth;

  constructor(
    readonly source: ForwardedSource,
    private readonly options: SourcePollerOptions,
  ) {
    this.state = {
      source: source.name,
      state: 'starting',
      intervalMs: source.intervalMs,
      consecutiveErrors: 0,
      rateLimited: false,
      lines: 0,
      polls: 0,
    };
  }

  get health(): SourceHealth {
    return this.state;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.running;
    this.setHealth({ state: 'stopped', nextPollAt: undefined });
  }

  /** One poll; returns the delay until the next. Public so tests can step it. */
  async pollOnce(): Promise<number> {
    const { clock } = this.options;
    const startedAt = clock.now();
    let poll: IncomingPoll;
    try {
      poll = await this.source.poll();
    } catch (error) {
      return this.recordFailure(error, startedAt);
    }
    if (poll.lines.length > 0) this.options.onLines(poll.lines);
    const now = clock.now();
    const { delayMs, rateLimited } = pauseAfter(poll, this.source.intervalMs, now);
    this.setHealth({
      state: 'live',
      lastSuccessAt: startedAt,
      lastPollStartedAt: startedAt,
      consecutiveErrors: 0,
      rateLimited,
      lines: this.state.lines + poll.lines.length,
      polls: this.state.polls + 1,
      nextPollAt: now + delayMs,
    });
    return delayMs;
  }

  private async loop(): Promise<void> {
    while (!this.stopSignal.signal.aborted) {
      const delay = await this.pollOnce();
      await this.options.clock.sleep(delay, this.stopSignal.signal);
    }
  }

  private recordFailure(error: unknown, startedAt: number): number {
    const failure = describeSourceError(error);
    const consecutiveErrors = this.state.consecutiveErrors + 1;
    const interval = this.source.intervalMs;
    const maxBackoffMs = Math.max(interval, this.options.maxBackoffMs ?? FORWARDED_MAX_BACKOFF_MS);
    const pacing = { minIntervalMs: interval, maxIntervalMs: interval, maxBackoffMs };
    // A wrong token will not fix itself: keep trying, but only at the slowest pace.
    const fatal = failure.kind === 'auth' || failure.kind === 'usage';
    const delay = fatal
      ? maxBackoffMs
      : backoffDelay(consecutiveErrors, pacing, this.options.random, failure.retryAfterMs);
    const now = this.options.clock.now();
    this.setHealth({
      state: fatal ? 'error' : 'backing-off',
      consecutiveErrors,
      lastError: { ...(failure.kind && { kind: failure.kind }), message: failure.message, at: now },
      rateLimited: failure.kind === 'rate-limited',
      lastPollStartedAt: startedAt,
      polls: this.state.polls + 1,
      nextPollAt: now + delay,
    });
    return delay;
  }

  private setHealth(change: Partial<SourceHealth>): void {
    this.state = { ...this.state, ...change };
    this.options.onHealth(this.state);
  }
}
