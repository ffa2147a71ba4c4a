// Synthetic full records (reference §3.1) with known ids, names and starts, for loading into the emulator.
import type { WireActivation } from '../../src/api/types.js';

export const NAMESPACE = 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc';
/** An hour ago: well inside the 72 h retention, whatever the emulator does with loaded records. */
export const BASE = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

function record(index: number, fn: string, status: 'success' | 'application error'): WireActivation {
  const [pkg, name] = fn.includes('/') ? (fn.split('/') as [string, string]) : [undefined, fn];
  const start = BASE + index * 1000;
  const success = status === 'success';
  return {
    namespace: NAMESPACE,
    name,
    version: '0.0.1',
    subject: '3f1c2d4e-0000-4a1b-9c8d-123456789abc',
    activationId: `${index}`.padStart(2, '0').repeat(16),
    start,
    end: start + 40,
    duration: 40,
    response: { status, success, result: success ? { body: `ok ${index}` } : { error: `failed ${index}` }, size: 12 },
    logs: [`2024-01-01T00:00:00.000000000Z stdout: line ${index}`],
    annotations: [
      { key: 'path', value: `${NAMESPACE}/${pkg ? `${pkg}/` : ''}${name}` },
      { key: 'kind', value: 'nodejs:18' },
      { key: 'waitTime', value: 5 },
      { key: 'timeout', value: false },
    ],
    publish: false,
  };
}

/** Six records, one second apart, oldest first. */
export const RECORDS: WireActivation[] = [
  record(10, 'sample/hello', 'success'),
  record(11, 'billing/charge', 'application error'),
  record(12, 'sample/hello', 'success'),
  record(13, 'healthcheck', 'success'),
  record(14, 'sample/hello', 'success'),
  record(15, 'billing/charge', 'success'),
];

/** What the list API returns: newest start first. */
export const NEWEST_FIRST = [...RECORDS].sort((a, b) => b.start - a.start);
export const ids = (records: ReadonlyArray<{ activationId: string }>): string[] => records.map((r) => r.activationId);
