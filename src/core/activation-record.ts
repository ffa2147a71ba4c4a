// An activation's raw record, kept as compact JSON text and parsed again only when someone asks
// (the detail view, save, copy, JSON output). Parsed, a record costs about 1.6 times its JSON in
// heap (each annotation an object, each string its own copy); as text, a byte a character.
// The log lines are left out of the text (the activation holds them already), and the text is
// shortened further by record-text.ts.
import { decodeRecordText, encodeRecordText } from './record-text.js';

type Fields = Record<string, unknown>;

/** Where an activation keeps its record: JSON text, or the object itself when JSON cannot carry it. */
export const RECORD = Symbol('record');

/** Stands in the text for log lines the activation holds (restored from them when parsed). */
const LOGS_LEFT_OUT = 0;

interface Keeping {
  [RECORD]: unknown;
  readonly id: string;
  readonly namespace: string;
  readonly logs?: readonly string[];
}

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What to keep of `raw` under RECORD, for the activation of that id and namespace. `logsHeld`:
 * the activation's logs are exactly the record's `logs` array (all strings), so the text can
 * leave them out.
 */
export function keepRecord(
  raw: Fields,
  logsHeld: boolean,
  { id, namespace }: { id: string; namespace: string },
): unknown {
  try {
    const text = JSON.stringify(logsHeld ? withoutLogs(raw) : raw);
    // A toJSON or a boxed value would not come back as this object: keep the object then.
    return typeof text === 'string' && text.startsWith('{') ? encodeRecordText(text, namespace, id) : raw;
  } catch {
    return raw; // BigInt, cycles: not JSON, so not from the API; kept as given
  }
}

/** `fields` (which hold RECORD) with `raw` and `result` defined as getters that parse it. */
export function withRecordAccessors<T extends { [RECORD]: unknown }>(
  fields: T,
): T & { readonly raw: unknown; readonly result: unknown } {
  return Object.defineProperties(fields, ACCESSORS) as T & { raw: unknown; result: unknown };
}

// Own accessors (not a prototype's), so `{ ...activation }` still copies `raw` and `result`.
// The same getters for every activation let V8 share one hidden class among them all. RECORD is
// set in the object literal (inside the object, not in a property array of its own), so it is
// enumerable: making it not so afterwards cost 1.4 KB and 50 µs an activation in V8.
const ACCESSORS: PropertyDescriptorMap = {
  raw: { get: rawRecord, enumerable: true },
  result: { get: resultOf, enumerable: true },
};

/** A shallow copy in the same key order (a plain object: JSON.stringify is fastest on those). */
function withoutLogs(raw: Fields): Fields {
  const copy: Fields = {};
  for (const key of Object.keys(raw)) {
    const value = key === 'logs' ? LOGS_LEFT_OUT : raw[key];
    // Assigning `__proto__` would set the prototype; the record's key must stay a key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true });
    else copy[key] = value;
  }
  return copy;
}

/** A fresh copy of the record, equal to the one given as JSON. */
function rawRecord(this: Keeping): unknown {
  const kept = this[RECORD];
  if (typeof kept !== 'string') return kept;
  const record = JSON.parse(decodeRecordText(kept, this.namespace, this.id)) as Fields;
  // Only a `logs` array of strings is ever left out, and `logs` then holds the same lines.
  if (record.logs === LOGS_LEFT_OUT && this.logs !== undefined) record.logs = [...this.logs];
  return record;
}

/** response.result of a full record; undefined for a summary, which has no response. */
function resultOf(this: { readonly raw: unknown }): unknown {
  const record = this.raw;
  const response = isObject(record) ? record.response : undefined;
  return isObject(response) ? response.result : undefined;
}
