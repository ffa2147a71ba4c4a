// Papertrail's classic search API (log-forwarding.md §5): GET /api/v1/events/search.json with the
// X-Papertrail-Token header, followed forward with the `min_id` cursor. One Papertrail event can
// hold several newline-joined runtime lines; each becomes its own SourceLine.
import type { PapertrailEvent, PapertrailSearchResponse } from '../types.js';
import { withQuery } from '../http.js';
import { parseBody } from '../validate.js';
import {
  RecentKeys,
  SourceTransport,
  parseJsonObject,
  parseServiceTime,
  readRateLimitHeaders,
  stringField,
  wellFormedActivationId,
  type LogSourceClientOptions,
  type SourceLine,
  type SourcePoll,
  type SourceRateLimit,
} from './common.js';
import * as shape from './shapes.js';

export const PAPERTRAIL_API_URL = 'https://papertrailapp.com';
const SEARCH_PATH = '/api/v1/events/search.json';
/** The reference's recommendation; the server allows up to 10,000. */
const PAGE_LIMIT = 1000;
const MAX_PAGES_PER_POLL = 5;

export interface PapertrailSearch {
  q?: string;
  /** Exclusive lower bound on event ids. */
  minId?: string;
  maxId?: string;
  /** Epoch seconds. */
  minTime?: number;
  maxTime?: number;
  limit?: number;
  /** false favours completeness over recency. */
  tail?: boolean;
}

export interface PapertrailPage {
  response: PapertrailSearchResponse;
  rateLimit?: SourceRateLimit;
}

export class PapertrailClient {
  private readonly transport: SourceTransport;
  private readonly token: string;

  constructor(options: LogSourceClientOptions & { token: string }) {
    this.token = options.token;
    this.transport = new SourceTransport(
      PAPERTRAIL_API_URL,
      'Papertrail API token',
      [options.token],
      options,
      (headers, now) => readRateLimitHeaders(headers, 'x-rate-limit', now),
    );
  }

  get origin(): string {
    return this.transport.endpoint.origin;
  }

  async search(search: PapertrailSearch): Promise<PapertrailPage> {
    const query = {
      q: search.q,
      min_id: search.minId,
      max_id: search.maxId,
      min_time: search.minTime,
      max_time: search.maxTime,
      limit: search.limit,
      tail: search.tail,
    };
    const subject = 'the Papertrail event search';
    const { body, rateLimit } = await this.transport.send(
      { method: 'GET', path: withQuery(SEARCH_PATH, query), headers: { 'x-papertrail-token': this.token } },
      subject,
    );
    const response = parseBody<PapertrailSearchResponse>(
      this.transport.errors,
      subject,
      quoteBareIds(body),
      shape.papertrailSearch,
    );
    return { response, ...(rateLimit && { rateLimit }) };
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** Ids are 64-bit: bare numbers would lose precision in JSON.parse, so they are quoted first. */
export function quoteBareIds(body: string): string {
  return body.replace(/"(id|min_id|max_id)"(\s*):(\s*)(\d+)/g, '"$1"$2:$3"$4"');
}

/** The runtime lines inside one event; parts that are not runtime lines (other senders) are skipped. */
export function papertrailLines(event: PapertrailEvent): SourceLine[] {
  const receivedAt = parseServiceTime(event.received_at);
  return event.message.split('\n').flatMap((part, index) => {
    const fields = parseJsonObject(part.trim());
    const activationId = wellFormedActivationId(fields?.activationId);
    if (!fields || !activationId || typeof fields.message !== 'string') return [];
    const functionPath = stringField(fields.appname) ?? stringField(fields.host);
    const time = parseServiceTime(fields.dt) ?? receivedAt ?? 0;
    return [
      {
        key: `${event.id}/${index}`,
        time,
        activationId,
        message: fields.message,
        ...(functionPath && { functionPath }),
      },
    ];
  });
}

export interface PapertrailFollowOptions {
  /** Papertrail search syntax; the namespace name keeps other senders out. */
  query?: string;
  /** Epoch ms: where the first poll starts. */
  since: number;
  /** Events per request (default 1000). */
  pageLimit?: number;
}

/** Polls forward from `since`: min_time first, then min_id = the last max_id, paging while a limit cut the answer short. */
export class PapertrailFollower {
  private minId: string | undefined;
  private readonly recent = new RecentKeys();

  constructor(
    private readonly client: PapertrailClient,
    private readonly options: PapertrailFollowOptions,
  ) {}

  async poll(): Promise<SourcePoll> {
    const lines: SourceLine[] = [];
    let rateLimit: SourceRateLimit | undefined;
    for (let page = 1; ; page++) {
      const sent = this.minId;
      const result = await this.client.search({
        q: this.options.query,
        limit: this.options.pageLimit ?? PAGE_LIMIT,
        // tail=false: completeness over recency, so a busy minute is paged through, not skipped.
        tail: false,
        ...(sent === undefined ? { minTime: Math.floor(this.options.since / 1000) } : { minId: sent }),
      });
      rateLimit = result.rateLimit ?? rateLimit;
      for (const event of result.response.events) {
        lines.push(...papertrailLines(event).filter((line) => this.recent.add(line.key, line.time)));
      }
      // The server may echo the id it was sent: no progress, so no reason to ask again now.
      const progressed = isLaterId(result.response.max_id, sent);
      if (progressed) this.minId = result.response.max_id;
      const cut = result.response.reached_record_limit === true || result.response.reached_time_limit === true;
      const more = cut && progressed;
      if (!more || page >= MAX_PAGES_PER_POLL) return { lines, more, ...(rateLimit && { rateLimit }) };
    }
  }
}

function isLaterId(candidate: string | undefined, than: string | undefined): boolean {
  if (candidate === undefined || !/^\d+$/.test(candidate)) return false;
  if (than === undefined) return BigInt(candidate) > 0n;
  return /^\d+$/.test(than) ? BigInt(candidate) > BigInt(than) : candidate !== than;
}
