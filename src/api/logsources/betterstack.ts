// Better Stack (Logtail) Query API v2 live tail (log-forwarding.md §7.2): GET
// /api/v2/query/live-tail with a Bearer Telemetry API token and numeric source ids. Each poll asks
// for [previous end − overlap, now], oldest first, and follows `pagination.next` unchanged until
// it is absent (the cursor is only valid for the same parameters).
import type { BetterstackLiveTailResponse, BetterstackRow } from '../types.js';
import { apiError } from '../errors.js';
import { withQuery } from '../http.js';
import { parseBody } from '../validate.js';
import {
  RecentKeys,
  SourceTransport,
  contentKey,
  parseServiceTime,
  stringField,
  wellFormedActivationId,
  type LogSourceClientOptions,
  type SourceLine,
  type SourcePoll,
} from './common.js';
import * as shape from './shapes.js';

export const BETTERSTACK_API_URL = 'https://telemetry.betterstack.com';
const LIVE_TAIL_PATH = '/api/v2/query/live-tail';
/** The largest batch the API allows. */
const BATCH = 1000;
const MAX_PAGES_PER_POLL = 5;
export const BETTERSTACK_OVERLAP_MS = 30_000;

export interface LiveTailQuery {
  sourceIds: readonly string[];
  query?: string;
  /** 50–1000. */
  batch?: number;
  /** Epoch ms (sent with second precision). */
  from: number;
  to: number;
  order?: 'newest_first' | 'oldest_first';
}

export class BetterstackClient {
  private readonly transport: SourceTransport;
  private readonly authorization: string;

  constructor(options: LogSourceClientOptions & { token: string }) {
    this.transport = new SourceTransport(
      BETTERSTACK_API_URL,
      'Better Stack Telemetry API token',
      [options.token],
      options,
      () => undefined,
    );
    this.authorization = `Bearer ${options.token}`;
  }

  get origin(): string {
    return this.transport.endpoint.origin;
  }

  liveTail(query: LiveTailQuery): Promise<BetterstackLiveTailResponse> {
    const params = {
      source_ids: query.sourceIds.join(','),
      query: query.query,
      batch: query.batch,
      from: betterstackTime(Math.floor(query.from / 1000) * 1000),
      to: betterstackTime(Math.ceil(query.to / 1000) * 1000),
      order: query.order,
    };
    return this.get(withQuery(LIVE_TAIL_PATH, params));
  }

  /** The next page, from `pagination.next` exactly as the server sent it (same host only: the token goes along). */
  async next(url: string): Promise<BetterstackLiveTailResponse> {
    const { origin, pathPrefix } = this.transport.endpoint;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || !parsed.pathname.startsWith(pathPrefix)) {
      const problem = `pagination.next does not point at ${origin}${pathPrefix}`;
      throw apiError(
        this.transport.errors,
        'bad-response',
        `unexpected response from ${origin} for the Better Stack live tail: ${problem}`,
      );
    }
    return this.get(parsed.pathname.slice(pathPrefix.length) + parsed.search);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async get(path: string): Promise<BetterstackLiveTailResponse> {
    const subject = 'the Better Stack live tail';
    const { body } = await this.transport.send(
      { method: 'GET', path, headers: { authorization: this.authorization } },
      subject,
    );
    return parseBody<BetterstackLiveTailResponse>(this.transport.errors, subject, body, shape.betterstackLiveTail);
  }
}

/** `2022-07-19T13:32:56+0000`, the form the API documents. */
export function betterstackTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+0000`;
}

/** A live-tail row as a runtime line; rows without an activation id come from other senders. */
export function betterstackLine(row: BetterstackRow): SourceLine | undefined {
  const activationId = wellFormedActivationId(row.activationId);
  if (!activationId || typeof row.message !== 'string') return undefined;
  const functionPath = stringField(row.appname) ?? stringField(row.host);
  // Rows have no id: the reference's dedupe key is (dt, activationId, message).
  const key = contentKey(row.dt, activationId, row.message);
  return {
    key,
    time: parseServiceTime(row.dt) ?? 0,
    activationId,
    message: row.message,
    ...(functionPath && { functionPath }),
  };
}

export interface BetterstackFollowOptions {
  sourceIds: readonly string[];
  query?: string;
  /** Epoch ms: where the first window starts. */
  since: number;
  overlapMs?: number;
  /** Rows per page (50–1000, default 1000). */
  batch?: number;
  now?: () => number;
}

export class BetterstackFollower {
  private readonly recent = new RecentKeys();
  private readonly now: () => number;
  private lastTo: number | undefined;
  /** The window being paged through, with the server's link to its next page. */
  private open: { to: number; next: string } | undefined;

  constructor(
    private readonly client: BetterstackClient,
    private readonly options: BetterstackFollowOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async poll(): Promise<SourcePoll> {
    const lines: SourceLine[] = [];
    const to = this.open?.to ?? this.now();
    let response = this.open ? await this.client.next(this.open.next) : await this.client.liveTail(this.firstPage(to));
    for (let page = 1; ; page++) {
      for (const row of response.data) {
        const line = betterstackLine(row);
        if (line && this.recent.add(line.key, line.time)) lines.push(line);
      }
      // An empty page with a next link would otherwise loop for ever.
      const next = response.data.length > 0 ? (response.pagination?.next ?? undefined) : undefined;
      this.open = next ? { to, next } : undefined;
      if (!next) this.lastTo = to;
      if (!next || page >= MAX_PAGES_PER_POLL) return { lines, more: next !== undefined };
      response = await this.client.next(next);
    }
  }

  private firstPage(to: number): LiveTailQuery {
    const overlap = this.options.overlapMs ?? BETTERSTACK_OVERLAP_MS;
    const from = this.lastTo === undefined ? this.options.since : this.lastTo - overlap;
    this.recent.forgetBefore(from);
    return {
      sourceIds: this.options.sourceIds,
      ...(this.options.query !== undefined && { query: this.options.query }),
      batch: this.options.batch ?? BATCH,
      from,
      to: Math.max(from, to),
      order: 'oldest_first',
    };
  }
}
