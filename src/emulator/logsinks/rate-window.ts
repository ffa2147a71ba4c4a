// A request budget over fixed, calendar-aligned windows (Datadog's X-RateLimit-Period is aligned
// to the clock). Refused requests do not count, so a client that backs off gets its budget back.

export interface RateBudget {
  limit: number;
  periodMs: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends. */
  resetInS: number;
  periodS: number;
}

export class RateWindow {
  private window = -1;
  private used = 0;

  constructor(
    private readonly budget: RateBudget,
    private readonly now: () => number,
  ) {}

  take(): RateDecision {
    const now = this.now();
    const { limit, periodMs } = this.budget;
    const window = Math.floor(now / periodMs);
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
    const allowed = this.used < limit;
    if (allowed) this.used += 1;
    const resetInS = Math.max(1, Math.ceil(((window + 1) * periodMs - now) / 1000));
    return { allowed, limit, remaining: limit - this.used, resetInS, periodS: Math.round(periodMs / 1000) };
  }
}
