import { describe, expect, it } from 'vitest';
import {
  activationEndTime,
  isFailure,
  nearTimeout,
  normaliseActivation,
  shortId,
  statusLabel,
} from '../../src/core/activation.js';
import { activation, coldAppErrorRecord, fixtureNames, loadFixture, summaryRecord } from './activation-fixtures.js';

describe('normaliseActivation on the shared fixtures', () => {
  it('normalises every fixture file without losing the raw record', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(4);
    for (const name of fixtureNames()) {
      const raw = loadFixture(name);
      const a = normaliseActivation(raw);
      expect(a, name).toBeDefined();
      expect(a?.raw).toStrictEqual(raw);
      expect(a?.full, name).toBe(true);
    }
  });

  it('reads the DO docs record: package from path, warm, limits, DO annotations', () => {
    const a = normaliseActivation(loadFixture('do-docs-1.json'));
    expect(a).toMatchObject({
      id: 'c15d4bacedfa4bab9d4bacedfa2bcbec',
      namespace: 'fn-feb132ee-706a-4f13-9c81-f24a3330260b',
      name: 'hello',
      package: 'sample',
      fn: 'sample/hello',
      version: '0.0.5',
      start: 1652454791577,
      end: 1652454791582,
      duration: 5,
      status: 'success',
      statusCode: 0,
      cold: false,
      waitTime: 80,
      kind: 'nodejs:14',
      memory: 256,
      timeoutLimit: 3000,
      gbs: 0.025,
      isSequence: false,
      result: { body: 'Hello sammy' },
      logs: ['2022-05-13T15:13:11.580825656Z stdout: Hello sammy'],
    });
    expect(a?.initTime).toBeUndefined();
    expect(a?.error).toBeUndefined();
  });

  it('reads the upstream blocking-invoke body: two-part path, no kind, empty logs', () => {
    const a = normaliseActivation(loadFixture('openwhisk-docs-1.json'));
    expect(a).toMatchObject({
      name: 'hello',
      fn: 'hello',
      status: 'success',
      duration: 2,
      logs: [],
      timeoutLimit: 60000,
    });
    expect(a?.package).toBeUndefined();
    expect(a?.kind).toBeUndefined();
  });

  it('reads the composition: a sequence whose logs are component ids; duration is not end - start', () => {
    const a = normaliseActivation(loadFixture('openwhisk-docs-2.json'));
    expect(a).toMatchObject({
      fn: 'tripleAndIncrement',
      kind: 'sequence',
      isSequence: true,
      duration: 457,
      statusCode: 0,
    });
    expect(a?.logs).toHaveLength(5);
  });

  it('tolerates the doctl-printed shape: zero values, annotations null, non-hex id', () => {
    const a = normaliseActivation(loadFixture('doctl-testdata-1.json'));
    expect(a).toMatchObject({
      id: 'activation-2',
      fn: 'hello2',
      name: 'hello2',
      status: 'success',
      statusCode: 0,
      duration: 0,
    });
    expect(a?.cold).toBe(false);
    expect(a?.kind).toBeUndefined();
  });
});

describe('normaliseActivation on shapes the fixtures lack', () => {
  it('reads a cold application error inside a package (§3.8)', () => {
    const a = normaliseActivation(coldAppErrorRecord());
    expect(a).toMatchObject({
      fn: 'billing/charge',
      status: 'app-error',
      statusCode: 1,
      cold: true,
      initTime: 190,
      error: 'card declined',
      memory: 256,
    });
  });

  it('reads a docs=false summary: top-level statusCode, no response, no logs', () => {
    const a = normaliseActivation(summaryRecord());
    expect(a).toMatchObject({ fn: 'billing/charge', status: 'app-error', statusCode: 1, full: false });
    expect(a?.logs).toBeUndefined();
    expect(a?.result).toBeUndefined();
  });

  it.each([0, 1, 2, 3] as const)('maps summary statusCode %i', (code) => {
    const a = normaliseActivation({ activationId: 'a'.repeat(32), statusCode: code });
    expect(a?.status).toBe(['success', 'app-error', 'dev-error', 'internal'][code]);
  });

  it.each([
    ['success', 'success'],
    ['application error', 'app-error'],
    ['action developer error', 'dev-error'],
    ['whisk internal error', 'internal'],
  ])('maps response.status %s', (text, status) => {
    const a = normaliseActivation({ activationId: 'x', response: { status: text, success: text === 'success' } });
    expect(a?.status).toBe(status);
  });

  it('marks a timeout from the annotation', () => {
    const record = coldAppErrorRecord();
    record.response = {
      status: 'action developer error',
      success: false,
      result: { error: 'The action exceeded its time limits of 3000 milliseconds.' },
    };
    record.annotations = [{ key: 'timeout', value: true }];
    expect(normaliseActivation(record)).toMatchObject({ status: 'timeout', statusCode: 2 });
  });

  it('marks a timeout from the error text when the annotation is missing', () => {
    const a = normaliseActivation({
      activationId: 'x',
      response: {
        status: 'action developer error',
        result: { error: 'The action exceeded its time limits of 3000 milliseconds during initialization.' },
      },
    });
    expect(a?.status).toBe('timeout');
  });

  it('keeps other developer errors as dev-error', () => {
    const a = normaliseActivation({
      activationId: 'x',
      response: {
        status: 'action developer error',
        result: { error: 'The action exhausted its memory and was aborted.' },
      },
    });
    expect(a?.status).toBe('dev-error');
  });

  it('stringifies a non-string error', () => {
    const a = normaliseActivation({
      activationId: 'x',
      response: { status: 'application error', result: { error: { code: 42 } } },
    });
    expect(a?.error).toBe('{"code":42}');
  });

  it('falls back to the name field when there is no path annotation', () => {
    expect(normaliseActivation({ activationId: 'x', name: 'solo' })).toMatchObject({ fn: 'solo', name: 'solo' });
  });
});

describe('normaliseActivation on hostile input', () => {
  it.each([null, undefined, 42, 'str', [], [{ activationId: 'x' }], {}, { activationId: 7 }, { activationId: '  ' }])(
    'returns undefined without a usable activationId: %j',
    (raw) => {
      expect(normaliseActivation(raw)).toBeUndefined();
    },
  );

  it('degrades mistyped fields instead of throwing', () => {
    const a = normaliseActivation({
      activationId: 'abc',
      name: 12,
      namespace: { no: 1 },
      start: '1704067200123',
      end: 'soon',
      duration: -5,
      response: 'not an object',
      logs: ['ok', 3, null, { line: 'x' }],
      annotations: [
        null,
        'x',
        { key: 1, value: 2 },
        { key: 'initTime', value: 'slow' },
        { key: 'limits', value: [1] },
        { key: 'waitTime', value: '9'.repeat(400) },
      ],
      statusCode: 'banana',
      cause: '',
    });
    expect(a).toMatchObject({
      id: 'abc',
      name: '12',
      namespace: '',
      start: 1704067200123,
      status: 'success',
      cold: true,
      full: false,
      logs: ['ok', '3', 'null', '{"line":"x"}'],
    });
    expect(a?.end).toBeUndefined();
    expect(a?.duration).toBeUndefined();
    expect(a?.initTime).toBeUndefined();
    expect(a?.waitTime).toBeUndefined();
    expect(a?.memory).toBeUndefined();
    expect(a?.cause).toBeUndefined();
  });

  it('ignores status texts that name Object.prototype members', () => {
    const a = normaliseActivation({ activationId: 'x', response: { status: 'constructor' }, statusCode: 2 });
    expect(a?.statusCode).toBe(2);
  });

  it('treats a failed response without a status as an application error', () => {
    expect(normaliseActivation({ activationId: 'x', response: { success: false } })?.status).toBe('app-error');
    expect(normaliseActivation({ activationId: 'x', response: { result: { error: 'e' } } })?.status).toBe('app-error');
  });

  it('accepts annotations given as a plain object', () => {
    const a = normaliseActivation({ activationId: 'x', annotations: { path: 'ns/pkg/f', kind: 'python:3.11' } });
    expect(a).toMatchObject({ fn: 'pkg/f', kind: 'python:3.11' });
  });

  it('survives an error value JSON cannot print', () => {
    const a = normaliseActivation({ activationId: 'x', response: { result: { error: 10n } } });
    expect(a?.error).toBe('10');
  });
});

describe('view helpers', () => {
  it('labels statuses in words', () => {
    expect(statusLabel('app-error')).toBe('app error');
    expect(statusLabel('dev-error')).toBe('dev error');
    expect(statusLabel('timeout')).toBe('timeout');
  });

  it('calls anything but success a failure', () => {
    expect(isFailure(activation({ status: 'success' }))).toBe(false);
    expect(isFailure(activation({ status: 'timeout' }))).toBe(true);
  });

  it('shortens ids to 8 characters', () => {
    expect(shortId('9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11')).toBe('9b1f0c2a');
    expect(shortId('abc')).toBe('abc');
  });

  it('flags activations above 80% of their time limit', () => {
    expect(nearTimeout(activation({ duration: 2401, timeoutLimit: 3000 }))).toBe(true);
    expect(nearTimeout(activation({ duration: 2400, timeoutLimit: 3000 }))).toBe(false);
    expect(nearTimeout(activation({ duration: 2900, timeoutLimit: undefined }))).toBe(false);
  });

  it('finds the end time from end, else start + duration, else start', () => {
    expect(activationEndTime(activation({ start: 100, end: 500, duration: 1 }))).toBe(500);
    expect(activationEndTime(activation({ start: 100, end: undefined, duration: 50 }))).toBe(150);
    expect(activationEndTime(activation({ start: 100, end: undefined, duration: undefined }))).toBe(100);
  });
});
