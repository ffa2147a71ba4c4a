// The three emulated log destinations behind one emulator port: /papertrail, /datadog and
// /betterstack each serve that service's read API below the prefix (so a client's base URL is
// e.g. http://127.0.0.1:PORT/papertrail). Read credentials come from the seed; status faults can
// be set per destination (a 429 carries that service's rate-limit headers).
import type { ForwardedLogtailLine } from '../../api/types.js';
import type { Scheduler } from '../scheduler.js';
import { FaultInjector } from '../faults.js';
import { json, type Reply, type Request } from '../http.js';
import { Random } from '../random.js';
import { BetterstackSink } from './betterstack.js';
import { DatadogSink } from './datadog.js';
import { LogForwarder } from './forwarder.js';
import { PapertrailSink } from './papertrail.js';
import { RateWindow, type RateBudget } from './rate-window.js';

export type LogSourceName = 'papertrail' | 'datadog' | 'betterstack';
const NAMES: readonly string[] = ['papertrail', 'datadog', 'betterstack'];

/** What a client needs to read each destination (the emulator's start-up line shows it). */
export interface LogSources {
  papertrail: { url: string; token: string };
  datadog: { url: string; apiKey: string; appKey: string };
  betterstack: { url: string; token: string; sourceIds: number[] };
}

/** One line as it reached a destination: the ground truth tests compare against. */
export interface DeliveredLine {
  destination: 'papertrail' | 'datadog' | 'logtail';
  activationId: string;
  functionPath: string;
  /** The function's text (for a JSON line sent to Datadog: the line itself). */
  message: string;
}

export interface LogSinkLimits {
  /** Default 25 requests per 5 s (a figure that circulates; unverified). */
  papertrail?: RateBudget;
  /** Default 300 requests per hour (Datadog's documented log-search limit). */
  datadog?: RateBudget;
}

export interface LogSinksOptions {
  seed: number;
  namespace: string;
  scheduler: Scheduler;
  now: () => number;
  limits?: LogSinkLimits;
}

export class LogSinks {
  readonly forwarder: LogForwarder;
  private readonly papertrail: PapertrailSink;
  private readonly datadog: DatadogSink;
  private readonly betterstack: BetterstackSink;
  private readonly faults = new Map<LogSourceName, FaultInjector>();
  private readonly deliveredListeners = new Set<(line: DeliveredLine) => void>();

  constructor(private readonly options: LogSinksOptions) {
    const random = new Random(options.seed, 'log-sinks');
    const { now, limits = {} } = options;
    this.papertrail = new PapertrailSink(
      random.hex(20),
      new RateWindow(limits.papertrail ?? { limit: 25, periodMs: 5000 }, now),
    );
    this.datadog = new DatadogSink(
      random.hex(32),
      random.hex(40),
      new RateWindow(limits.datadog ?? { limit: 300, periodMs: 3_600_000 }, now),
      now,
    );
    this.betterstack = new BetterstackSink(random.hex(24), random.int(100_000, 999_999), now);
    this.forwarder = new LogForwarder(options.namespace, options.scheduler, {
      papertrail: (lines, at) => {
        this.papertrail.ingest(lines, at);
        lines.forEach((line) => this.delivered({ destination: 'papertrail', ...pick(line) }));
      },
      datadog: (lines) => {
        this.datadog.ingest(lines);
        lines.forEach((line) => {
          const activationId = /activationid:([0-9a-f]+)/.exec(line.ddtags)?.[1] ?? '';
          const { message, date: _date, ddsource: _source, service: _service, ddtags: _tags, ...own } = line;
          const text = typeof message === 'string' ? message : JSON.stringify(own);
          this.delivered({ destination: 'datadog', activationId, functionPath: line.service, message: text });
        });
      },
      logtail: (lines) => {
        this.betterstack.ingest(lines);
        lines.forEach((line) => this.delivered({ destination: 'logtail', ...pick(line) }));
      },
    });
  }

  /** Called for every line as it reaches a destination. */
  onDelivered(listener: (line: DeliveredLine) => void): () => void {
    this.deliveredListeners.add(listener);
    return () => this.deliveredListeners.delete(listener);
  }

  /** True for a request below one of the destinations' prefixes. */
  serves(request: Pick<Request, 'segments'>): boolean {
    return NAMES.includes(request.segments[0] ?? '');
  }

  /** The same, from the raw request target (before it is decoded, which can fail). */
  servesUrl(url: string): boolean {
    return /^\/(?:papertrail|datadog|betterstack)(?:[/?]|$)/.test(url);
  }

  handle(request: Request): Reply | Promise<Reply> {
    const name = request.segments[0] as LogSourceName;
    const fault = this.faults.get(name)?.draw();
    if (fault?.kind === 'status') return faultReply(name, fault.status);
    if (name === 'papertrail') {
      const path = request.segments.slice(1).join('/');
      return path === 'api/v1/events/search.json'
        ? this.papertrail.handle(request)
        : json(404, { message: 'Not Found' });
    }
    return name === 'datadog' ? this.datadog.handle(request) : this.betterstack.handle(request);
  }

  /** Status faults for one destination, e.g. "429:1", "503:0.5" or "" to clear. Throws on other kinds. */
  setFaults(name: LogSourceName, spec: string): void {
    if (spec.split(',').some((item) => item.trim() !== '' && !/^\s*\d{3}\s*:/.test(item))) {
      throw new Error(`log destination faults take HTTP statuses only, e.g. 429:1 (got '${spec}')`);
    }
    this.faults.set(name, new FaultInjector(this.options.seed, spec));
  }

  private delivered(line: DeliveredLine): void {
    for (const listener of this.deliveredListeners) listener(line);
  }

  sources(base: string): LogSources {
    return {
      papertrail: { url: `${base}/papertrail`, token: this.papertrail.token },
      datadog: { url: `${base}/datadog`, apiKey: this.datadog.apiKey, appKey: this.datadog.appKey },
      betterstack: {
        url: `${base}/betterstack`,
        token: this.betterstack.token,
        sourceIds: [this.betterstack.sourceId],
      },
    };
  }
}

function pick(line: ForwardedLogtailLine): Omit<DeliveredLine, 'destination'> {
  return { activationId: line.activationId, functionPath: line.appname, message: line.message };
}

/** A forced failure in the destination's own error format. */
function faultReply(name: LogSourceName, status: number): Reply {
  if (name === 'papertrail') {
    const limit =
      status === 429
        ? { 'x-rate-limit-limit': '25', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '2' }
        : undefined;
    return json(status, { message: `Request failed (${status})` }, limit);
  }
  if (name === 'datadog') {
    const limit =
      status === 429
        ? {
            'x-ratelimit-limit': '300',
            'x-ratelimit-period': '3600',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': '2',
            'x-ratelimit-name': 'logs_list',
          }
        : undefined;
    return json(status, { errors: [`Request failed (${status})`] }, limit);
  }
  // Better Stack documents no rate-limit headers; a plain Retry-After is what a 429 can carry.
  return json(status, { errors: `Request failed (${status})` }, status === 429 ? { 'retry-after': '2' } : undefined);
}
