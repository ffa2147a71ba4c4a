// The selected activation as fully as it can be known: the store's copy, its full record (fetched
// once when the stream only holds a summary; the service caches it in the store) and its logs.
// Fetches wait until the selection has rested a moment, so holding j does not fire a request per
// row. A failed fetch is retried when it is RETRY_AFTER_MS old and the activation is still shown.
import { useEffect, useState } from 'react';
import type { Activation } from '../../core/activation.js';
import type { MonitorService } from '../../core/monitor.js';
import type { RecordState } from '../view/detail-lines.js';

export const FETCH_DELAY_MS = 120;
const RETRY_AFTER_MS = 10_000;
const CACHE_LIMIT = 200;

export type LogsState =
  { kind: 'ready'; lines: readonly string[] } | { kind: 'loading' } | { kind: 'failed'; message: string };

export interface ActivationDetail {
  activation: Activation;
  record: RecordState;
  logs: LogsState;
}

type Fetched<T> = { ok: true; value: T } | { ok: false; message: string; at: number };

class FetchCache<T> {
  private readonly entries = new Map<string, Fetched<T>>();

  /** A success, or a failure young enough not to retry yet. */
  get(id: string, now: number): Fetched<T> | undefined {
    const entry = this.entries.get(id);
    return entry && (entry.ok || now - entry.at < RETRY_AFTER_MS) ? entry : undefined;
  }

  async fill(id: string, request: Promise<T>): Promise<void> {
    let entry: Fetched<T>;
    try {
      entry = { ok: true, value: await request };
    } catch (error) {
      entry = { ok: false, message: error instanceof Error ? error.message : String(error), at: Date.now() };
    }
    this.entries.delete(id);
    this.entries.set(id, entry);
    // Oldest first in a Map: drop from the front to stay bounded.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= CACHE_LIMIT) break;
      this.entries.delete(key);
    }
  }
}

export function useActivationDetail(
  service: MonitorService,
  selected: Activation | undefined,
  now: number,
): ActivationDetail | undefined {
  // Caches that live as long as the monitor; mutated by fetches, read while rendering.
  const [records] = useState(() => new FetchCache<Activation>());
  const [logs] = useState(() => new FetchCache<string[]>());
  const [, setSettled] = useState(0);

  const known = selected ? fullest(service, selected, records, now) : undefined;
  const record = known ? records.get(known.id, now) : undefined;
  const fetchedLogs = known ? logs.get(known.id, now) : undefined;
  const needsRecord = known !== undefined && !known.full && record === undefined;
  // Logs come with the full record; ask for them alone when the record has none or cannot be had.
  const needsLogs =
    known !== undefined &&
    known.logs === undefined &&
    fetchedLogs === undefined &&
    (known.full || record?.ok === false);
  const id = known?.id;

  useEffect(() => {
    if (id === undefined || (!needsRecord && !needsLogs)) return;
    let cancelled = false;
    const settle = () => {
      if (!cancelled) setSettled((n) => n + 1);
    };
    const timer = setTimeout(() => {
      if (needsRecord) void records.fill(id, service.fetchFull(id)).then(settle);
      if (needsLogs) void logs.fill(id, service.fetchLogs(id)).then(settle);
    }, FETCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [service, records, logs, id, needsRecord, needsLogs]);

  if (!known) return undefined;
  return { activation: known, record: recordState(known, record), logs: logsState(known, fetchedLogs) };
}

/** The fullest copy: the store's (the service upgrades it), else one we fetched, else the list's. */
function fullest(
  service: MonitorService,
  selected: Activation,
  records: FetchCache<Activation>,
  now: number,
): Activation {
  const stored = service.store.get(selected.id);
  if (stored?.full) return stored;
  const fetched = records.get(selected.id, now);
  if (fetched?.ok) return fetched.value;
  return stored ?? selected;
}

function recordState(activation: Activation, fetched: Fetched<Activation> | undefined): RecordState {
  if (activation.full) return { kind: 'full' };
  if (fetched && !fetched.ok) return { kind: 'failed', message: fetched.message };
  return { kind: 'loading' };
}

function logsState(activation: Activation, fetched: Fetched<string[]> | undefined): LogsState {
  if (activation.logs !== undefined) return { kind: 'ready', lines: activation.logs };
  if (fetched?.ok) return { kind: 'ready', lines: fetched.value };
  if (fetched) return { kind: 'failed', message: fetched.message };
  return { kind: 'loading' };
}
