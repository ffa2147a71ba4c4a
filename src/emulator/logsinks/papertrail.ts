// Emulated Papertrail: events as the HTTPS destination stores them (one event per runtime batch,
// lines joined by newlines), and the classic search API (log-forwarding.md §5) with its min_id /
// max_id cursor semantics, X-Papertrail-Token auth and X-Rate-Limit-* headers.
import type { ForwardedLogtailLine, PapertrailEvent, PapertrailSearchResponse } from '../../api/types.js';
import { json, type Reply, type Request } from '../http.js';
import { containsText, parseQuery } from './query.js';
import type { RateWindow } from './rate-window.js';

/** Ids are 64-bit, well past 2^53 like the real ones: clients must keep them as strings. */
const FIRST_ID = 7_711_561_783_320_576_000n;
const LIMIT_DEFAULT = 1000;
const LIMIT_MAX = 10_000;
const MAX_EVENTS = 200_000;
/** The API token owner's time zone shows in received_at: UTC-7 here, so clients must honour offsets. */
const OWNER_OFFSET_MS = -7 * 3_600_000;

interface StoredEvent {
  id: bigint;
  receivedAt: number;
  message: string;
}

export class PapertrailSink {
  private readonly events: StoredEvent[] = [];
  private nextId = FIRST_ID;

  constructor(
    readonly token: string,
    private readonly limiter: RateWindow,
  ) {}

  /** One POST from the runtime: its lines become one event. */
  ingest(lines: ForwardedLogtailLine[], receivedAt: number): void {
    this.events.push({ id: this.nextId, receivedAt, message: lines.map((line) => JSON.stringify(line)).join('\n') });
    this.nextId += BigInt(1 + (lines.length % 3));
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS);
  }

  handle(request: Request): Reply {
    if (request.method !== 'GET') return json(405, { message: 'Method not allowed' });
    if (request.headers['x-papertrail-token'] !== this.token) {
      return { status: 401, body: 'HTTP Token: Access denied.\n', headers: { 'content-type': 'text/plain' } };
    }
    const decision = this.limiter.take();
    const headers = {
      'x-rate-limit-limit': String(decision.limit),
      'x-rate-limit-remaining': String(decision.remaining),
      'x-rate-limit-reset': String(decision.resetInS),
    };
    if (!decision.allowed) return json(429, { message: 'Rate limit exceeded' }, headers);
    const search = readSearch(request.query);
    if (typeof search === 'string') return json(400, { message: search }, headers);
    return json(200, this.search(search), headers);
  }

  private search(search: Search): PapertrailSearchResponse {
    const terms = parseQuery(search.q);
    const candidates = this.events.filter(
      (event) =>
        (search.minId === undefined || event.id > search.minId) &&
        (search.maxId === undefined || event.id <= search.maxId) &&
        (search.minTime === undefined || event.receivedAt >= search.minTime) &&
        (search.maxTime === undefined || event.receivedAt <= search.maxTime),
    );
    const matched = candidates.filter((event) => terms.every((term) => containsText(event.message, term)));
    const cut = matched.length > search.limit;
    const returned = search.tail ? matched.slice(-search.limit) : matched.slice(0, search.limit);
    // The ids examined: everything in range, unless a completeness-first search stopped at its limit.
    const lastExamined = cut && !search.tail ? returned.at(-1)?.id : candidates.at(-1)?.id;
    const sent = (search.minId ?? 0n).toString();
    return {
      events: returned.map(toWire),
      min_id: (search.tail ? returned[0]?.id : candidates[0]?.id)?.toString() ?? sent,
      max_id: lastExamined?.toString() ?? sent,
      ...(returned[0] && { min_time_at: ownerTime(returned[0].receivedAt) }),
      ...(returned.at(-1) && { max_time_at: ownerTime(returned.at(-1)!.receivedAt) }),
      reached_beginning: !cut || !search.tail,
      reached_end: !cut || search.tail,
      reached_record_limit: cut,
      reached_time_limit: false,
    };
  }
}

interface Search {
  q?: string;
  minId?: bigint;
  maxId?: bigint;
  /** Epoch ms (sent as seconds). */
  minTime?: number;
  maxTime?: number;
  limit: number;
  tail: boolean;
}

/** The query parameters, or the 400 message. */
function readSearch(query: URLSearchParams): Search | string {
  const digits = (name: string): string | undefined | false => {
    const value = query.get(name);
    return value === null ? undefined : /^\d+$/.test(value) ? value : false;
  };
  const minId = digits('min_id');
  const maxId = digits('max_id');
  const minTime = digits('min_time');
  const maxTime = digits('max_time');
  const limit = digits('limit');
  if ([minId, maxId, minTime, maxTime, limit].includes(false))
    return 'Invalid parameters: ids, times and limit must be integers';
  const size = limit ? Number(limit) : LIMIT_DEFAULT;
  if (size < 1 || size > LIMIT_MAX) return `limit must be between 1 and ${LIMIT_MAX}`;
  const tailText = query.get('tail');
  // tail defaults to true when min_id is given without max_id/max_time (§5).
  const tail =
    tailText === null ? minId !== undefined && maxId === undefined && maxTime === undefined : tailText === 'true';
  return {
    ...(query.get('q') && { q: query.get('q')! }),
    ...(minId && { minId: BigInt(minId) }),
    ...(maxId && { maxId: BigInt(maxId) }),
    ...(minTime && { minTime: Number(minTime) * 1000 }),
    ...(maxTime && { maxTime: Number(maxTime) * 1000 }),
    limit: size,
    tail,
  };
}

function toWire(event: StoredEvent): PapertrailEvent {
  return {
    id: event.id.toString(),
    received_at: ownerTime(event.receivedAt),
    generated_at: ownerTime(event.receivedAt),
    display_received_at: displayTime(event.receivedAt),
    source_name: 'digitalocean-functions',
    source_id: 1,
    source_ip: '127.0.0.1',
    hostname: 'digitalocean-functions',
    program: null,
    severity: 'Info',
    facility: 'User',
    message: event.message,
  };
}

/** ISO 8601 in the token owner's zone, e.g. 2026-09-21T14:05:02-07:00. */
function ownerTime(epochMs: number): string {
  return `${new Date(epochMs + OWNER_OFFSET_MS).toISOString().slice(0, 19)}-07:00`;
}

function displayTime(epochMs: number): string {
  const local = new Date(epochMs + OWNER_OFFSET_MS);
  const month = local.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${month} ${String(local.getUTCDate()).padStart(2, ' ')} ${local.toISOString().slice(11, 19)}`;
}
