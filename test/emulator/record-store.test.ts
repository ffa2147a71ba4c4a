// The record store on its own: retention, bounds, start order and loaded (pinned) records.
import { describe, expect, it } from 'vitest';
import type { WireActivation } from '../../src/api/types.js';
import { RecordStore } from '../../src/emulator/record-store.js';
import { record } from './helpers.js';

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;

function store(maxRecords = 1000) {
  return new RecordStore({ maxRecords, retentionMs: 72 * HOUR, now: () => NOW });
}

const activation = (start: number, fn = 'sample/hello') => record(start, fn) as unknown as WireActivation;
const all = { skip: 0, limit: 200 };

describe('RecordStore', () => {
  it('forgets generated records that started more than 72 hours ago', () => {
    const records = store();
    const old = activation(NOW - 73 * HOUR);
    records.add(old);
    records.add(activation(NOW - HOUR));
    expect(records.list(all).map((r) => r.start)).toEqual([NOW - HOUR]);
    expect(records.get(old.activationId)).toBeUndefined();
  });

  it('keeps loaded records however old they are', () => {
    const records = store();
    records.addLoaded(record(1_500_000_000_000));
    expect(records.count(all)).toBe(1);
  });

  it('drops the oldest generated records beyond maxRecords', () => {
    const records = store(3);
    for (let i = 0; i < 5; i++) records.add(activation(NOW - 5000 + i));
    expect(records.list(all).map((r) => r.start)).toEqual([NOW - 4996, NOW - 4997, NOW - 4998]);
  });

  it('files a record that finishes late under its (earlier) start', () => {
    const records = store();
    records.add(activation(NOW - 100));
    records.add(activation(NOW - 300));
    records.add(activation(NOW - 200, 'billing/charge'));
    expect(records.list(all).map((r) => r.start)).toEqual([NOW - 100, NOW - 200, NOW - 300]);
  });

  it('merges generated and loaded records into one newest-first list', () => {
    const records = store();
    records.add(activation(NOW - 10));
    records.addLoaded(record(NOW - 20));
    records.add(activation(NOW - 30));
    expect(records.list(all).map((r) => r.start)).toEqual([NOW - 10, NOW - 20, NOW - 30]);
  });

  it('subtracts skip from count, as upstream passes skip to its count query', () => {
    const records = store();
    for (let i = 0; i < 5; i++) records.add(activation(NOW - i));
    expect(records.count({ skip: 2, limit: 30 })).toBe(3);
  });
});
