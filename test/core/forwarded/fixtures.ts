// Small builders for forwarded-log tests: lines, a scripted source and a hand-driven clock.
import type { Clock } from '../../../src/core/clock.js';
import type {
  ForwardedSource,
  ForwardedSourceName,
  IncomingLine,
  IncomingPoll,
} from '../../../src/core/forwarded-types.js';

export const NS = 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc';

export function activationId(n: number): string {
  return n.toString(16).padStart(32, '0');
}

let keys = 0;

export function line(id: string, message: string, time = 1_000, fn = 'api/webhook'): IncomingLine {
  keys += 1;
  return { key: `k${keys}`, time, activationId: id, functionPath: `/${NS}/${fn}`, message };
}

export class FakeClock implements Clock {
  constructor(public time = 1_000_000) {}
  now = (): number => this.time;
  sleep = (): Promise<void> => Promise.resolve();
}

/** A source whose polls return what the test queued (or throw it). */
export class ScriptedSource implements ForwardedSource {
  readonly queue: Array<IncomingPoll | Error> = [];
  polls = 0;

  constructor(
    readonly name: ForwardedSourceName = 'papertrail',
    readonly intervalMs = 3000,
  ) {}

  respond(...polls: Array<IncomingPoll | Error>): this {
    this.queue.push(...polls);
    return this;
  }

  async poll(): Promise<IncomingPoll> {
    this.polls += 1;
    const next = this.queue.shift() ?? { lines: [], more: false };
    if (next instanceof Error) throw next;
    return next;
  }
}

export function failure(kind: string, message: string, retryAfterMs?: number): Error {
  return Object.assign(new Error(message), { kind, ...(retryAfterMs !== undefined && { retryAfterMs }) });
}
