// Visible activation records, kept sorted by `start` so list queries are binary searches, not scans.
// Generated records are bounded (maxRecords) and expire after the retention window; loaded records
// (the `load` option) are pinned: they are the caller's fixtures and are never dropped.
import type { WireActivation } from '../api/types.js';

export interface StoredRecord {
  /** activationId when it is a string (loaded records may lack one). */
  id: string | undefined;
  start: number;
  /** "pkg/fn" or "fn" from the `path` annotation: what `name=` matches. */
  fnKey: string;
  /** The record as GET and docs=true lists serve it (loaded records exactly as given). */
  body: Record<string, unknown>;
}

export interface RecordQuery {
  since?: number;
  upto?: number;
  name?: string;
  skip: number;
  limit: number;
}

/** Records in start order; drops from the front cheaply by advancing a head index. */
class SortedByStart {
  private items: (StoredRecord | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  /** Index of the first record with start >= t (or > t when `after`). Indices are absolute. */
  bound(t: number, after: boolean): number {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.items[mid]!.start;
      if (start < t || (after && start === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(index: number): StoredRecord {
    return this.items[index]!;
  }

  insert(record: StoredRecord): void {
    // Records mostly arrive in start order, so this is usually an append.
    const index = this.bound(record.start, true);
    if (index === this.items.length) this.items.push(record);
    else this.items.splice(index, 0, record);
  }

  oldest(): StoredRecord | undefined {
    return this.items[this.head];
  }

  dropOldest(): StoredRecord | undefined {
    const record = this.items[this.head];
    this.items[this.head] = undefined;
    this.head++;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return record;
  }

  all(): StoredRecord[] {
    return this.items.slice(this.head) as StoredRecord[];
  }
}

function annotationValue(body: Record<string, unknown>, key: string): unknown {
  const annotations = body.annotations;
  if (!Array.isArray(annotations)) return undefined;
  const found: unknown = annotations.find((a: unknown) => (a as { key?: unknown } | null)?.key === key);
  return (found as { value?: unknown } | undefined)?.value;
}

/** "pkg/fn" or "fn": the path annotation minus the namespace, else the record's name. */
export function functionKey(body: Record<string, unknown>): string {
  const path = annotationValue(body, 'path');
  if (typeof path === 'string') {
    const parts = path.split('/');
    if (parts.length >= 2) return parts.slice(1).join('/');
  }
  return typeof body.name === 'string' ? body.name : '';
}

export interface RecordStoreOptions {
  maxRecords: number;
  retentionMs: number;
  now: () => number;
}

export class RecordStore {
  private readonly live = new SortedByStart();
  private readonly pinned = new SortedByStart();
  private readonly liveById = new Map<string, StoredRecord>();
  private readonly pinnedById = new Map<string, StoredRecord>();

  constructor(private readonly options: RecordStoreOptions) {}

  /** Adds a record supplied by the caller, served exactly as given. */
  addLoaded(body: Record<string, unknown>): void {
    const record = toStored(body);
    this.pinned.insert(record);
    if (record.id !== undefined) this.pinnedById.set(record.id, record);
  }

  add(activation: WireActivation): void {
    const record = toStored(activation as unknown as Record<string, unknown>);
    this.live.insert(record);
    if (record.id !== undefined) this.liveById.set(record.id, record);
    this.prune();
  }

  get(id: string): StoredRecord | undefined {
    const live = this.liveById.get(id);
    if (live && live.start >= this.cutoff()) return live;
    return this.pinnedById.get(id);
  }

  /** Newest start first, skip then limit (reference §2.1). */
  list(query: RecordQuery): StoredRecord[] {
    const rows: StoredRecord[] = [];
    let toSkip = query.skip;
    for (const record of this.newestFirst(query)) {
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      rows.push(record);
      if (rows.length >= query.limit) break;
    }
    return rows;
  }

  /** Matching records minus `skip` (upstream passes skip to the count query too). */
  count(query: RecordQuery): number {
    let total = 0;
    if (query.name === undefined) {
      for (const [sorted, since] of this.ranges(query)) {
        total += Math.max(0, sorted.bound(query.upto ?? Infinity, true) - sorted.bound(since, false));
      }
    } else {
      for (const _record of this.newestFirst(query)) total++;
    }
    return Math.max(0, total - query.skip);
  }

  /** Every retained generated record (loaded ones excluded), oldest start first. */
  liveRecords(): WireActivation[] {
    const cutoff = this.cutoff();
    return this.live
      .all()
      .filter((record) => record.start >= cutoff)
      .map((record) => record.body as unknown as WireActivation);
  }

  private cutoff(): number {
    return this.options.now() - this.options.retentionMs;
  }

  /** Each list with its effective lower bound: generated records also end at the retention cutoff. */
  private ranges(query: RecordQuery): [[SortedByStart, number], [SortedByStart, number]] {
    const since = query.since ?? -Infinity;
    return [
      [this.live, Math.max(since, this.cutoff())],
      [this.pinned, since],
    ];
  }

  /** Merges the live and pinned ranges, newest start first. */
  private *newestFirst(query: RecordQuery): Generator<StoredRecord> {
    const upto = query.upto ?? Infinity;
    const [[live, liveSince], [pinned, pinnedSince]] = this.ranges(query);
    const liveLow = live.bound(liveSince, false);
    const pinnedLow = pinned.bound(pinnedSince, false);
    let i = live.bound(upto, true) - 1;
    let j = pinned.bound(upto, true) - 1;
    while (i >= liveLow || j >= pinnedLow) {
      const takeLive = j < pinnedLow || (i >= liveLow && live.at(i).start >= pinned.at(j).start);
      const record = takeLive ? live.at(i--) : pinned.at(j--);
      if (query.name === undefined || record.fnKey === query.name) yield record;
    }
  }

  private prune(): void {
    const cutoff = this.cutoff();
    for (;;) {
      const oldest = this.live.oldest();
      if (!oldest || (oldest.start >= cutoff && this.live.size <= this.options.maxRecords)) return;
      this.live.dropOldest();
      if (oldest.id !== undefined && this.liveById.get(oldest.id) === oldest) this.liveById.delete(oldest.id);
    }
  }
}

function toStored(body: Record<string, unknown>): StoredRecord {
  return {
    id: typeof body.activationId === 'string' ? body.activationId : undefined,
    start: typeof body.start === 'number' && Number.isFinite(body.start) ? body.start : 0,
    fnKey: functionKey(body),
    body,
  };
}
