import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import { coldAppErrorRecord } from './activation-fixtures.js';

describe('the raw record an activation keeps', () => {
  it('gives back the record as received, log lines in their place, as a fresh copy each time', () => {
    const record = coldAppErrorRecord();
    const activation = normaliseActivation(record)!;
    expect(JSON.stringify(activation.raw)).toBe(JSON.stringify(record));
    expect(Object.keys(activation.raw as object)).toEqual(Object.keys(record));
    expect(activation.raw).not.toBe(activation.raw);
    (activation.raw as { logs: string[] }).logs.push('changed');
    expect(activation.logs).toEqual(record.logs);
  });

  it('keeps log lines that are not all strings in the record as they came', () => {
    const record = { activationId: 'x', logs: ['a', 3, null], response: { result: {} } };
    const activation = normaliseActivation(record)!;
    expect(activation.logs).toEqual(['a', '3', 'null']);
    expect(activation.raw).toStrictEqual(record);
  });

  it('reads result from the record: the response result of a full record, nothing for a summary', () => {
    const full = normaliseActivation(coldAppErrorRecord())!;
    expect(full.result).toEqual({ error: 'card declined' });
    const summary = normaliseActivation({ activationId: 'x', statusCode: 0, result: { not: 'this' } })!;
    expect(summary.result).toBeUndefined();
  });

  it('copies raw and result along with the rest when spread', () => {
    const copy = { ...normaliseActivation(coldAppErrorRecord())!, full: false };
    expect(copy.raw).toStrictEqual(coldAppErrorRecord());
    expect(copy.result).toEqual({ error: 'card declined' });
  });

  it('keeps a record JSON cannot carry as the object given', () => {
    const record = { activationId: 'x', response: { result: { big: 10n } } };
    const activation = normaliseActivation(record)!;
    expect(activation.raw).toBe(record);
    expect(activation.result).toBe(record.response.result);
  });

  it('keeps a __proto__ key as a key', () => {
    const record = JSON.parse('{"activationId":"x","__proto__":{"polluted":true},"logs":["a"]}') as object;
    const raw = normaliseActivation(record)!.raw as Record<string, unknown>;
    expect(JSON.stringify(raw)).toBe(JSON.stringify(record));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
