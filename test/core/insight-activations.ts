// Builders for the insights tests: a neutral warm success, changed only where a test says so.
import type { Activation } from '../../src/core/activation.js';
import { activation } from './activation-fixtures.js';

let nextId = 0;

export function act(overrides: Partial<Activation> = {}): Activation {
  nextId += 1;
  return activation({
    id: nextId.toString(16).padStart(32, '0'),
    fn: 'billing/charge',
    status: 'success',
    statusCode: 0,
    error: undefined,
    cold: false,
    initTime: undefined,
    waitTime: undefined,
    gbs: undefined,
    memory: 256,
    timeoutLimit: 3000,
    start: 1_700_000_000_000,
    duration: 100,
    end: undefined,
    ...overrides,
  });
}

export function failure(error: string, overrides: Partial<Activation> = {}): Activation {
  return act({ status: 'app-error', statusCode: 1, error, ...overrides });
}
