// An in-memory ActivationSource with the list/count semantics of the real API (newest start
// first, since/upto inclusive on start, limit/skip, records visible only once ended), so the
// engine's algorithm can be stepped through exact edge cases without timers.
import type { ActivationSource, ListQuery, RangeQuery, RawRecord } from '../../src/core/source.js';

export interface StoredRecord extends RawRecord {
  end: number;
}

let nextId = 0;

export function makeRecord(start: number, durationMs: number, name = 'hello'): StoredRecord {
  nextId += 1;
  const activationId = nextId.toString(16).padStart(32, '0');
  return {
    activationId,
    start,
    end: start + durationMs,
    duration: durationMs,
    name,
    namespace: 'fn-test',
    version: '0.0.1',
    publish: false,
    statusCode: 0,
    annotations: [{ key: 'path', value: `fn-test/${name}` }],
  };
}

export class MemorySource implements ActivationSource {
  private records: StoredRecord[] = [];
  now = 0;
  failure: Error | undefined;
  requests: Array<{ kind: 'count' | 'list'; query: RangeQuery | ListQuery }> = [];
  /** Set by a test to give the engine a window to learn (the real source lists the functions). */
  maxTimeoutMs?: () => Promise<number | undefined>;

  addRecords(...records: StoredRecord[]): void {
    this.records.push(...records);
    // Stable: equal starts keep insertion order, like a database index with a tiebreaker.
    this.records.sort((a, b) => b.start - a.start);
  }

  async count(query: RangeQuery): Promise<number> {
    this.requests.push({ kind: 'count', query });
    if (this.failure) throw this.failure;
    return this.matching(query).length;
  }

  async list(query: ListQuery): Promise<RawRecord[]> {
    this.requests.push({ kind: 'list', query });
    if (this.failure) throw this.failure;
    const skip = query.skip ?? 0;
    return this.matching(query).slice(skip, skip + query.limit);
  }

  private matching(query: RangeQuery): StoredRecord[] {
    return this.records.filter(
      (record) =>
        record.end <= this.now &&
        (query.since === undefined || record.start >= query.since) &&
        (query.upto === undefined || record.start <= query.upto),
    );
  }
}

export function manualClock(source: MemorySource) {
  return {
    now: () => source.now,
    sleep: async () => {},
  };
}
