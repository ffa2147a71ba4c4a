// Every parameter set fnmon sent to a function, newest first, in the XDG state dir
// (<state>/fnmon/invoke-history.json, mode 0600). Bounded per function and in total.
// A convenience, never a reason to fail: a corrupt or unreadable file is reported once through
// `warn` and replaced by a fresh one; write failures are reported once and otherwise ignored.
// Only parameters are kept (the person's own data), never credentials or hosts.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HistoryEntry, Params } from '../core/invoke-params.js';
import { sameJson } from '../core/invoke-params.js';
import { fnmonStateDir } from './paths.js';

export const HISTORY_FILE_NAME = 'invoke-history.json';
export const DEFAULT_PER_FUNCTION = 20;
export const DEFAULT_TOTAL = 500;
/** Larger parameter sets are sent but not remembered, so the file stays small. */
export const MAX_ENTRY_BYTES = 64 * 1024;
const FORMAT_VERSION = 1;

export interface InvokeHistoryOptions {
  file: string;
  warn: (message: string) => void;
  perFunction?: number;
  total?: number;
  now?: () => number;
}

interface StoredEntry extends HistoryEntry {
  fn: string;
}

export function defaultHistoryFile(env: NodeJS.ProcessEnv): string {
  return join(fnmonStateDir(env), HISTORY_FILE_NAME);
}

export class InvokeHistory {
  readonly file: string;
  private readonly warn: (message: string) => void;
  private readonly perFunction: number;
  private readonly total: number;
  private readonly now: () => number;
  private readonly warned = new Set<string>();
  /** Records run one after another, so two sends in a row never lose each other's entry. */
  private writes: Promise<void> = Promise.resolve();

  constructor(options: InvokeHistoryOptions) {
    this.file = options.file;
    this.warn = options.warn;
    this.perFunction = options.perFunction ?? DEFAULT_PER_FUNCTION;
    this.total = options.total ?? DEFAULT_TOTAL;
    this.now = options.now ?? Date.now;
  }

  /** What was sent to `fn`, newest first. */
  async entries(fn: string): Promise<HistoryEntry[]> {
    await this.writes;
    return (await this.load()).filter((entry) => entry.fn === fn).map(({ params, sentAt }) => ({ params, sentAt }));
  }

  /** Remembers `params` as the newest set sent to `fn`; an identical older set moves to the top. */
  record(fn: string, params: Params): Promise<void> {
    this.writes = this.writes.then(() => this.write(fn, params));
    return this.writes;
  }

  private async write(fn: string, params: Params): Promise<void> {
    if (Buffer.byteLength(JSON.stringify(params)) > MAX_ENTRY_BYTES) {
      this.warnOnce('size', `parameter sets over ${MAX_ENTRY_BYTES / 1024} KB are not kept in the invoke history`);
      return;
    }
    const older = (await this.load()).filter((entry) => !(entry.fn === fn && sameJson(entry.params, params)));
    const entries = this.bounded([{ fn, params, sentAt: this.now() }, ...older]);
    try {
      await this.save(entries);
    } catch (error) {
      this.warnOnce('write', `could not save the invoke history to ${this.file}: ${describe(error)}`);
    }
  }

  private bounded(entries: StoredEntry[]): StoredEntry[] {
    const perFunction = new Map<string, number>();
    const kept = entries.filter((entry) => {
      const count = (perFunction.get(entry.fn) ?? 0) + 1;
      perFunction.set(entry.fn, count);
      return count <= this.perFunction;
    });
    return kept.slice(0, this.total);
  }

  private async load(): Promise<StoredEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      // Missing (or under a path that is not a directory) simply means nothing was sent yet.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.warnOnce('read', `could not read the invoke history ${this.file}: ${describe(error)}`);
      }
      return [];
    }
    const entries = parseHistory(text);
    if (!entries) {
      this.warnOnce('corrupt', `the invoke history ${this.file} is damaged; starting a new one`);
      return [];
    }
    return entries;
  }

  /** Written to a private temporary file, then renamed: the history is never half-written. */
  private async save(entries: StoredEntry[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ version: FORMAT_VERSION, entries })}\n`, { mode: 0o600 });
    // The mode option only applies when the file is created; a leftover temporary file keeps its own.
    await chmod(temporary, 0o600);
    await rename(temporary, this.file);
  }

  private warnOnce(kind: string, message: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.warn(message);
  }
}

/** The stored entries, or undefined when the file is not a history fnmon wrote. */
function parseHistory(text: string): StoredEntry[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.version !== FORMAT_VERSION || !Array.isArray(value.entries)) return undefined;
  const entries = value.entries as unknown[];
  return entries.every(isStoredEntry) ? entries : undefined;
}

function isStoredEntry(value: unknown): value is StoredEntry {
  return isRecord(value) && typeof value.fn === 'string' && isRecord(value.params) && typeof value.sentAt === 'number';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
