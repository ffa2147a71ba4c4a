// Forwarded lines joined to activations by activationId. Lines of an id the activation stream
// has not delivered wait `orphanAfterMs` (the record may still come: it appears only when the
// activation ends); after that they are an orphan entry ("no activation record") until the
// stream delivers the id, if ever. Bounded: the oldest activations' lines go first.
import {
  functionOfPath,
  type ForwardedLine,
  type ForwardedSourceName,
  type IncomingLine,
  type OrphanEntry,
} from './forwarded-types.js';

export const DEFAULT_ORPHAN_AFTER_MS = 15_000;
const DEFAULT_MAX_LINES = 100_000;
const MAX_KNOWN_IDS = 200_000;
const MAX_KEYS_PER_SOURCE = 200_000;
const NO_LINES: readonly ForwardedLine[] = Object.freeze([]);
/** DO caps a record's logs at 256 KB; one forwarded line longer than this is cut (memory stays bounded). */
export const MAX_MESSAGE_CHARS = 16_384;

export interface ForwardedIndexOptions {
  orphanAfterMs?: number;
  /** Lines kept in all (oldest activations dropped first). */
  maxLines?: number;
}

interface Group {
  activationId: string;
  functionPath?: string;
  /** Oldest first. */
  lines: ForwardedLine[];
  lastArrivalAt: number;
  orphan: boolean;
}

/** An insertion-ordered set that forgets its oldest members beyond `capacity`. */
class BoundedSet {
  private readonly members = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(value: string): boolean {
    return this.members.has(value);
  }

  add(value: string): boolean {
    if (this.members.has(value)) return false;
    this.members.add(value);
    if (this.members.size > this.capacity) this.members.delete(this.members.values().next().value!);
    return true;
  }
}

export class ForwardedIndex {
  private readonly groups = new Map<string, Group>();
  private readonly known = new BoundedSet(MAX_KNOWN_IDS);
  private readonly seenKeys = new Map<ForwardedSourceName, BoundedSet>();
  private readonly orphanAfterMs: number;
  private readonly maxLines: number;
  private totalLines = 0;
  private orphanList: OrphanEntry[] | undefined;

  constructor(options: ForwardedIndexOptions = {}) {
    this.orphanAfterMs = options.orphanAfterMs ?? DEFAULT_ORPHAN_AFTER_MS;
    this.maxLines = Math.max(1, options.maxLines ?? DEFAULT_MAX_LINES);
  }

  /** Adds a source's lines (duplicates dropped); returns the ids that got new lines. */
  add(source: ForwardedSourceName, lines: readonly IncomingLine[], now: number): string[] {
    const touched = new Set<string>();
    const keys = this.keysOf(source);
    for (const line of lines) {
      if (!keys.add(line.key)) continue;
      const group = this.groupFor(line, now);
      // Copy on write: a caller holding linesFor()'s array sees it unchanged (React snapshots).
      if (!touched.has(line.activationId)) group.lines = [...group.lines];
      insertByTime(group.lines, {
        source,
        time: line.time,
        message:
          line.message.length > MAX_MESSAGE_CHARS ? `${line.message.slice(0, MAX_MESSAGE_CHARS)}…` : line.message,
        activationId: line.activationId,
        ...(line.functionPath !== undefined && { functionPath: line.functionPath }),
      });
      group.lastArrivalAt = now;
      this.totalLines += 1;
      touched.add(line.activationId);
    }
    if (touched.size > 0) {
      this.evictOverCapacity();
      if ([...touched].some((id) => this.groups.get(id)?.orphan)) this.orphanList = undefined;
    }
    return [...touched];
  }

  /** The stream delivered these ids: their lines belong to a record. Returns the orphans adopted. */
  markKnown(ids: readonly string[]): string[] {
    const adopted: string[] = [];
    for (const id of ids) {
      this.known.add(id);
      const group = this.groups.get(id);
      if (group?.orphan) {
        group.orphan = false;
        adopted.push(id);
      }
    }
    if (adopted.length > 0) this.orphanList = undefined;
    return adopted;
  }

  /** Groups unknown to the stream for longer than orphanAfterMs become orphans; returns their ids. */
  promote(now: number): string[] {
    const promoted: string[] = [];
    for (const group of this.groups.values()) {
      if (group.orphan || this.known.has(group.activationId)) continue;
      if (now - group.lastArrivalAt < this.orphanAfterMs) continue;
      group.orphan = true;
      promoted.push(group.activationId);
    }
    if (promoted.length > 0) this.orphanList = undefined;
    return promoted;
  }

  /** Oldest first; a new array whenever lines are added for the id, else the same one. */
  linesFor(activationId: string): readonly ForwardedLine[] {
    return this.groups.get(activationId)?.lines ?? NO_LINES;
  }

  isOrphan(activationId: string): boolean {
    return this.groups.get(activationId)?.orphan ?? false;
  }

  /** Oldest first; the same array until the orphans change. */
  orphans(): readonly OrphanEntry[] {
    this.orphanList ??= [...this.groups.values()]
      .filter((group) => group.orphan && group.lines.length > 0)
      .map(toOrphanEntry)
      .sort((a, b) => a.time - b.time);
    return this.orphanList;
  }

  private keysOf(source: ForwardedSourceName): BoundedSet {
    let keys = this.seenKeys.get(source);
    if (!keys) this.seenKeys.set(source, (keys = new BoundedSet(MAX_KEYS_PER_SOURCE)));
    return keys;
  }

  private groupFor(line: IncomingLine, now: number): Group {
    let group = this.groups.get(line.activationId);
    if (!group) {
      group = { activationId: line.activationId, lines: [], lastArrivalAt: now, orphan: false };
      this.groups.set(line.activationId, group);
    }
    group.functionPath ??= line.functionPath;
    return group;
  }

  /** Drops the groups that arrived first; a group that is alone loses its oldest lines instead. */
  private evictOverCapacity(): void {
    while (this.totalLines > this.maxLines) {
      const [id, oldest] = this.groups.entries().next().value!;
      if (this.groups.size === 1) {
        oldest.lines = oldest.lines.slice(this.totalLines - this.maxLines);
        this.totalLines = this.maxLines;
        return;
      }
      this.groups.delete(id);
      this.totalLines -= oldest.lines.length;
      if (oldest.orphan) this.orphanList = undefined;
    }
  }
}

function toOrphanEntry(group: Group): OrphanEntry {
  const fn = functionOfPath(group.functionPath);
  return {
    activationId: group.activationId,
    time: group.lines[0]!.time,
    lines: group.lines,
    ...(group.functionPath !== undefined && { functionPath: group.functionPath }),
    ...(fn !== undefined && { fn }),
  };
}

/** Lines mostly arrive in order: search back from the end. */
function insertByTime(lines: ForwardedLine[], line: ForwardedLine): void {
  let index = lines.length;
  while (index > 0 && lines[index - 1]!.time > line.time) index -= 1;
  lines.splice(index, 0, line);
}
