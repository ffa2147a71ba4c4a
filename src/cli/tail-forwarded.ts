// `tail --logs` with forwarded logs: an activation whose function forwards its output waits
// (bounded) for its lines before it is printed; lines with no activation record, and lines that
// come after their activation was printed, are printed as entries of their own. Source problems
// go to stderr once per change and never stop the stream.
import { activationEndTime } from '../core/activation.js';
import type { ForwardedLogs } from '../core/forwarded.js';
import { functionOfPath, type ForwardedLine, type SourceHealth } from '../core/forwarded-types.js';
import type { Delivery } from '../core/tail.js';
import type { ForwardedEntry } from '../plain/forwarded.js';

/**
 * The longest an activation waits for its forwarded lines. It is normally printed sooner: as soon
 * as every destination its lines can be in has finished a poll that started after the activation
 * ended (the runtime flushes everything at the end), which takes at most one poll interval (3 s
 * for Papertrail and Better Stack, 15 s for Datadog). Failing destinations are not waited for.
 */
export const FORWARDED_HOLD_MS = 20_000;
/** The runtime's last flush, and the destination storing it, take a moment after the end. */
const FLUSH_MARGIN_MS = 1000;
const MAX_TRACKED = 100_000;

export interface PrinterOptions {
  forwarded: ForwardedLogs;
  /** Entries whose first line is older than this are history the run did not ask for. */
  printFrom: number;
  holdMs?: number;
  writeActivation(delivery: Delivery, lines: readonly ForwardedLine[]): void;
  writeEntry(entry: ForwardedEntry): void;
  /** A "what to configure" text, once per function. */
  hint(text: string): void;
}

interface Hold {
  delivery: Delivery;
  /** A poll that started after this has all the lines the activation flushed. */
  readyAfter: number;
  timer: NodeJS.Timeout;
}

export class ForwardedTailPrinter {
  private readonly holds: Hold[] = [];
  /** How many lines of each printed id are out, and whether it was printed with its record. */
  private readonly printed = new Map<string, { count: number; record: boolean }>();
  private readonly hinted = new Set<string>();
  private readonly unsubscribe: () => void;
  private drained: Array<() => void> = [];

  constructor(private readonly options: PrinterOptions) {
    this.unsubscribe = options.forwarded.subscribe((touched) => this.changed(touched));
  }

  /** An activation to print (in delivery order). */
  deliver(delivery: Delivery): void {
    const { forwarded } = this.options;
    const { activation } = delivery;
    const hint = forwarded.hintFor(activation);
    if (hint && !this.hinted.has(activation.fn)) {
      this.hinted.add(activation.fn);
      this.options.hint(hint);
    }
    if (!forwarded.polling || !forwarded.forwards(activation)) return this.print(delivery);
    const readyAfter = activationEndTime(activation) + FLUSH_MARGIN_MS;
    if (forwarded.polledSince(readyAfter, activation.fn)) return this.print(delivery);
    const timer = setTimeout(() => this.release(hold), this.options.holdMs ?? FORWARDED_HOLD_MS);
    const hold: Hold = { delivery, readyAfter, timer };
    this.holds.push(hold);
  }

  /** Prints every waiting activation now, with the lines that are there. */
  flush(): void {
    for (const hold of [...this.holds]) this.release(hold);
  }

  /** Resolves once no activation is waiting for its lines. */
  drain(): Promise<void> {
    if (this.holds.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  close(): void {
    this.unsubscribe();
    for (const hold of this.holds) clearTimeout(hold.timer);
    this.holds.length = 0;
  }

  private changed(touched: readonly string[]): void {
    const { forwarded } = this.options;
    for (const hold of [...this.holds]) {
      if (forwarded.polledSince(hold.readyAfter, hold.delivery.activation.fn)) this.release(hold);
    }
    for (const id of touched) {
      if (this.holds.some((hold) => hold.delivery.activation.id === id)) continue;
      const lines = forwarded.linesFor(id);
      const before = this.printed.get(id);
      if (before && lines.length > before.count) {
        this.entry(id, lines.slice(before.count), before.record, lines.length);
      } else if (!before && forwarded.isOrphan(id) && (lines[0]?.time ?? 0) >= this.options.printFrom) {
        this.entry(id, lines, false, lines.length);
      }
    }
  }

  private release(hold: Hold): void {
    const index = this.holds.indexOf(hold);
    if (index < 0) return;
    this.holds.splice(index, 1);
    clearTimeout(hold.timer);
    this.print(hold.delivery);
    if (this.holds.length === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  private print(delivery: Delivery): void {
    const lines = this.options.forwarded.linesFor(delivery.activation.id);
    this.track(delivery.activation.id, { count: lines.length, record: true });
    this.options.writeActivation(delivery, lines);
  }

  private entry(id: string, lines: readonly ForwardedLine[], record: boolean, total: number): void {
    this.track(id, { count: total, record });
    const path = lines.find((line) => line.functionPath)?.functionPath;
    const fn = functionOfPath(path);
    this.options.writeEntry({
      activationId: id,
      activationRecord: record,
      lines,
      ...(path !== undefined && { functionPath: path }),
      ...(fn !== undefined && { fn }),
    });
  }

  private track(id: string, state: { count: number; record: boolean }): void {
    this.printed.delete(id);
    this.printed.set(id, state);
    if (this.printed.size > MAX_TRACKED) this.printed.delete(this.printed.keys().next().value!);
  }
}

/** Reports each destination's trouble on stderr once per change, and its recovery. */
export function sourceHealthReporter(
  forwarded: ForwardedLogs,
  write: (line: string) => void,
  now: () => number = Date.now,
) {
  const reported = new Map<string, string>();
  return (): void => {
    for (const health of forwarded.sourcesHealth()) {
      const key = healthKey(health);
      const before = reported.get(health.source) ?? '';
      if (key === before) continue;
      reported.set(health.source, key);
      if (key)
        write(
          `${health.source}: ${health.lastError?.message ?? 'failed'} — retrying in ${secondsUntil(health.nextPollAt, now())}s`,
        );
      else if (before && health.state === 'live') write(`${health.source}: reading again`);
    }
  };
}

/** Non-empty while a destination is failing: changes when the failure does. */
function healthKey(health: SourceHealth): string {
  return health.state === 'backing-off' || health.state === 'error'
    ? `${health.state}:${health.lastError?.message}`
    : '';
}

function secondsUntil(at: number | undefined, now: number): number {
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}
