// Test activations: the shared fixtures as they are, plus generated records in the wire shapes of
// reference §3 (full records, docs=false summaries, sequences, the log-forwarding notice).
import { readFileSync, readdirSync } from 'node:fs';

const FIXTURE_DIR = new URL('../fixtures/activations/', import.meta.url);

export function fixtureRecords(): Record<string, unknown>[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, FIXTURE_DIR), 'utf8')) as Record<string, unknown>);
}

export type WireStatus = 'success' | 'application error' | 'action developer error' | 'whisk internal error';

export interface RecordSpec {
  id: string;
  /** `pkg/fn` or `fn`. */
  fn: string;
  start: number;
  duration?: number;
  status?: WireStatus;
  error?: string;
  timedOut?: boolean;
  cold?: boolean;
  logs?: string[];
  kind?: string;
  timeoutLimit?: number;
  cause?: string;
}

const NAMESPACE = 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc';

/** 32 lowercase hex digits from a number: a realistic activation id. */
export function hexId(n: number): string {
  return n.toString(16).padStart(8, '0').repeat(4);
}

export function fullRecord(spec: RecordSpec): Record<string, unknown> {
  const status = spec.status ?? 'success';
  const duration = spec.duration ?? 42;
  const parts = spec.fn.split('/');
  const name = parts[parts.length - 1] ?? spec.fn;
  const annotations: Array<{ key: string; value: unknown }> = [
    { key: 'path', value: `${NAMESPACE}/${spec.fn}` },
    { key: 'waitTime', value: 12 },
    { key: 'kind', value: spec.kind ?? 'nodejs:18' },
    { key: 'timeout', value: spec.timedOut ?? false },
    { key: 'limits', value: { concurrency: 1, logs: 16, memory: 256, timeout: spec.timeoutLimit ?? 3000 } },
    { key: 'entry', value: 'main' },
    { key: 'gbs', value: 0.01 },
  ];
  if (spec.cold) annotations.push({ key: 'initTime', value: 190 });
  if (spec.cause) annotations.push({ key: 'causedBy', value: 'sequence' });
  return {
    namespace: NAMESPACE,
    name,
    version: '0.0.7',
    subject: 'tester',
    activationId: spec.id,
    start: spec.start,
    end: spec.start + duration,
    duration,
    ...(spec.cause ? { cause: spec.cause } : {}),
    response: {
      status,
      success: status === 'success',
      result: spec.error === undefined ? { body: 'ok' } : { error: spec.error },
      size: 27,
    },
    logs: spec.logs ?? [`${new Date(spec.start).toISOString()} stdout: handled ${spec.id.slice(0, 8)}`],
    annotations,
    publish: false,
  };
}

const STATUS_CODE: Readonly<Record<WireStatus, number>> = {
  success: 0,
  'application error': 1,
  'action developer error': 2,
  'whisk internal error': 3,
};

/** The docs=false shape of the same activation: no response, no logs, a top-level statusCode. */
export function summaryRecord(spec: RecordSpec): Record<string, unknown> {
  const { response: _response, logs: _logs, subject: _subject, ...rest } = fullRecord(spec);
  return { ...rest, statusCode: STATUS_CODE[spec.status ?? 'success'] };
}

const FUNCTIONS = ['billing/charge', 'billing/refund', 'sample/hello', 'resize-image', 'auth/login'];
const STATUSES: readonly WireStatus[] = [
  'success',
  'success',
  'success',
  'application error',
  'success',
  'action developer error',
  'success',
  'whisk internal error',
];

/** `count` varied activations, one a second back from `newest`, newest first by id number. */
export function generatedRecords(count: number, newest: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length] ?? 'success';
    return fullRecord({
      id: hexId(i + 1),
      fn: FUNCTIONS[i % FUNCTIONS.length] ?? 'hello',
      start: newest - i * 1000,
      duration: 20 + ((i * 37) % 900),
      status,
      error: status === 'success' ? undefined : `failure number ${i}`,
      cold: i % 3 === 0,
    });
  });
}
