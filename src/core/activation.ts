// Raw activation record (any shape: server full record, docs=false summary, doctl/wsk print) -> Activation.
// Tolerant: missing, odd or mistyped fields never throw; they become undefined or sensible defaults.
import { isObject, keepRecord, RECORD, withRecordAccessors } from './activation-record.js';
import { BoundedCache, intern } from './intern.js';

/** fnmon's status: the wire statusCode split so that timeouts stand apart from other developer errors. */
export type ActivationStatus = 'success' | 'app-error' | 'dev-error' | 'internal' | 'timeout';

export interface Activation {
  /** activationId (as given; may be a non-hex id in doctl-printed records). */
  id: string;
  namespace: string;
  /** Function name without package. */
  name: string;
  /** Package name, from the `path` annotation; undefined for unpackaged functions. */
  package?: string;
  /** `pkg/fn` or `fn` — what people type and what `name=` accepts. */
  fn: string;
  version: string;
  start: number;
  end?: number;
  duration?: number;
  status: ActivationStatus;
  /** Wire statusCode 0..3 (derived from response.status for full records). */
  statusCode: 0 | 1 | 2 | 3;
  /** True when an initTime annotation is present. */
  cold: boolean;
  initTime?: number;
  waitTime?: number;
  kind?: string;
  /** MB, from the limits annotation. */
  memory?: number;
  /** ms, from the limits annotation. */
  timeoutLimit?: number;
  gbs?: number;
  cause?: string;
  /** kind === 'sequence' (sequences and conductor compositions): logs hold component ids. */
  isSequence: boolean;
  /** The error text from response.result.error, stringified when it is not a string. */
  error?: string;
  /** Present only when the full record is known (not for docs=false summaries). Parsed anew when read. */
  readonly result?: unknown;
  logs?: string[];
  /** True when this came from a full record: it has a response (or was fetched by id, see monitor-service). */
  full: boolean;
  /** The record exactly as the API (or file) gave it: equal as JSON, parsed anew when read. */
  readonly raw: unknown;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

type Fields = Record<string, unknown>;

const STATUS_BY_CODE: readonly ActivationStatus[] = ['success', 'app-error', 'dev-error', 'internal'];

// response.status texts seen on the wire (§3.4), plus the internal underscore forms and the labels
// client-go / doctl print, so hand-edited or CLI-printed records still classify.
// A Map, not an object literal: a hostile status like 'constructor' must not hit the prototype.
const STATUS_CODE_BY_TEXT: ReadonlyMap<string, 0 | 1 | 2 | 3> = new Map([
  ['success', 0],
  ['application error', 1],
  ['application_error', 1],
  ['action developer error', 2],
  ['action_developer_error', 2],
  ['developer error', 2],
  ['whisk internal error', 3],
  ['whisk_internal_error', 3],
  ['internal error', 3],
  ['system error', 3],
]);

const TIME_LIMIT_MESSAGE = /exceeded its time limits/i;

/**
 * Any raw record -> Activation, or undefined when it has no usable activationId.
 * Accepts full records, docs=false summaries and doctl/wsk-printed records; never throws.
 */
export function normaliseActivation(raw: unknown): Activation | undefined {
  if (!isObject(raw)) return undefined;
  const id = raw.activationId;
  if (typeof id !== 'string' || id.trim() === '') return undefined;

  const annotations = readAnnotations(raw.annotations);
  const response = isObject(raw.response) ? raw.response : undefined;
  const result = response?.result;
  const error = errorText(result);
  const statusCode = deriveStatusCode(raw, response, result);
  const timedOut =
    annotations.get('timeout') === true || (statusCode === 2 && error !== undefined && TIME_LIMIT_MESSAGE.test(error));
  const where = functionLocation(annotations.get('path'), asString(raw.name));
  const limits = isObject(annotations.get('limits')) ? (annotations.get('limits') as Fields) : {};
  const kind = internOptional(asString(annotations.get('kind')));
  const logs = readLogs(raw.logs);

  const namespace = intern(asString(raw.namespace) ?? '');
  const fields: Omit<Activation, 'raw' | 'result'> & { [RECORD]: unknown } = {
    id,
    namespace,
    name: where.name,
    package: where.package,
    fn: where.fn,
    version: intern(asString(raw.version) ?? ''),
    start: asTime(raw.start) ?? 0,
    end: positive(asTime(raw.end)),
    duration: nonNegative(asNumber(raw.duration)),
    status: timedOut ? 'timeout' : (STATUS_BY_CODE[statusCode] ?? 'internal'),
    statusCode,
    cold: annotations.has('initTime'),
    initTime: nonNegative(asNumber(annotations.get('initTime'))),
    waitTime: nonNegative(asNumber(annotations.get('waitTime'))),
    kind,
    memory: nonNegative(asNumber(limits.memory)),
    timeoutLimit: nonNegative(asNumber(limits.timeout)),
    gbs: asNumber(annotations.get('gbs')),
    cause: nonEmpty(asString(raw.cause)),
    isSequence: kind === 'sequence',
    error,
    logs,
    full: response !== undefined,
    [RECORD]: keepRecord(raw, isArrayOfStrings(raw.logs), { id, namespace }),
  };
  return withRecordAccessors(fields);
}

/** Numbers, and numeric strings (some printers quote them); anything else is unknown. */
function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** 9999-12-31T23:59:59.999Z: later times print as +0YYYYY-… (or not at all, past 275760) and break date columns. */
const MAX_TIME_MS = 253_402_300_799_999;

/** Pulled into 1970 … 9999, so every view can format it in its usual width. */
function clampTime(ms: number): number {
  return Math.max(0, Math.min(MAX_TIME_MS, ms));
}

function asTime(value: unknown): number | undefined {
  const n = asNumber(value);
  return n === undefined ? undefined : clampTime(n);
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

// Printed records use zero values for "absent" (§3.2), so end 0 means no end.
function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

function nonNegative(n: number | undefined): number | undefined {
  return n !== undefined && n >= 0 ? n : undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}

/** `[{key, value}]` (the wire form) or, tolerantly, a plain `{key: value}` object. */
function readAnnotations(value: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (isObject(entry) && typeof entry.key === 'string') map.set(entry.key, entry.value);
    }
  } else if (isObject(value)) {
    for (const [key, entryValue] of Object.entries(value)) map.set(key, entryValue);
  }
  return map;
}

interface FunctionLocation {
  name: string;
  package?: string;
  fn: string;
}

const locations = new BoundedCache<FunctionLocation>();

/** The `path` annotation is the only source of the package: `ns/pkg/fn` or `ns/fn` (§3.3). */
function functionLocation(path: unknown, nameField: string | undefined): FunctionLocation {
  const known = typeof path === 'string' ? locations.get(path) : undefined;
  if (known) return known;
  const parts = typeof path === 'string' ? path.split('/') : [];
  const pathName = parts.length >= 2 ? parts[parts.length - 1] : undefined;
  if (!pathName) {
    const name = intern(nameField ?? '');
    return { name, fn: name };
  }
  const pkg = (parts.length >= 3 && parts[parts.length - 2]) || undefined;
  const name = intern(pathName);
  const location =
    pkg === undefined ? { name, fn: name } : { name, package: intern(pkg), fn: intern(`${pkg}/${name}`) };
  return locations.set(path as string, location);
}

/** Status text first (full records), then a printed/summary statusCode, then weaker hints. */
function deriveStatusCode(raw: Fields, response: Fields | undefined, result: unknown): 0 | 1 | 2 | 3 {
  const text = typeof response?.status === 'string' ? response.status.trim().toLowerCase() : undefined;
  const fromText = text === undefined ? undefined : STATUS_CODE_BY_TEXT.get(text);
  if (fromText !== undefined) return fromText;
  const code = asStatusCode(response?.statusCode) ?? asStatusCode(raw.statusCode);
  if (code !== undefined) return code;
  // A result carrying an `error` is never a success (§3.4); without a status that is an app error.
  if (response?.success === false || (isObject(result) && 'error' in result)) return 1;
  return 0;
}

function asStatusCode(value: unknown): 0 | 1 | 2 | 3 | undefined {
  const n = asNumber(value);
  return n === 0 || n === 1 || n === 2 || n === 3 ? n : undefined;
}

function errorText(result: unknown): string | undefined {
  if (!isObject(result) || !('error' in result) || result.error === undefined) return undefined;
  return typeof result.error === 'string' ? result.error : safeStringify(result.error);
}

/** JSON for anything; String() when JSON refuses; never throws (input may be hostile). */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return '[unprintable]';
    }
  }
}

function internOptional(value: string | undefined): string | undefined {
  return value === undefined ? undefined : intern(value);
}

function isArrayOfStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((line) => typeof line === 'string');
}

function readLogs(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return value.map((line) => (typeof line === 'string' ? line : safeStringify(line)));
}

// ---------------------------------------------------------------------------------------------
// Small helpers for views

const STATUS_LABEL: Readonly<Record<ActivationStatus, string>> = {
  success: 'success',
  'app-error': 'app error',
  'dev-error': 'dev error',
  internal: 'internal',
  timeout: 'timeout',
};

export function statusLabel(status: ActivationStatus): string {
  return STATUS_LABEL[status];
}

export function isFailure(activation: Activation): boolean {
  return activation.status !== 'success';
}

/** Characters of an id shown in lists; 8 hex digits tell activations apart on a screen. */
export const SHORT_ID_LENGTH = 8;

export function shortId(id: string): string {
  return Array.from(id).slice(0, SHORT_ID_LENGTH).join('');
}

/** Ran longer than 80% of its time limit: a timeout waiting to happen. */
export function nearTimeout(activation: Activation): boolean {
  const { duration, timeoutLimit } = activation;
  return duration !== undefined && timeoutLimit !== undefined && timeoutLimit > 0 && duration > 0.8 * timeoutLimit;
}

/** When it ended: `end`, else start + duration; always a time a Date can represent. */
export function activationEndTime(activation: Activation): number {
  if (activation.end !== undefined) return activation.end;
  return activation.duration !== undefined ? clampTime(activation.start + activation.duration) : activation.start;
}
