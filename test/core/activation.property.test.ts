import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationEndTime, normaliseActivation, type Activation } from '../../src/core/activation.js';
import { formatDuration } from '../../src/core/duration.js';
import { coldAppErrorRecord, fixtureNames, loadFixture } from './activation-fixtures.js';

const STATUSES = ['success', 'app-error', 'dev-error', 'internal', 'timeout'];

function expectWellFormed(activation: Activation): void {
  expect(typeof activation.id).toBe('string');
  expect(STATUSES).toContain(activation.status);
  expect([0, 1, 2, 3]).toContain(activation.statusCode);
  expect(Number.isFinite(activation.start)).toBe(true);
  expect(typeof activation.fn).toBe('string');
  expect(typeof activation.name).toBe('string');
  if (activation.logs) for (const line of activation.logs) expect(typeof line).toBe('string');
  if (activation.error !== undefined) expect(typeof activation.error).toBe('string');
  // Every view can print its times in the usual 24 characters, and its durations in a column.
  for (const time of [activation.start, activationEndTime(activation)])
    expect(new Date(time).toISOString()).toHaveLength(24);
  for (const ms of [activation.duration, activation.waitTime, activation.initTime, activation.timeoutLimit]) {
    if (ms !== undefined) expect(formatDuration(ms).length).toBeLessThanOrEqual(6);
  }
}

function hasUsableId(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const id = (raw as Record<string, unknown>).activationId;
  return typeof id === 'string' && id.trim() !== '';
}

const records = [...fixtureNames().map(loadFixture), coldAppErrorRecord()];
const TOP_KEYS = [
  'activationId',
  'name',
  'namespace',
  'start',
  'end',
  'duration',
  'logs',
  'annotations',
  'response',
  'statusCode',
  'cause',
  'version',
];
const RESPONSE_KEYS = ['status', 'success', 'result', 'statusCode', 'size'];

// A fixture with some top-level and response fields replaced by arbitrary JSON or deleted.
const mutatedRecord = fc
  .record({
    base: fc.constantFrom(...records),
    top: fc.array(fc.tuple(fc.constantFrom(...TOP_KEYS), fc.option(fc.jsonValue(), { nil: undefined })), {
      maxLength: 4,
    }),
    response: fc.array(fc.tuple(fc.constantFrom(...RESPONSE_KEYS), fc.option(fc.jsonValue(), { nil: undefined })), {
      maxLength: 3,
    }),
    annotation: fc.option(fc.tuple(fc.nat(10), fc.jsonValue()), { nil: undefined }),
  })
  .map(({ base, top, response, annotation }) => {
    const record = structuredClone(base);
    for (const [key, value] of top)
      if (value === undefined) delete record[key];
      else record[key] = value;
    if (typeof record.response === 'object' && record.response !== null && !Array.isArray(record.response)) {
      const target = record.response as Record<string, unknown>;
      for (const [key, value] of response)
        if (value === undefined) delete target[key];
        else target[key] = value;
    }
    if (annotation && Array.isArray(record.annotations) && record.annotations.length > 0) {
      const index = annotation[0] % record.annotations.length;
      (record.annotations as unknown[])[index] = {
        key: 'x',
        ...(record.annotations[index] as object),
        value: annotation[1],
      };
    }
    return record;
  });

describe('normaliseActivation properties', () => {
  it('never throws on anything, and returns an activation exactly when there is a usable id', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withObjectString: true }), (raw) => {
        const activation = normaliseActivation(raw);
        expect(activation !== undefined).toBe(hasUsableId(raw));
        if (activation) expectWellFormed(activation);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON objects with an id', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...TOP_KEYS), fc.jsonValue()),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        (fields, id) => {
          const raw = { ...fields, activationId: id };
          const activation = normaliseActivation(raw);
          // Kept as JSON text: the same record as JSON (-0 and the like print as JSON prints them).
          expect(JSON.stringify(activation?.raw)).toBe(JSON.stringify(raw));
          if (activation) expectWellFormed(activation);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps times and durations printable whatever numbers a record holds', () => {
    const anyNumber = fc.oneof(fc.double(), fc.constantFrom(1e300, -1e300, 8.64e15 + 1, 2 ** 53, -1), fc.integer());
    fc.assert(
      fc.property(
        fc.record({
          start: anyNumber,
          end: anyNumber,
          duration: anyNumber,
          wait: anyNumber,
          init: anyNumber,
          limit: anyNumber,
        }),
        ({ start, end, duration, wait, init, limit }) => {
          const raw = {
            activationId: 'a'.repeat(32),
            start,
            end,
            duration,
            annotations: [
              { key: 'waitTime', value: wait },
              { key: 'initTime', value: init },
              { key: 'limits', value: { timeout: limit } },
            ],
          };
          expectWellFormed(normaliseActivation(raw)!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('degrades gracefully on mutated real records', () => {
    fc.assert(
      fc.property(mutatedRecord, (raw) => {
        const activation = normaliseActivation(raw);
        expect(activation !== undefined).toBe(hasUsableId(raw));
        if (activation) expectWellFormed(activation);
      }),
      { numRuns: 300 },
    );
  });
});
