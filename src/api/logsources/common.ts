// Shared by the three read clients (Papertrail, Datadog, Better Stack): the line shape they hand
// out, one service's transport with its error context, rate-limit headers, the timestamp formats
// the services and the runtime use, and the bounded dedupe set for overlapping polls.

import { createHash } from 'node:crypto';
import { ACTIVATION_ID_PATTERN } from '../types.js';
import { errorFromStatus, type ErrorContext } from '../errors.js';
import { HttpTransport, parseEndpoint, type Endpoint, type HttpRequest, type TimeoutOptions } from '../http.js';

export type LogSourceName = 'papertrail' | 'datadog' | 'betterstack';

/** One function output line as read back from a destination. */
export interface SourceLine {
  /** Unique within its source: what dedupe compares. */
  key: string;
  /** Epoch ms: when the runtime read the line, else when the service received it. */
  time: number;
  /** The activation (32 hex) the line belongs to. */
  activationId: string;
  /** `/fn-…/[pkg/]fn`, as the line carries it. */
  functionPath?: string;
  /** As the function wrote it: never sanitised here. */
  message: string;
}

/** The request budget a response announced. */
export interface SourceRateLimit {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the budget is renewed. */
  resetAtMs?: number;
}

/** What one poll of a destination found. */
export interface SourcePoll {
  lines: SourceLine[];
  rateLimit?: SourceRateLimit;
  /** A page cap cut the poll short: more is waiting. */
  more: boolean;
}

export interface LogSourceClientOptions {
  /** Base URL (scheme://host[:port][/prefix]); each service has its default. */
  url?: string;
  allowInsecureHttp?: boolean;
  timeouts?: TimeoutOptions;
}

export interface SourceResponse {
  body: string;
  rateLimit?: SourceRateLimit;
}

/** One service's connection: its endpoint, the secrets to keep out of messages, and its rate-limit headers. */
export class SourceTransport {
  readonly endpoint: Endpoint;
  readonly errors: ErrorContext;
  private readonly http: HttpTransport;

  constructor(
    defaultUrl: string,
    credentialName: string,
    secrets: readonly string[],
    options: LogSourceClientOptions,
    private readonly readLimit: (headers: Headers, nowMs: number) => SourceRateLimit | undefined,
  ) {
    this.endpoint = parseEndpoint(options.url ?? defaultUrl, options.allowInsecureHttp ?? false, secrets);
    this.errors = { origin: this.endpoint.origin, credentialName, secrets };
    this.http = new HttpTransport({
      endpoint: this.endpoint,
      errors: this.errors,
      ...(options.timeouts && { timeouts: options.timeouts }),
    });
  }

  /** Sends one request; a non-2xx status becomes an ApiError (429s carry the time to the reset). */
  async send(request: HttpRequest, subject: string): Promise<SourceResponse> {
    const response = await this.http.request(request);
    const now = Date.now();
    const rateLimit = this.readLimit(response.headers, now);
    if (response.status < 200 || response.status > 299) {
      const untilReset = rateLimit?.resetAtMs === undefined ? undefined : Math.max(0, rateLimit.resetAtMs - now);
      throw errorFromStatus(
        this.errors,
        response,
        subject,
        untilReset === undefined ? {} : { retryAfterMs: untilReset },
      );
    }
    return { body: response.body, ...(rateLimit && { rateLimit }) };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

type Headers = Record<string, string | string[] | undefined>;

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers[name];
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!text) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * `<prefix>-limit`, `-remaining` and `-reset`, the reset counted in seconds from now (Datadog's
 * `x-ratelimit-*`, Papertrail's `x-rate-limit-*`). A reset that looks like an epoch is taken as one.
 */
export function readRateLimitHeaders(headers: Headers, prefix: string, nowMs: number): SourceRateLimit | undefined {
  const limit = numberHeader(headers, `${prefix}-limit`);
  const remaining = numberHeader(headers, `${prefix}-remaining`);
  const reset = numberHeader(headers, `${prefix}-reset`);
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  const resetAtMs = reset === undefined ? undefined : reset > 1e9 ? reset * 1000 : nowMs + reset * 1000;
  return {
    ...(limit !== undefined && { limit }),
    ...(remaining !== undefined && { remaining }),
    ...(resetAtMs !== undefined && { resetAtMs }),
  };
}

// `2024-01-01 00:00:00.130512345 UTC` (the runtime), `2022-07-19 12:28:14.000000` (Better Stack),
// ISO 8601 with Z or an offset (Papertrail, Datadog). No zone means UTC.
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?\s*(UTC|GMT|Z|[+-]\d\d:?\d\d)?$/i;

/** Epoch ms of a service or runtime timestamp; undefined when it is none of the known forms. */
export function parseServiceTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  return Number.isNaN(utc) ? undefined : utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  const match = /^([+-])(\d\d):?(\d\d)$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** The activation id when it is well formed; anything else (hostile or foreign lines) is dropped. */
export function wellFormedActivationId(value: unknown): string | undefined {
  return typeof value === 'string' && ACTIVATION_ID_PATTERN.test(value) ? value : undefined;
}

export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A JSON object, or undefined for anything else (a plain-text line from another sender). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A short fixed-size key for long content (Better Stack rows have no id). */
export function contentKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

/**
 * Keys seen recently, so lines fetched twice by overlapping windows are passed on once. Bounded
 * by time (callers forget what fell out of the overlap) and by count.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxSize = 50_000) {}

  /** True when `key` is new (and remembers it with its time). */
  add(key: string, time: number): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, time);
    // Oldest-inserted first: Map iteration order is insertion order.
    if (this.seen.size > this.maxSize) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  forgetBefore(time: number): void {
    for (const [key, seenTime] of this.seen) if (seenTime < time) this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}
