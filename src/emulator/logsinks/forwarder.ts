// The runtime's side of log forwarding (log-forwarding.md §3): each output line of a function
// with LOG_DESTINATIONS becomes the destination's line object, batched every 100 ms and at the
// end of the activation, and handed to the emulated destination at flush time.
import type { ForwardedDatadogLine, ForwardedLogtailLine } from '../../api/types.js';
import type { ActivationPlan, PlannedLog } from '../plan.js';
import type { Scheduler } from '../scheduler.js';
import type { Destination } from '../world.js';

const FLUSH_EVERY_MS = 100;

export interface ForwardingSinks {
  papertrail(lines: ForwardedLogtailLine[], receivedAt: number): void;
  datadog(lines: ForwardedDatadogLine[]): void;
  logtail(lines: ForwardedLogtailLine[]): void;
}

export class LogForwarder {
  constructor(
    private readonly namespace: string,
    private readonly scheduler: Scheduler,
    private readonly sinks: ForwardingSinks,
  ) {}

  /** Schedules the deliveries of a plan's forwarded lines; `start` is the activation's start (epoch ms). */
  forward(plan: ActivationPlan, start: number): void {
    const forwarded = plan.forwarded;
    if (!forwarded || forwarded.logs.length === 0) return;
    const path = `/${this.namespace}/${plan.action.key}`;
    for (const [flushOffset, batch] of batches(forwarded.logs, plan.spanMs)) {
      const at = start + flushOffset;
      this.scheduler.at(at, () => this.deliver(forwarded.destination, batch, start, path, plan.activationId, at));
    }
  }

  private deliver(
    destination: Destination,
    batch: PlannedLog[],
    start: number,
    path: string,
    id: string,
    at: number,
  ): void {
    if (destination === 'datadog') {
      this.sinks.datadog(batch.map((line) => datadogLine(line, start, path, id)));
      return;
    }
    const lines = batch.map((line) => logtailLine(line, start, path, id));
    if (destination === 'papertrail') this.sinks.papertrail(lines, at);
    else this.sinks.logtail(lines);
  }
}

/** Lines grouped by the flush that sends them: every 100 ms from the start, the last one at the end. */
function batches(logs: PlannedLog[], spanMs: number): Map<number, PlannedLog[]> {
  const byFlush = new Map<number, PlannedLog[]>();
  for (const line of logs) {
    const flush = Math.min(spanMs, (Math.floor(line.offsetMs / FLUSH_EVERY_MS) + 1) * FLUSH_EVERY_MS);
    byFlush.set(flush, [...(byFlush.get(flush) ?? []), line]);
  }
  return byFlush;
}

/** `2006-01-02 15:04:05.000000000 UTC`: the millisecond time plus the line's sub-millisecond digits. */
function runtimeDt(epochMs: number, line: PlannedLog): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${line.nanos} UTC`;
}

function logtailLine(line: PlannedLog, start: number, path: string, activationId: string): ForwardedLogtailLine {
  return { message: line.message, dt: runtimeDt(start + line.offsetMs, line), host: path, appname: path, activationId };
}

function datadogLine(line: PlannedLog, start: number, path: string, activationId: string): ForwardedDatadogLine {
  const added = {
    date: start + line.offsetMs,
    ddsource: path,
    service: path,
    ddtags: `host:${path},activationid:${activationId}`,
  };
  // A line that is a JSON object is sent as that object, with the runtime's fields added (§3.2).
  const own = jsonObject(line.message);
  return own ? { ...own, ...added } : { message: line.message, ...added };
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
