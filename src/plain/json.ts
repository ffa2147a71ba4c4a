// JSON-lines output: one stable, documented camelCase object per activation (see README
// "JSON output"), or the record exactly as the API returned it (--raw).
import type { Activation } from '../core/activation.js';
import type { ForwardedLine } from '../core/forwarded-types.js';
import { toJsonForwarded, type JsonForwardedLine } from './forwarded.js';

export interface JsonActivation {
  activationId: string;
  namespace: string;
  function: string;
  package: string | null;
  name: string;
  version: string;
  status: Activation['status'];
  statusCode: number;
  success: boolean;
  start: number;
  end: number | null;
  duration: number | null;
  cold: boolean;
  initTime: number | null;
  waitTime: number | null;
  kind: string | null;
  memory: number | null;
  timeoutLimit: number | null;
  gbs: number | null;
  cause: string | null;
  error: string | null;
  result: unknown;
  late: boolean;
  logs?: string[];
  /** With --logs and a readable log destination: the lines read back from it. */
  forwardedLogs?: JsonForwardedLine[];
}

export interface JsonOptions {
  late: boolean;
  logs: boolean;
  forwarded?: readonly ForwardedLine[];
}

export function toJsonActivation(activation: Activation, options: JsonOptions): JsonActivation {
  const json: JsonActivation = {
    activationId: activation.id,
    namespace: activation.namespace,
    function: activation.fn,
    package: activation.package ?? null,
    name: activation.name,
    version: activation.version,
    status: activation.status,
    statusCode: activation.statusCode,
    success: activation.status === 'success',
    start: activation.start,
    end: activation.end ?? null,
    duration: activation.duration ?? null,
    cold: activation.cold,
    initTime: activation.initTime ?? null,
    waitTime: activation.waitTime ?? null,
    kind: activation.kind ?? null,
    memory: activation.memory ?? null,
    timeoutLimit: activation.timeoutLimit ?? null,
    gbs: activation.gbs ?? null,
    cause: activation.cause ?? null,
    error: activation.error ?? null,
    result: activation.result ?? null,
    late: options.late,
  };
  if (options.logs) json.logs = activation.logs ?? [];
  if (options.logs && options.forwarded) json.forwardedLogs = toJsonForwarded(options.forwarded);
  return json;
}

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls and bidi controls raw, which a
// terminal would still act on when someone `cat`s the output. Escaping them keeps the value identical.
const TERMINAL_UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One JSON line that is valid JSON and inert on a terminal. */
export function jsonLine(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return `${text.replace(TERMINAL_UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
