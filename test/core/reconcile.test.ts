import { describe, expect, it } from 'vitest';
import { Reconciler } from '../../src/core/reconcile.js';
import { SeenIndex } from '../../src/core/seen-index.js';
import type { RawRecord } from '../../src/core/source.js';
import { MemorySource, makeRecord } from './memory-source.js';

const OPTIONS = { docs: false, pageLimit: 200, leafSize: 32, listShare: 4, requestBudget: 1000, maxInFlight: 4 };

function setup() {
  const source = new MemorySource();
  source.now = 10_000_000;
  const seen = new SeenIndex();
  return { source, seen, reconciler: new Reconciler(source, seen, OPTIONS) };
}

function ids(records: RawRecord[]): string[] {
  return records.map((record) => record.activationId).sort();
}

describe('Reconciler', () => {
  it('returns a record whose start equals the lower bound', async () => {
    const { source, reconciler } = setup();
    const edge = makeRecord(1000, 5);
    source.addRecords(edge, makeRecord(999, 5));
    const result = await reconciler.run(1000);
    expect(ids(result.found)).toEqual([edge.activationId]);
  });

  it('asks one count and nothing else when nothing is new', async () => {
    const { source, seen, reconciler } = setup();
    const records = Array.from({ length: 50 }, (_, i) => makeRecord(1000 + i, 5));
    source.addRecords(...records);
    for (const record of records) seen.add(record.activationId, record.start);
    const result = await reconciler.run(0);
    expect(result.found).toEqual([]);
    expect(source.requests.map((request) => request.kind)).toEqual(['count']);
  });

  it('pages past the server limit when more than a page of records share one start time', async () => {
    const { source, reconciler } = setup();
    const same = Array.from({ length: 450 }, () => makeRecord(5000, 1));
    source.addRecords(...same, makeRecord(4000, 1), makeRecord(6000, 1));
    const result = await reconciler.run(0);
    expect(result.found).toHaveLength(452);
    expect(new Set(ids(result.found)).size).toBe(452);
  });

  it('takes a record only once when a page holds the same id twice', async () => {
    const { source, reconciler } = setup();
    const record = makeRecord(1000, 5);
    source.addRecords(record, { ...record }, makeRecord(1001, 5));
    const result = await reconciler.run(0);
    expect(result.found).toHaveLength(2);
  });

  it('fetches a burst larger than one page completely', async () => {
    const { source, reconciler } = setup();
    const burst = Array.from({ length: 1000 }, (_, i) => makeRecord(100_000 + (i % 700), 3));
    source.addRecords(...burst);
    const result = await reconciler.run(0);
    expect(result.found).toHaveLength(1000);
  });

  it('finds one late record deep in a large known window with few requests and few rows', async () => {
    const { source, seen, reconciler } = setup();
    const known = Array.from({ length: 20_000 }, (_, i) => makeRecord(1_000_000 + i * 10, 5));
    source.addRecords(...known);
    for (const record of known) seen.add(record.activationId, record.start);
    const late = makeRecord(1_050_005, 30_000);
    source.addRecords(late);

    const result = await reconciler.run(1_000_000);

    expect(ids(result.found)).toEqual([late.activationId]);
    expect(result.requests).toBeLessThan(40);
    const rowsListed = source.requests
      .filter((request) => request.kind === 'list')
      .reduce((sum, request) => sum + ('limit' in request.query ? request.query.limit : 0), 0);
    expect(rowsListed).toBeLessThan(300);
  });

  it('stops at the request budget and says the pass is incomplete, keeping what it found', async () => {
    const { source, seen } = setup();
    source.addRecords(...Array.from({ length: 1000 }, (_, i) => makeRecord(i * 10, 1)));
    const reconciler = new Reconciler(source, seen, { ...OPTIONS, requestBudget: 2 });
    const result = await reconciler.run(0);
    expect(result.incomplete).toBe(true);
    expect(result.found.length).toBeGreaterThan(0);
    expect(seen.size).toBe(result.found.length);
  });

  it('hands back what it found before a request failed, with the error', async () => {
    const { source, seen, reconciler } = setup();
    source.addRecords(...Array.from({ length: 500 }, (_, i) => makeRecord(i * 10, 1)));
    let calls = 0;
    const originalList = source.list.bind(source);
    source.list = async (query) => {
      calls += 1;
      if (calls === 2) throw new Error('connection reset');
      return originalList(query);
    };
    const result = await reconciler.run(0);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.found.length).toBe(200);
    expect(seen.size).toBe(200);
  });
});
