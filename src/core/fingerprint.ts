// Error fingerprints: failures grouped by their masked error message (error-pattern.ts), over the
// whole session. Only failures whose error text is known are grouped: docs=false summaries carry no
// message, so whoever feeds this must hand it the full records of failures.
// "New" means first seen since the last acknowledge(): nothing is acknowledged when a session starts,
// and the view acknowledges what it has shown, so a fingerprint that appears later stands out.
import { isFailure, type Activation } from './activation.js';
import { errorPattern } from './error-pattern.js';
import { sanitize } from './sanitize.js';
import { truncateToWidth } from './text-width.js';

const DEFAULT_CAPACITY = 1000;
/** Ids of failures already counted, so a record delivered twice counts once. Oldest forgotten first. */
const COUNTED_IDS_CAPACITY = 100_000;
const EXAMPLE_MAX_COLUMNS = 500;

export interface ErrorFingerprint {
  /** The masked message, e.g. `user <n> not found` (sanitised). */
  pattern: string;
  count: number;
  /** Start time of the earliest and of the latest failure (epoch ms). */
  firstSeen: number;
  lastSeen: number;
  /** Function names (`pkg/fn`, unsanitised) that failed this way, sorted. */
  functions: string[];
  /** The latest failure: jump to it, fetch it. */
  newestId: string;
  /** The latest failure's own message, sanitised and cut to 500 columns. */
  example: string;
  /** First seen since the last acknowledge(). */
  isNew: boolean;
}

interface Group {
  pattern: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  functions: Set<string>;
  newestId: string;
  example: string;
}

export class FingerprintIndex {
  private readonly groups = new Map<string, Group>();
  private readonly counted = new Set<string>();
  private readonly acknowledged = new Set<string>();
  private currentVersion = 0;
  private listCache: { version: number; list: ErrorFingerprint[] } | undefined;

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {}

  get version(): number {
    return this.currentVersion;
  }

  /** How many fingerprints are new (for a badge). */
  get newCount(): number {
    let count = 0;
    for (const pattern of this.groups.keys()) if (!this.acknowledged.has(pattern)) count += 1;
    return count;
  }

  /** Counts failures with an error message; anything else, or an id already counted, is ignored. */
  add(activations: readonly Activation[]): void {
    for (const activation of activations) {
      if (!isFailure(activation) || activation.error === undefined || this.counted.has(activation.id)) continue;
      this.rememberCounted(activation.id);
      this.count(activation, activation.error);
      this.currentVersion += 1;
    }
    this.evictOverCapacity();
  }

  /** Latest failure first; the same array until something changes. */
  list(): readonly ErrorFingerprint[] {
    if (this.listCache?.version !== this.currentVersion) {
      const list = [...this.groups.values()].map((group) => this.toFingerprint(group));
      list.sort((a, b) => b.lastSeen - a.lastSeen);
      this.listCache = { version: this.currentVersion, list };
    }
    return this.listCache.list;
  }

  /** Marks every current fingerprint as seen: from now on only newer ones are new. */
  acknowledge(): void {
    for (const pattern of this.groups.keys()) this.acknowledged.add(pattern);
    this.currentVersion += 1;
  }

  private count(activation: Activation, message: string): void {
    const pattern = errorPattern(message);
    const group = this.groups.get(pattern);
    if (!group) {
      this.groups.set(pattern, {
        pattern,
        count: 1,
        firstSeen: activation.start,
        lastSeen: activation.start,
        functions: new Set([activation.fn]),
        newestId: activation.id,
        example: exampleText(message),
      });
      return;
    }
    group.count += 1;
    group.functions.add(activation.fn);
    group.firstSeen = Math.min(group.firstSeen, activation.start);
    // Late arrivals are counted but do not replace a newer example.
    if (activation.start >= group.lastSeen) {
      group.lastSeen = activation.start;
      group.newestId = activation.id;
      group.example = exampleText(message);
    }
  }

  private rememberCounted(id: string): void {
    this.counted.add(id);
    if (this.counted.size > COUNTED_IDS_CAPACITY) this.counted.delete(this.counted.values().next().value!);
  }

  /** Over capacity, the fingerprints seen longest ago go (rare: it takes a thousand distinct errors). */
  private evictOverCapacity(): void {
    if (this.groups.size <= this.capacity) return;
    const byAge = [...this.groups.values()].sort((a, b) => a.lastSeen - b.lastSeen);
    for (const group of byAge.slice(0, this.groups.size - this.capacity)) {
      this.groups.delete(group.pattern);
      this.acknowledged.delete(group.pattern);
    }
  }

  private toFingerprint(group: Group): ErrorFingerprint {
    return {
      pattern: group.pattern,
      count: group.count,
      firstSeen: group.firstSeen,
      lastSeen: group.lastSeen,
      functions: [...group.functions].sort(),
      newestId: group.newestId,
      example: group.example,
      isNew: !this.acknowledged.has(group.pattern),
    };
  }
}

function exampleText(message: string): string {
  return truncateToWidth(sanitize(message.slice(0, EXAMPLE_MAX_COLUMNS * 4)), EXAMPLE_MAX_COLUMNS);
}
