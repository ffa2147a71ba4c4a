// Request/reply plumbing shared by the route handlers: handlers return a Reply value and
// server.ts writes it, so faults (garbage, slow) can act on any reply.
import type { IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  /** Decoded path segments, e.g. ["api", "v1", "namespaces", "_", "activations"]. */
  segments: string[];
  /** The raw path ended in "/" (meaningful for GET …/actions/{pkg}/). */
  trailingSlash: boolean;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Transaction id for OpenWhisk error bodies. */
  txid: string;
  /** Reads the body; `size` is the full byte count even when more than `limit` bytes were discarded. */
  readBody(limit: number): Promise<{ size: number; text: string }>;
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return { status, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

/** OpenWhisk error body: {"error", "code"} (reference §1). */
export function owError(status: number, message: string, txid: string, headers?: Record<string, string>): Reply {
  return json(status, { error: message, code: txid }, headers);
}

/** Thrown by query validators; the server answers 400 with the message. */
export class BadRequest extends Error {}

export const NOT_FOUND = 'The requested resource does not exist.';

/** akka's default 405 text, which OpenWhisk wraps in its error body. */
export function methodNotAllowed(allowed: string[], txid: string): Reply {
  return owError(405, `HTTP method not allowed, supported methods: ${allowed.join(', ')}`, txid, {
    allow: allowed.join(', '),
  });
}

/** Scala's String.toInt: optional sign, digits, 32-bit range. */
export function parseInt32(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

/** `limit` for list APIs: default, 0 means the max, out of range -> upstream's 400 text. */
export function listLimit(query: URLSearchParams, collection: string, defaultLimit: number, max: number): number {
  const text = query.get('limit');
  if (text === null) return defaultLimit;
  const value = parseInt32(text);
  if (value === undefined) throw new BadRequest(`The value '${text}' is not an integer for ${collection}.`);
  if (value < 0 || value > max)
    throw new BadRequest(`The value '${value}' is not in the range of 0 to ${max} for ${collection}.`);
  return value === 0 ? max : value;
}

export function listSkip(query: URLSearchParams, collection: string): number {
  const text = query.get('skip');
  if (text === null) return 0;
  const value = parseInt32(text);
  if (value === undefined) throw new BadRequest(`The value '${text}' is not an integer for ${collection}.`);
  if (value < 0) throw new BadRequest(`The value '${value}' is not greater than or equal to 0 for ${collection}.`);
  return value;
}

const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** akka's Boolean query parameter: true/false/yes/no/on/off/1/0, anything else is a 400. */
export function booleanParam(query: URLSearchParams, name: string, fallback = false): boolean {
  const text = query.get(name);
  if (text === null) return fallback;
  const word = text.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new BadRequest(`The query parameter '${name}' was malformed:\n'${text}' is not a valid Boolean value`);
}

/** Upstream EntityName: word characters, then also @, space, dot and dash; at most 256 ("segement" sic). */
export function validateEntityName(segment: string): void {
  if (segment.length > 256) throw new BadRequest(`Name segement longer than allowed: ${segment.length} > 256.`);
  if (!/^(?:\w|\w[\w@ .-]*[\w@.-]+)$/.test(segment))
    throw new BadRequest('The name of the entity contains illegal characters.');
}
