// Shared test data: the real fixtures (test/fixtures/activations) and builders for the shapes they lack.
import { readdirSync, readFileSync } from 'node:fs';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';

const FIXTURE_DIR = new URL('../fixtures/activations/', import.meta.url);

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, FIXTURE_DIR), 'utf8')) as Record<string, unknown>;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** The §3.8 example: cold start inside a package, application error. */
export function coldAppErrorRecord(): Record<string, unknown> {
  return {
    namespace: 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc',
    name: 'charge',
    version: '0.0.7',
    subject: '3f1c2d4e-0000-4a1b-9c8d-123456789abc',
    activationId: '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11',
    start: 1704067200123,
    end: 1704067200480,
    duration: 357,
    response: { status: 'application error', success: false, result: { error: 'card declined' }, size: 27 },
    logs: [
      '2024-01-01T00:00:00.130512345Z stdout: charging order 1234',
      '2024-01-01T00:00:00.478001234Z stderr: declined by processor',
    ],
    annotations: [
      { key: 'path', value: 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc/billing/charge' },
      { key: 'waitTime', value: 12 },
      { key: 'kind', value: 'nodejs:18' },
      { key: 'timeout', value: false },
      { key: 'limits', value: { concurrency: 1, logs: 16, memory: 256, timeout: 3000 } },
      { key: 'initTime', value: 190 },
      { key: 'entry', value: 'main' },
      { key: 'gbs', value: 0.09 },
    ],
    publish: false,
  };
}

/** The same activation as a docs=false summary: top-level statusCode, no response, no logs. */
export function summaryRecord(): Record<string, unknown> {
  return {
    namespace: 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc',
    name: 'charge',
    version: '0.0.7',
    publish: false,
    annotations: [{ key: 'path', value: 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc/billing/charge' }],
    activationId: '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11',
    start: 1704067200123,
    end: 1704067200480,
    duration: 357,
    statusCode: 1,
  };
}

/** Build a normalised activation from the cold app-error record with some fields replaced. */
export function activation(overrides: Partial<Activation> = {}): Activation {
  const base = normaliseActivation(coldAppErrorRecord());
  if (!base) throw new Error('fixture did not normalise');
  return { ...base, ...overrides };
}
