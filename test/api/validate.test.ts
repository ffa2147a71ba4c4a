import { describe, expect, it } from 'vitest';
import type { ErrorContext } from '../../src/api/errors.js';
import * as shape from '../../src/api/validate.js';
import { summaryRecord } from '../core/activation-fixtures.js';
import { activationFixtures } from './fixtures.js';

const ctx: ErrorContext = { origin: 'https://faas.example', credentialName: 'namespace key', secrets: [] };

const summary = summaryRecord();

describe('parseJson', () => {
  it('parses JSON and rejects empty, truncated or non-JSON bodies as bad-response', () => {
    expect(shape.parseJson(ctx, 'x', '[1]')).toEqual([1]);
    for (const body of ['', '[{"activationId":"ab', '<html>', 'null,']) {
      expect(() => shape.parseJson(ctx, 'the activation list', body)).toThrow(
        expect.objectContaining({ kind: 'bad-response', message: expect.stringContaining('the activation list') }),
      );
    }
  });
});

describe('expectShape', () => {
  it('returns the very same object it was given (raw records stay untouched)', () => {
    const record = structuredClone(summary);
    expect(shape.expectShape(ctx, 'x', record, shape.activationSummary)).toBe(record);
    expect(record).toEqual(summary);
  });

  it('throws bad-response naming the subject and the problem', () => {
    expect(() => shape.expectShape(ctx, 'the activation list', {}, shape.arrayOf(shape.activationSummary))).toThrow(
      expect.objectContaining({
        kind: 'bad-response',
        message: 'unexpected response from https://faas.example for the activation list: expected a JSON array',
      }),
    );
  });
});

describe('activation checks', () => {
  it.each(activationFixtures)('accepts the fixture $file as a full record and as a summary', ({ record }) => {
    expect(shape.activation(record)).toBeUndefined();
    expect(shape.activationSummary(record)).toBeUndefined();
  });

  it('accepts a docs=false summary, which has no response or logs', () => {
    expect(shape.activationSummary(summary)).toBeUndefined();
    expect(shape.activation(summary)).toBeUndefined();
    expect(shape.invokedActivation(summary)).toBe('response is missing');
  });

  it('accepts a running-looking summary without end, duration or statusCode', () => {
    const { end: _end, duration: _duration, statusCode: _statusCode, ...open } = summary;
    expect(shape.activationSummary(open)).toBeUndefined();
  });

  it.each([
    [{ ...summary, activationId: 42 }, 'activationId is not a string'],
    [{ ...summary, activationId: undefined }, 'activationId is missing'],
    [{ ...summary, start: '1704067200123' }, 'start is not a number'],
    [{ ...summary, start: null }, 'start is not a number'],
    [[summary], 'expected a JSON object'],
    [null, 'expected a JSON object'],
  ])('rejects a record without the id and start it is tracked by %#', (value, problem) => {
    expect(shape.activationSummary(value)).toBe(problem);
  });

  // One odd record must not make a whole page unreadable: the normaliser tolerates the rest.
  it.each([
    { ...summary, name: 7 },
    { ...summary, end: 'later' },
    { ...summary, annotations: {} },
    { ...activationFixtures[0]?.record, response: 'success', logs: 'line' },
    { ...activationFixtures[0]?.record, response: null, logs: [1, null] },
  ])('passes a record with odd optional fields to the normaliser %#', (record) => {
    expect(shape.activation(record)).toBeUndefined();
    expect(shape.activationSummary(record)).toBeUndefined();
  });

  it('requires a response object of a blocking invoke body', () => {
    const record = activationFixtures[0]?.record;
    expect(shape.invokedActivation(record)).toBeUndefined();
    expect(shape.invokedActivation({ ...record, response: 'success' })).toBe('response is not a object');
  });

  it('locates the bad element of a list', () => {
    expect(shape.arrayOf(shape.activationSummary)([summary, { ...summary, start: 'x' }])).toBe(
      'element 1: start is not a number',
    );
  });
});

describe('other OpenWhisk bodies', () => {
  it('count', () => {
    expect(shape.activationCount({ activations: 3 })).toBeUndefined();
    expect(shape.activationCount({ activations: -1 })).toBe('activations is not a count');
    expect(shape.activationCount({ activations: '3' })).toBe('activations is not a count');
  });

  it('logs', () => {
    expect(shape.activationLogs({ logs: ['a', 'b'] })).toBeUndefined();
    expect(shape.activationLogs({ logs: ['a', 1] })).toBeUndefined();
    expect(shape.activationLogs({})).toBe('logs: expected a JSON array');
  });

  it('result', () => {
    expect(shape.activationResult({ result: { ok: 1 }, size: 8, status: 'success', success: true })).toBeUndefined();
    expect(shape.activationResult({ status: 'success' })).toBe('success is missing');
  });

  it('invoke accepted', () => {
    expect(shape.invokeAccepted({ activationId: 'a'.repeat(32) })).toBeUndefined();
    expect(shape.invokeAccepted({})).toBe('activationId is missing');
  });

  it('actions, packages and namespaces', () => {
    const action = {
      namespace: 'ns',
      name: 'fn',
      version: '0.0.1',
      publish: false,
      annotations: [],
      exec: { binary: false },
    };
    expect(shape.actionSummary(action)).toBeUndefined();
    expect(shape.action({ ...action, exec: 'nodejs' })).toBe('exec is not a object');
    expect(shape.packageSummary({ namespace: 'ns', name: 'pkg', binding: false })).toBeUndefined();
    expect(shape.packageSummary({ namespace: 'ns' })).toBe('name is missing');
    expect(shape.namespaceList(['fn-1'])).toBeUndefined();
    expect(shape.namespaceList([{ name: 'fn-1' }])).toBe('element 0: not a string');
  });
});

describe('DO API bodies', () => {
  const namespace = {
    api_host: 'https://faas-nyc1-2ef2e6cc.doserverless.io',
    namespace: 'fn-feb132ee-706a-4f13-9c81-f24a3330260b',
    created_at: '2022-05-13T15:13:11Z',
    updated_at: '2022-05-13T15:13:11Z',
    label: 'prod',
    region: 'nyc1',
    uuid: 'feb132ee-706a-4f13-9c81-f24a3330260b',
    key: 'secret',
  };

  it('namespaces come in envelopes', () => {
    expect(
      shape.envelope('namespaces', shape.arrayOf(shape.functionsNamespace))({ namespaces: [namespace] }),
    ).toBeUndefined();
    expect(shape.envelope('namespaces', shape.arrayOf(shape.functionsNamespace))({ namespace })).toBe(
      'namespaces: expected a JSON array',
    );
  });

  it('a namespace fetched for its credential must carry uuid and key', () => {
    const { key: _key, ...keyless } = namespace;
    expect(shape.functionsNamespace(keyless)).toBeUndefined();
    expect(shape.functionsNamespaceWithKey(keyless)).toBe('key is missing');
  });

  it('triggers', () => {
    const trigger = {
      namespace: namespace.namespace,
      function: 'hello',
      type: 'SCHEDULED',
      name: 'every-minute',
      is_enabled: true,
    };
    expect(shape.functionsTrigger(trigger)).toBeUndefined();
    expect(shape.functionsTrigger({ ...trigger, is_enabled: 'yes' })).toBe('is_enabled is not a boolean');
  });
});
