// Datadog's Logs Search API v2 (log-forwarding.md §6): POST /api/v2/logs/events/search with
// DD-API-KEY and DD-APPLICATION-KEY. Its cursor pages within one fixed window only, so following
// is windowed: each poll asks for [previous end − overlap, now] and drops the ids already passed on.
import type { DatadogLog, DatadogSearchRequest, DatadogSearchResponse } from '../types.js';
import { parseBody } from '../validate.js';
import {
  RecentKeys,
  SourceTransport,
  readRateLimitHeaders,
  stringField,
  wellFormedActivationId,
  type LogSourceClientOptions,
  type SourceLine,
  type SourcePoll,
  type SourceRateLimit,
} from './common.js';
import * as shape from './shapes.js';

export const DATADOG_DEFAULT_SITE = 'datadoghq.com';
const SEARCH_PATH = '/api/v2/logs/events/search';
/** The OpenAPI maximum. */
const PAGE_LIMIT = 1000;
const MAX_PAGES_PER_POLL = 3;
/** Lines are indexed a little after their timestamp: each window re-reads this much of the last one. */
export const DATADOG_OVERLAP_MS = 60_000;

/** `datadoghq.eu` (or `us5.datadoghq.com`, or a full intake/API host) -> the API base URL. */
export function datadogApiUrl(site: string): string {
  const host = site
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  return `https://api.${host.replace(/^(?:api|http-intake\.logs)\./, '')}`;
}

export interface DatadogPage {
  response: DatadogSearchResponse;
  rateLimit?: SourceRateLimit;
}

export class DatadogClient {
  private readonly transport: SourceTransport;
  private readonly headers: Record<string, string>;

  constructor(options: LogSourceClientOptions & { apiKey: string; appKey: string; site?: string }) {
    const secrets = [options.apiKey, options.appKey];
    const defaultUrl = datadogApiUrl(options.site ?? DATADOG_DEFAULT_SITE);
    this.transport = new SourceTransport(
      defaultUrl,
      'Datadog API key and application key',
      secrets,
      options,
      (headers, now) => readRateLimitHeaders(headers, 'x-ratelimit', now),
    );
    this.headers = {
      'dd-api-key': options.apiKey,
      'dd-application-key': options.appKey,
      'content-type': 'application/json',
    };
  }

  get origin(): string {
    return this.transport.endpoint.origin;
  }

  async search(request: DatadogSearchRequest): Promise<DatadogPage> {
    const subject = 'the Datadog log search';
    const { body, rateLimit } = await this.transport.send(
      { method: 'POST', path: SEARCH_PATH, headers: this.headers, body: JSON.stringify(request) },
      subject,
    );
    const response = parseBody<DatadogSearchResponse>(this.transport.errors, subject, body, shape.datadogSearch);
    return { response, ...(rateLimit && { rateLimit }) };
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** A Datadog log as a runtime line: the activation from the `activationid:` tag, the path from `service`. */
export function datadogLine(log: DatadogLog): SourceLine | undefined {
  const { attributes } = log;
  const tags = attributes.tags ?? [];
  const activationId = wellFormedActivationId(tagValue(tags, 'activationid'));
  if (!activationId) return undefined;
  const functionPath = stringField(attributes.service) ?? tagValue(tags, 'source');
  // A JSON line has no message: the user's fields are the line.
  const message =
    typeof attributes.message === 'string' ? attributes.message : JSON.stringify(attributes.attributes ?? {});
  const time = Date.parse(attributes.timestamp ?? '');
  return {
    key: log.id,
    time: Number.isNaN(time) ? 0 : time,
    activationId,
    message,
    ...(functionPath && { functionPath }),
  };
}

function tagValue(tags: readonly unknown[], name: string): string | undefined {
  const prefix = `${name}:`;
  const tag = tags.find((candidate) => typeof candidate === 'string' && candidate.startsWith(prefix));
  return typeof tag === 'string' ? stringField(tag.slice(prefix.length)) : undefined;
}

// Characters Datadog's search syntax wants escaped inside a value (exact rules: UNVERIFIED, §6).
const SPECIAL = /[+\-=&|><!(){}[\]^"~*?:\\/\s]/g;

/** `service:` query matching every function of `namespace` (`/fn-…/…`). */
export function datadogNamespaceQuery(namespace: string): string {
  return `service:${`/${namespace}/`.replace(SPECIAL, (char) => `\\${char}`)}*`;
}

export interface DatadogFollowOptions {
  query: string;
  /** Epoch ms: where the first window starts. */
  since: number;
  overlapMs?: number;
  /** Lines per page (default and maximum 1000). */
  pageLimit?: number;
  now?: () => number;
}

/** Windowed polling: [previous end − overlap, now], sorted by time, paging only while pages come back full. */
export class DatadogFollower {
  private readonly recent = new RecentKeys();
  private readonly now: () => number;
  private readonly pageLimit: number;
  private lastTo: number | undefined;
  /** A window whose pages were not all read yet, with the cursor to the next one. */
  private open: { from: number; to: number; cursor: string } | undefined;

  constructor(
    private readonly client: DatadogClient,
    private readonly options: DatadogFollowOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.pageLimit = Math.min(options.pageLimit ?? PAGE_LIMIT, PAGE_LIMIT);
  }

  async poll(): Promise<SourcePoll> {
    const window = this.open ?? this.nextWindow();
    let cursor = this.open?.cursor;
    this.recent.forgetBefore(window.from);
    const lines: SourceLine[] = [];
    let rateLimit: SourceRateLimit | undefined;
    for (let page = 1; ; page++) {
      const result = await this.client.search(this.request(window, cursor));
      rateLimit = result.rateLimit ?? rateLimit;
      const { data, meta } = result.response;
      for (const log of data) {
        const line = datadogLine(log);
        if (line && this.recent.add(line.key, line.time)) lines.push(line);
      }
      // Each page costs a request from a small budget: only a full page can have a next one.
      cursor = data.length >= this.pageLimit ? meta?.page?.after : undefined;
      this.open = cursor === undefined ? undefined : { ...window, cursor };
      if (cursor === undefined) this.lastTo = window.to;
      if (cursor === undefined || page >= MAX_PAGES_PER_POLL) {
        return { lines, more: cursor !== undefined, ...(rateLimit && { rateLimit }) };
      }
    }
  }

  private nextWindow(): { from: number; to: number } {
    const overlap = this.options.overlapMs ?? DATADOG_OVERLAP_MS;
    const from = this.lastTo === undefined ? this.options.since : this.lastTo - overlap;
    return { from, to: Math.max(from, this.now()) };
  }

  private request(window: { from: number; to: number }, cursor: string | undefined): DatadogSearchRequest {
    return {
      filter: {
        query: this.options.query,
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
        indexes: ['*'],
        storage_tier: 'indexes',
      },
      sort: 'timestamp',
      page: { limit: this.pageLimit, ...(cursor !== undefined && { cursor }) },
      options: { timezone: 'GMT' },
    };
  }
}
