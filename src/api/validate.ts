// Response validation: checks that a body is what the wire contract promises, to the extent the
// callers rely on it, and hands the parsed value back untouched (callers keep raw records for --raw).
// Tolerant where the reference says so: doctl/wsk-printed shapes (extra statusCode, `date`, zero
// values, `annotations: null`) and every optional field pass; a wrong type where a field IS present
// does not, except in activation records, whose optional fields the normaliser copes with (below).
//
// Each check returns a problem description, or undefined when the value is acceptable.

import { apiError, type ErrorContext } from './errors.js';

export type Check = (value: unknown) => string | undefined;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON body; anything unparsable (including a truncated body) is a bad-response. */
export function parseJson(ctx: ErrorContext, subject: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const shown = text.length === 0 ? 'an empty body' : 'a body that is not valid JSON';
    throw apiError(ctx, 'bad-response', `unexpected response from ${ctx.origin} for ${subject}: ${shown}`);
  }
}

/** Returns `value` typed as T when `check` accepts it; otherwise throws a bad-response. */
export function expectShape<T>(ctx: ErrorContext, subject: string, value: unknown, check: Check): T {
  const problem = check(value);
  if (problem !== undefined) {
    throw apiError(ctx, 'bad-response', `unexpected response from ${ctx.origin} for ${subject}: ${problem}`);
  }
  return value as T;
}

/** parseJson + expectShape: the usual way a response body becomes a checked value. */
export function parseBody<T>(ctx: ErrorContext, subject: string, text: string, check: Check): T {
  return expectShape<T>(ctx, subject, parseJson(ctx, subject, text), check);
}

// ---- building blocks ---------------------------------------------------------------------------

type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

function hasType(value: unknown, type: FieldType): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === type;
}

/** Every listed field must be present with the given type. */
function required(record: Record<string, unknown>, fields: Record<string, FieldType>): string | undefined {
  for (const [field, type] of Object.entries(fields)) {
    if (!hasType(record[field], type))
      return `${field} is ${record[field] === undefined ? 'missing' : `not a ${type}`}`;
  }
  return undefined;
}

/** Listed fields may be absent or null (doctl prints zero values), but not of another type. */
function optional(record: Record<string, unknown>, fields: Record<string, FieldType>): string | undefined {
  for (const [field, type] of Object.entries(fields)) {
    const value = record[field];
    if (value !== undefined && value !== null && !hasType(value, type)) return `${field} is not a ${type}`;
  }
  return undefined;
}

function objectWith(...checks: Array<(record: Record<string, unknown>) => string | undefined>): Check {
  return (value) => {
    if (!isRecord(value)) return 'expected a JSON object';
    for (const check of checks) {
      const problem = check(value);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

export function arrayOf(item: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return 'expected a JSON array';
    for (const [index, element] of value.entries()) {
      const problem = item(element);
      if (problem !== undefined) return `element ${index}: ${problem}`;
    }
    return undefined;
  };
}

/** `{ [key]: <item> }` — the DO API wraps every payload in a named envelope. */
export function envelope(key: string, item: Check): Check {
  return objectWith((record) => {
    const problem = item(record[key]);
    return problem === undefined ? undefined : `${key}: ${problem}`;
  });
}

const stringArray: Check = arrayOf((value) => (typeof value === 'string' ? undefined : 'not a string'));

// ---- OpenWhisk (reference §2, §3, §5) ----------------------------------------------------------

// Activation records: only what fnmon tracks them by is checked, an id to dedupe by and a start to
// order by (the platform always writes both). Every other field passes as it is, whatever its type:
// the normaliser (core/activation.ts) tolerates anything, and one odd record must never make a
// whole page, and with it every other record on it, unreadable.
const activationCore = (record: Record<string, unknown>) =>
  required(record, { activationId: 'string', start: 'number' });

export const activationSummary: Check = objectWith(activationCore);

/** A full record; a missing or odd response or logs is the normaliser's business, as for summaries. */
export const activation: Check = activationSummary;

/** A blocking invoke's body: without a response object it is not the function's outcome. */
export const invokedActivation: Check = objectWith(activationCore, (record) =>
  required(record, { response: 'object' }),
);

export const activationCount: Check = objectWith((record) =>
  Number.isInteger(record.activations) && (record.activations as number) >= 0
    ? undefined
    : 'activations is not a count',
);

/** `{logs: [...]}`; the client turns lines that are not strings into text (openwhisk.ts). */
export const activationLogs: Check = objectWith((record) =>
  Array.isArray(record.logs) ? undefined : 'logs: expected a JSON array',
);

export const activationResult: Check = objectWith((record) =>
  required(record, { status: 'string', success: 'boolean' }),
);

export const invokeAccepted: Check = objectWith((record) => required(record, { activationId: 'string' }));

const entity = (record: Record<string, unknown>) =>
  required(record, { name: 'string', namespace: 'string' }) ?? optional(record, { annotations: 'array' });

export const actionSummary: Check = objectWith(entity);
export const action: Check = objectWith(entity, (record) =>
  optional(record, { exec: 'object', limits: 'object', parameters: 'array' }),
);
export const packageSummary: Check = objectWith(entity);
export const namespaceList: Check = stringArray;

// ---- DigitalOcean API v2 (reference §7) --------------------------------------------------------

export const functionsNamespace: Check = objectWith(
  (record) =>
    required(record, { namespace: 'string', api_host: 'string' }) ??
    optional(record, { uuid: 'string', key: 'string', label: 'string', region: 'string' }),
);

// A namespace fetched by name is used to build credentials, so the credential parts must be there.
export const functionsNamespaceWithKey: Check = objectWith(
  (record) => functionsNamespace(record) ?? required(record, { uuid: 'string', key: 'string' }),
);

export const functionsTrigger: Check = objectWith(
  (record) =>
    required(record, { name: 'string', function: 'string' }) ??
    optional(record, { is_enabled: 'boolean', scheduled_details: 'object', scheduled_runs: 'object' }),
);
