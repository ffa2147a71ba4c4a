// Typed API errors. Every failure the clients report is an ApiError: a `kind` a caller can branch on,
// the HTTP status when there was one, and a message a person can act on. Secrets never reach a
// message: every builder here goes through `redact`, including text the server sent back.

export type ApiErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'usage'
  | 'outcome-unknown';

export interface ApiErrorDetails {
  status?: number;
  retryAfterMs?: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  /** How long the server asked us to wait (Retry-After, or the DO rate-limit reset). */
  readonly retryAfterMs?: number;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** What an error builder needs to know about the remote side. */
export interface ErrorContext {
  /** scheme://host[:port] — never with credentials. */
  origin: string;
  /** What the person should check on a 401/403, e.g. "namespace key". */
  credentialName: string;
  /** Strings that must never appear in a message (keys, tokens, their encodings). */
  secrets: readonly string[];
}

const REDACTED = '[redacted]';
// Shorter "secrets" would blank out ordinary words; a real key or token is far longer.
const MIN_SECRET_LENGTH = 4;
const MAX_QUOTED_TEXT = 300;

/** Removes every secret and every control character, and caps the length. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) clean = clean.split(secret).join(REDACTED);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
  clean = clean.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean.length > MAX_QUOTED_TEXT ? `${clean.slice(0, MAX_QUOTED_TEXT)}…` : clean;
}

/** Builds an ApiError whose message is guaranteed free of the context's secrets. */
export function apiError(ctx: ErrorContext, kind: ApiErrorKind, message: string, details?: ApiErrorDetails): ApiError {
  return new ApiError(kind, redact(message, ctx.secrets), details);
}

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns milliseconds from `nowMs`, never negative; undefined when absent or unparsable.
 */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Date.parse accepts bare numbers like "-1" as years; an HTTP date always has a weekday/month name.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The server's own explanation: OpenWhisk `{error}`, DO `{message}`, or a short plain-text body. */
export function serverMessage(bodyText: string): string | undefined {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null) {
      const { error, message } = body as { error?: unknown; message?: unknown };
      if (typeof error === 'string') return error;
      if (typeof message === 'string') return message;
    }
    return undefined;
  } catch {
    // Not JSON: quote plain text, but not an HTML error page from a proxy.
    const text = bodyText.trim();
    return text && !text.startsWith('<') ? text : undefined;
  }
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface StatusErrorOptions {
  /** Used when the response has no Retry-After (the DO API announces its reset in another header). */
  retryAfterMs?: number;
}

/**
 * Maps a non-2xx response to an ApiError. `subject` names what was asked for ("activation 1a2b…")
 * so a 404 can say what is missing.
 */
export function errorFromStatus(
  ctx: ErrorContext,
  response: ErrorResponse,
  subject: string,
  options: StatusErrorOptions = {},
): ApiError {
  const { status } = response;
  const said = serverMessage(response.body);
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], Date.now()) ?? options.retryAfterMs;
  const details: ApiErrorDetails = retryAfterMs === undefined ? { status } : { status, retryAfterMs };
  const make = (kind: ApiErrorKind, summary: string): ApiError =>
    apiError(ctx, kind, `${summary} (${status})${said ? `: ${said}` : ''}`, details);

  if (status === 401) return make('auth', `authentication failed for ${ctx.origin}: check the ${ctx.credentialName}`);
  if (status === 403) {
    return make('auth', `access denied by ${ctx.origin}: check that the ${ctx.credentialName} is allowed to do this`);
  }
  if (status === 404) return make('not-found', `${subject} not found on ${ctx.origin}`);
  if (status === 408) return make('timeout', `${ctx.origin} timed out waiting for the request`);
  if (status === 429) {
    const when = retryAfterMs === undefined ? 'wait a little' : `wait ${Math.ceil(retryAfterMs / 1000)} s`;
    return make('rate-limited', `rate limited by ${ctx.origin}: ${when} before trying again`);
  }
  if (status === 413) return make('usage', `the request for ${subject} is too large for ${ctx.origin}`);
  if (status >= 400 && status < 500) return make('usage', `${ctx.origin} rejected the request for ${subject}`);
  if (status >= 500) return make('server', `${ctx.origin} failed to answer the request for ${subject}`);
  return make('bad-response', `unexpected HTTP status from ${ctx.origin} for ${subject}`);
}
