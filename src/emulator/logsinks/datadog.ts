// Emulated Datadog: logs as intake stores them (tags from ddtags/ddsource; a JSON line's fields
// become attributes), and POST /api/v2/logs/events/search (log-forwarding.md §6): both keys,
// date-math windows, a cursor that pages within the window it was made for, X-RateLimit-* headers.
import type { DatadogLog, DatadogSearchRequest, DatadogSearchResponse, ForwardedDatadogLine } from '../../api/types.js';
import { json, type Reply, type Request } from '../http.js';
import { containsText, matchesValue, parseQuery, type QueryTerm } from './query.js';
import type { RateWindow } from './rate-window.js';

const PAGE_DEFAULT = 10;
const PAGE_MAX = 1000;
const MAX_LOGS = 200_000;
const RUNTIME_FIELDS = new Set(['message', 'date', 'ddsource', 'service', 'ddtags']);

interface StoredLog {
  seq: number;
  timestamp: number;
  wire: DatadogLog;
}

/** The position after the last log of a page, inside the window the first page fixed. */
interface Cursor {
  from: number;
  to: number;
  query: string;
  ascending: boolean;
  after: [number, number];
}

export class DatadogSink {
  /** Ascending by (timestamp, seq). */
  private readonly logs: StoredLog[] = [];
  private seq = 0;

  constructor(
    readonly apiKey: string,
    readonly appKey: string,
    private readonly limiter: RateWindow,
    private readonly now: () => number,
  ) {}

  ingest(lines: ForwardedDatadogLine[]): void {
    for (const line of lines) {
      const seq = ++this.seq;
      const log: StoredLog = { seq, timestamp: line.date, wire: toWire(line, seq) };
      let index = this.logs.length;
      while (index > 0 && this.logs[index - 1]!.timestamp > log.timestamp) index -= 1;
      this.logs.splice(index, 0, log);
    }
    if (this.logs.length > MAX_LOGS) this.logs.splice(0, this.logs.length - MAX_LOGS);
  }

  async handle(request: Request): Promise<Reply> {
    const known = request.segments.slice(1).join('/') === 'api/v2/logs/events/search';
    if (!known) return json(404, { errors: ['Not found'] });
    if (request.method !== 'POST') return json(405, { errors: ['Method Not Allowed'] });
    if (request.headers['dd-api-key'] !== this.apiKey || request.headers['dd-application-key'] !== this.appKey) {
      return json(403, { errors: ['Forbidden'] });
    }
    const decision = this.limiter.take();
    const headers = {
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-period': String(decision.periodS),
      'x-ratelimit-remaining': String(Math.max(0, decision.remaining)),
      'x-ratelimit-reset': String(decision.resetInS),
      'x-ratelimit-name': 'logs_list',
    };
    if (!decision.allowed) return json(429, { errors: ['Too many requests'] }, headers);
    const body = await request.readBody(1_000_000);
    const search = this.readSearch(body.text);
    if (typeof search === 'string') return json(400, { errors: [search] }, headers);
    return json(200, this.page(search.cursor, search.limit, request), headers);
  }

  private page(cursor: Cursor, limit: number, request: Request): DatadogSearchResponse {
    const terms = parseQuery(cursor.query);
    const inWindow = this.logs.filter(
      (log) =>
        log.timestamp >= cursor.from && log.timestamp <= cursor.to && terms.every((term) => matches(log.wire, term)),
    );
    const ordered = cursor.ascending ? inWindow : inWindow.toReversed();
    const [afterTime, afterSeq] = cursor.after;
    const rest = ordered.filter((log) => {
      const order = cursor.ascending ? 1 : -1;
      return (
        (log.timestamp - afterTime) * order > 0 || (log.timestamp === afterTime && (log.seq - afterSeq) * order > 0)
      );
    });
    const page = rest.slice(0, limit);
    const last = page.at(-1);
    const after = rest.length > limit && last ? encode({ ...cursor, after: [last.timestamp, last.seq] }) : undefined;
    const base = `http://${request.headers.host ?? 'localhost'}/${request.segments[0]}/api/v2/logs/events`;
    return {
      data: page.map((log) => log.wire),
      ...(after && { links: { next: `${base}?page[cursor]=${encodeURIComponent(after)}&page[limit]=${limit}` } }),
      meta: {
        elapsed: 3,
        ...(after && { page: { after } }),
        request_id: `emulator-${this.seq}`,
        status: 'done',
        warnings: [],
      },
    };
  }

  /** The request's window and page size, or the 400 message. A cursor keeps the window it was made for. */
  private readSearch(text: string): { cursor: Cursor; limit: number } | string {
    let body: DatadogSearchRequest;
    try {
      body = JSON.parse(text || '{}') as DatadogSearchRequest;
    } catch {
      return 'Invalid JSON body';
    }
    const limit = body.page?.limit ?? PAGE_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX)
      return `page[limit] must be between 1 and ${PAGE_MAX}`;
    if (body.page?.cursor !== undefined) {
      const cursor = decode(body.page.cursor);
      return cursor ? { cursor, limit } : 'Invalid cursor';
    }
    const now = this.now();
    const from = dateMath(body.filter?.from ?? 'now-15m', now);
    const to = dateMath(body.filter?.to ?? 'now', now);
    if (from === undefined || to === undefined) return 'Invalid filter[from] or filter[to]';
    const sort = body.sort ?? '-timestamp';
    if (sort !== 'timestamp' && sort !== '-timestamp') return `Invalid sort '${String(sort)}'`;
    const ascending = sort === 'timestamp';
    const start: [number, number] = ascending ? [-Infinity, 0] : [Infinity, 0];
    return { cursor: { from, to, query: body.filter?.query ?? '*', ascending, after: start }, limit };
  }
}

function toWire(line: ForwardedDatadogLine, seq: number): DatadogLog {
  const tags = [...line.ddtags.split(','), `source:${line.ddsource}`];
  const own = Object.fromEntries(Object.entries(line).filter(([key]) => !RUNTIME_FIELDS.has(key)));
  return {
    id: `AQAAAY${Buffer.from(`log-${seq}`).toString('base64url')}`,
    type: 'log',
    attributes: {
      timestamp: new Date(line.date).toISOString(),
      ...(typeof line.message === 'string' && { message: line.message }),
      service: line.service,
      status: 'info',
      tags,
      attributes: own,
    },
  };
}

function matches(log: DatadogLog, term: QueryTerm): boolean {
  const { attributes } = log;
  if (term.field === undefined)
    return term.value === '*' || containsText(attributes.message ?? JSON.stringify(attributes.attributes), term);
  if (term.field === 'service') return matchesValue(attributes.service ?? '', term);
  const prefix = `${term.field}:`;
  return (attributes.tags ?? []).some((tag) => tag.startsWith(prefix) && matchesValue(tag.slice(prefix.length), term));
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `now`, `now-15m`, epoch ms, or ISO 8601. */
function dateMath(text: string, now: number): number | undefined {
  const math = /^now(?:-(\d+)([smhd]))?$/.exec(text.trim());
  if (math) return now - (math[1] ? Number(math[1]) * UNIT_MS[math[2]!]! : 0);
  if (/^\d+$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decode(text: string): Cursor | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    return Array.isArray(cursor.after) && typeof cursor.from === 'number' ? cursor : undefined;
  } catch {
    return undefined;
  }
}
