// HTTP transport shared by the API clients: one keep-alive undici Pool per origin (shared between
// clients), connect/headers/body timeouts, a response-size cap, and the mapping of transport
// failures to ApiErrors. It knows nothing about OpenWhisk or DigitalOcean.

import type { Dispatcher, Pool } from 'undici';
import { VERSION } from '../version.js';
import { ApiError, apiError, redact, type ErrorContext } from './errors.js';

export const USER_AGENT = `fnmon/${VERSION}`;
/** A hostile or broken server must not be able to make us buffer without bound. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface TimeoutOptions {
  connectMs?: number;
  headersMs?: number;
  bodyMs?: number;
}
export type Timeouts = Required<TimeoutOptions>;
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 10_000, bodyMs: 10_000 };

/** Where a client talks to: origin plus an optional path prefix (for hosts behind a proxy path). */
export interface Endpoint {
  origin: string;
  pathPrefix: string;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses a host as people write it ("faas-….doserverless.co", "https://host:443/", "http://127.0.0.1:3233").
 * No scheme means https. Credentials in the URL are dropped. Plain http leaves this machine only
 * with `allowInsecureHttp`, because the Authorization header would travel in clear text.
 */
export function parseEndpoint(input: string, allowInsecureHttp: boolean, secrets: readonly string[] = []): Endpoint {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ApiError('usage', `'${redact(trimmed, secrets)}' is not a valid host`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('usage', `unsupported scheme '${url.protocol}' for ${url.host}: use https`);
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw new ApiError('usage', `refusing plain http to ${url.host}: use https, or pass --insecure to allow it`);
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
}

export type Query = Record<string, string | number | boolean | undefined>;

/** Appends the defined query parameters (in the given order) to a path. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// ---- pools -------------------------------------------------------------------------------------

// undici is over a megabyte of the bundle: it is loaded with the first request, not at start-up,
// so the monitor's first frame does not wait for it (bench/: startup).
let undici: Promise<typeof import('undici')> | undefined;

interface SharedPool {
  origin: string;
  connectMs: number;
  /** Created at the first request. */
  pool?: Promise<Pool>;
  users: number;
}
// Keyed by origin and connect timeout (the one timeout that is fixed per pool; the others are per request).
const sharedPools = new Map<string, SharedPool>();

function acquirePool(origin: string, connectMs: number): string {
  const key = `${origin} ${connectMs}`;
  const shared = sharedPools.get(key);
  if (shared) shared.users++;
  else sharedPools.set(key, { origin, connectMs, users: 1 });
  return key;
}

function poolOf(shared: SharedPool): Promise<Pool> {
  // A CommonJS package: its exports are the default export once bundled (and also under Node).
  undici ??= import('undici').then((module) => (module as unknown as { default?: typeof module }).default ?? module);
  shared.pool ??= undici.then(
    ({ Pool }) => new Pool(shared.origin, { connections: 8, connect: { timeout: shared.connectMs } }),
  );
  return shared.pool;
}

async function releasePool(key: string): Promise<void> {
  const shared = sharedPools.get(key);
  if (!shared) return;
  shared.users--;
  if (shared.users > 0) return;
  sharedPools.delete(key);
  if (shared.pool) await (await shared.pool).close();
}

// ---- transport ---------------------------------------------------------------------------------

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path (with query) below the endpoint's prefix. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How long the server may legitimately hold the request before answering (blocking invoke); added to the headers timeout. */
  serverHoldMs?: number;
  /**
   * Set for requests with side effects. When one fails after it may have reached the server, the
   * error is 'outcome-unknown' with this text as the advice, instead of 'network'/'timeout'.
   */
  outcomeUnknownAdvice?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpTransportOptions {
  endpoint: Endpoint;
  errors: ErrorContext;
  timeouts?: TimeoutOptions;
  maxResponseBytes?: number;
}

export class HttpTransport {
  readonly endpoint: Endpoint;
  readonly errors: ErrorContext;
  private readonly timeouts: Timeouts;
  private readonly maxResponseBytes: number;
  private readonly poolKey: string;
  private closed = false;

  constructor(options: HttpTransportOptions) {
    this.endpoint = options.endpoint;
    this.errors = options.errors;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts ?? {}) };
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    this.poolKey = acquirePool(this.endpoint.origin, this.timeouts.connectMs);
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const shared = sharedPools.get(this.poolKey);
    if (this.closed || !shared)
      throw apiError(this.errors, 'usage', `the client for ${this.endpoint.origin} is closed`);
    const pool = await poolOf(shared);
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({
        method: request.method,
        path: this.endpoint.pathPrefix + request.path,
        headers: { 'user-agent': USER_AGENT, accept: 'application/json', ...request.headers },
        body: request.body ?? null,
        headersTimeout: this.headersTimeout(request),
        bodyTimeout: this.timeouts.bodyMs,
      });
    } catch (error) {
      throw this.requestFailure(error, request);
    }
    const body = await this.readBody(response);
    return { status: response.statusCode, headers: response.headers, body };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releasePool(this.poolKey);
  }

  private headersTimeout(request: HttpRequest): number {
    return this.timeouts.headersMs + (request.serverHoldMs ?? 0);
  }

  /** Reads the whole body as UTF-8 text, refusing more than maxResponseBytes. */
  private async readBody(response: Dispatcher.ResponseData): Promise<string> {
    const { origin } = this.endpoint;
    const status = response.statusCode;
    const tooLarge = () =>
      apiError(this.errors, 'bad-response', `the response from ${origin} exceeds ${this.maxResponseBytes} bytes`, {
        status,
      });
    const declared = Number(response.headers['content-length']);
    if (declared > this.maxResponseBytes) {
      // Abort rather than download it; the abort surfaces as a stream error nobody else listens for.
      response.body.on('error', () => undefined).destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.maxResponseBytes) throw tooLarge();
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (errorCode(error) === 'UND_ERR_BODY_TIMEOUT') {
        throw apiError(
          this.errors,
          'timeout',
          `${origin} stalled for ${this.timeouts.bodyMs} ms while sending a response`,
          { status },
        );
      }
      // The headers arrived, so the server did answer; what we hold is an incomplete body.
      throw apiError(this.errors, 'bad-response', `the response from ${origin} was cut off (${describe(error)})`, {
        status,
      });
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Maps an error raised before any response headers arrived. */
  private requestFailure(error: unknown, request: HttpRequest): ApiError {
    const { origin } = this.endpoint;
    const code = errorCode(error);
    if (code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED') {
      return apiError(this.errors, 'usage', `the client for ${origin} is closed`);
    }
    if (isConnectPhase(error)) {
      const tlsProblem = describeTlsFailure(code);
      if (tlsProblem) return apiError(this.errors, 'network', `cannot connect securely to ${origin}: ${tlsProblem}`);
      if (code === 'UND_ERR_CONNECT_TIMEOUT') {
        return apiError(
          this.errors,
          'timeout',
          `timed out connecting to ${origin} after ${this.timeouts.connectMs} ms`,
        );
      }
      return apiError(this.errors, 'network', `cannot connect to ${origin} (${describe(error)})`);
    }
    const headersTimedOut = code === 'UND_ERR_HEADERS_TIMEOUT';
    const what = headersTimedOut
      ? `${origin} did not answer within ${this.headersTimeout(request)} ms`
      : `the connection to ${origin} failed (${describe(error)})`;
    if (request.outcomeUnknownAdvice) {
      return apiError(this.errors, 'outcome-unknown', `${what}: ${request.outcomeUnknownAdvice}`);
    }
    return apiError(this.errors, headersTimedOut ? 'timeout' : 'network', what);
  }
}

function definedOnly(timeouts: TimeoutOptions): TimeoutOptions {
  return Object.fromEntries(Object.entries(timeouts).filter(([, value]) => value !== undefined));
}

// Failures that happen before a single request byte can have been written.
const CONNECT_PHASE_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

function isConnectPhase(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  const syscall = errorField(error, 'syscall');
  // TLS handshake failures (certificate problems) also precede the request.
  return (
    CONNECT_PHASE_CODES.has(code) || syscall === 'connect' || syscall === 'getaddrinfo' || /CERT|TLS|SSL/.test(code)
  );
}

const UNTRUSTED_ADVICE =
  'if your network inspects TLS through a proxy, point NODE_EXTRA_CA_CERTS at its CA certificate';
const TLS_FAILURES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  CERT_NOT_YET_VALID: "its TLS certificate is not valid yet; check this computer's clock",
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for a different host name; check the API host',
  DEPTH_ZERO_SELF_SIGNED_CERT: `its TLS certificate is self-signed, so it cannot be trusted; ${UNTRUSTED_ADVICE}`,
  SELF_SIGNED_CERT_IN_CHAIN: `its TLS certificate comes from an untrusted (self-signed) authority; ${UNTRUSTED_ADVICE}`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: `its TLS certificate cannot be verified (unknown issuer); ${UNTRUSTED_ADVICE}`,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: `its TLS certificate cannot be verified (unknown issuer); ${UNTRUSTED_ADVICE}`,
};

/** A TLS certificate failure in plain words (undici passes Node's OpenSSL codes through); undefined for other errors. */
export function describeTlsFailure(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return TLS_FAILURES[code] ?? (/CERT|TLS|SSL/.test(code) ? `the TLS handshake failed (${code})` : undefined);
}

function errorField(error: unknown, field: 'code' | 'syscall' | 'message'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as Record<string, unknown>)[field];
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: unknown }).cause;
  const inner = typeof cause === 'object' && cause !== null ? (cause as Record<string, unknown>)[field] : undefined;
  return typeof inner === 'string' ? inner : undefined;
}

function errorCode(error: unknown): string | undefined {
  return errorField(error, 'code');
}

/** "other side closed, UND_ERR_SOCKET" — short, and free of anything but the error's own text. */
function describe(error: unknown): string {
  const message = errorField(error, 'message') ?? String(error);
  const code = errorCode(error);
  return code && !message.includes(code) ? `${message}, ${code}` : message;
}
