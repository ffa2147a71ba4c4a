// Rate limits: OpenWhisk invoke throttles (reference §4, §6) and the DO API limits (§6, §7).

/**
 * A counter over fixed windows of `windowMs`, like upstream's per-minute RateThrottler. Windows start
 * at the first request rather than on the wall clock's minute, so a client (or a test) that sends
 * its requests within a minute of the first always meets the limit.
 */
class WindowCounter {
  private origin: number | undefined;
  private window = -1;
  private count = 0;

  constructor(private readonly windowMs: number) {}

  /** Counts one request and returns the count in the current window. */
  hit(now: number): number {
    this.roll(now);
    return ++this.count;
  }

  private roll(now: number): void {
    this.origin ??= now;
    const window = Math.floor((now - this.origin) / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.count = 0;
    }
  }
}

export interface InvokeLimits {
  perMinute: number;
  concurrent: number;
}

/** Namespace invoke throttles; every attempt counts towards the minute, as upstream. */
export class InvokeThrottle {
  private readonly minute = new WindowCounter(60_000);
  private inFlight = 0;

  constructor(private readonly limits: InvokeLimits) {}

  /** Undefined when the invoke may run (and is now in flight), else the 429 message. */
  admit(now: number): string | undefined {
    const count = this.minute.hit(now);
    if (count > this.limits.perMinute) {
      return `Too many requests in the last minute (count: ${count}, allowed: ${this.limits.perMinute}).`;
    }
    if (this.inFlight >= this.limits.concurrent) {
      return `Too many concurrent requests in flight (count: ${this.inFlight}, allowed: ${this.limits.concurrent}).`;
    }
    this.inFlight++;
    return undefined;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }
}

export const DO_LIMIT_PER_MINUTE = 250;
export const DO_LIMIT_PER_HOUR = 5000;

/** Request times within the last `windowMs`, oldest first. */
class SlidingWindow {
  private times: number[] = [];

  constructor(private readonly windowMs: number) {}

  count(now: number): number {
    const firstLive = this.times.findIndex((time) => time > now - this.windowMs);
    this.times = firstLive < 0 ? [] : this.times.slice(firstLive);
    return this.times.length;
  }

  add(now: number): void {
    this.times.push(now);
  }

  /** When the oldest request leaves the window (now when empty). */
  oldestExpiry(now: number): number {
    return (this.times[0] ?? now - this.windowMs) + this.windowMs;
  }
}

/**
 * DO API v2: 250 per minute and 5000 per hour over sliding windows. As DO documents, the headers
 * give the hourly budget and ratelimit-reset is when the oldest counted request expires.
 * Refused requests do not count, so a client that backs off gets its budget back.
 */
export class DoRateLimiter {
  private readonly minute = new SlidingWindow(60_000);
  private readonly hour = new SlidingWindow(3_600_000);

  check(now: number): { allowed: boolean; headers: Record<string, string> } {
    const allowed = this.minute.count(now) < DO_LIMIT_PER_MINUTE && this.hour.count(now) < DO_LIMIT_PER_HOUR;
    if (allowed) {
      this.minute.add(now);
      this.hour.add(now);
    }
    const headers = {
      'ratelimit-limit': String(DO_LIMIT_PER_HOUR),
      'ratelimit-remaining': String(DO_LIMIT_PER_HOUR - this.hour.count(now)),
      'ratelimit-reset': String(Math.ceil(this.hour.oldestExpiry(now) / 1000)),
    };
    return { allowed, headers };
  }
}
