// Bounded, id-indexed, start-ordered store of activations, with a version counter so views can
// cache what they derive from it. Live data lives here, outside React; the TUI subscribes.
import { isFailure, type Activation } from './activation.js';

export const DEFAULT_STORE_CAPACITY = 50_000;

type Listener = () => void;

export class ActivationStore {
  /** Ascending by start; ties keep arrival order. */
  private readonly ordered: Activation[] = [];
  private readonly byId = new Map<string, Activation>();
  private readonly listeners = new Set<Listener>();
  private newestFirstCache: { version: number; list: readonly Activation[] } | undefined;
  private currentVersion = 0;
  private evictedCount = 0;
  private failureCount = 0;

  constructor(readonly capacity: number = DEFAULT_STORE_CAPACITY) {}

  get version(): number {
    return this.currentVersion;
  }

  get size(): number {
    return this.ordered.length;
  }

  /** How many of the held activations failed (anything but success); kept as they come and go. */
  get failures(): number {
    return this.failureCount;
  }

  /** How many activations were dropped to stay within capacity. */
  get evicted(): number {
    return this.evictedCount;
  }

  get(id: string): Activation | undefined {
    return this.byId.get(id);
  }

  /** Adds new activations; a known id is replaced only by a fuller record. */
  add(activations: readonly Activation[]): void {
    // New ids are merged in one pass: inserting them one by one is O(n) each, which made a
    // history of 100,000 (pages arrive newest first, so every insert lands at the front) take seconds.
    const fresh: Activation[] = [];
    let changed = false;
    for (const activation of activations) {
      const existing = this.byId.get(activation.id);
      if (!existing) fresh.push(activation);
      else if (existing.full || !activation.full) continue;
      else {
        // A fuller record of one held already, or of one earlier in this same batch.
        const pending = fresh.indexOf(existing);
        if (pending >= 0) fresh[pending] = activation;
        else {
          this.ordered[this.indexOf(existing)] = activation;
          this.failureCount += Number(isFailure(activation)) - Number(isFailure(existing));
        }
      }
      this.byId.set(activation.id, activation);
      changed = true;
    }
    if (!changed) return;
    this.insertAll(fresh);
    this.evictOverCapacity();
    this.changed();
  }

  /** Newest start first; the same array until the store changes. */
  newestFirst(): readonly Activation[] {
    if (this.newestFirstCache?.version !== this.currentVersion) {
      this.newestFirstCache = { version: this.currentVersion, list: this.ordered.toReversed() };
    }
    return this.newestFirstCache.list;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Inserts new activations in start order (after equal starts already held; ties keep arrival order). */
  private insertAll(fresh: Activation[]): void {
    if (fresh.length === 0) return;
    for (const activation of fresh) if (isFailure(activation)) this.failureCount += 1;
    fresh.sort((a, b) => a.start - b.start); // stable
    const held = this.ordered;
    const from = this.insertionPoint(fresh[0]!.start);
    const to = this.insertionPoint(fresh[fresh.length - 1]!.start);
    // Held activations from `to` on start after every fresh one: one native move makes room.
    // (Moving them one by one, reading each one's start, was a quarter of ingesting a history.)
    insertBlock(held, to, fresh);
    // Then the fresh ones and the held ones they overlap (from … to) merge from the back, in place.
    let i = to - 1;
    let j = fresh.length - 1;
    for (let k = to + fresh.length - 1; j >= 0; k--) {
      held[k] = i >= from && held[i]!.start > fresh[j]!.start ? held[i--]! : fresh[j--]!;
    }
  }

  private evictOverCapacity(): void {
    const excess = this.ordered.length - this.capacity;
    if (excess <= 0) return;
    for (const dropped of this.ordered.splice(0, excess)) {
      this.byId.delete(dropped.id);
      if (isFailure(dropped)) this.failureCount -= 1;
    }
    this.evictedCount += excess;
  }

  private changed(): void {
    this.currentVersion += 1;
    for (const listener of this.listeners) listener();
  }

  /** First index whose start is greater than `start` (after equal starts). */
  private insertionPoint(start: number): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ordered[mid]!.start <= start) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private indexOf(activation: Activation): number {
    let index = this.insertionPoint(activation.start) - 1;
    while (index >= 0 && this.ordered[index] !== activation) index -= 1;
    return index;
  }
}

/** A spread of very many arguments overflows the stack: splice them in in chunks. */
const SPLICE_CHUNK = 10_000;

/** `items` inserted into `array` at `index`, in order. */
function insertBlock<T>(array: T[], index: number, items: readonly T[]): void {
  for (let at = 0; at < items.length; at += SPLICE_CHUNK) {
    array.splice(index + at, 0, ...items.slice(at, at + SPLICE_CHUNK));
  }
}
