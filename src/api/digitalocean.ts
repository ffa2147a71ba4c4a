// DigitalOcean API v2 client for Functions (reference §7): namespaces (which carry the OpenWhisk
// api_host and uuid:key) and triggers. Bearer token; honours the ratelimit-* headers.

import type { FunctionsNamespace, FunctionsTrigger } from './types.js';
import { apiError, errorFromStatus, type ErrorContext } from './errors.js';
import { HttpTransport, parseEndpoint, type TimeoutOptions } from './http.js';
import { rateLimitWaitMs, readRateLimit, type RateLimit } from './ratelimit.js';
import { retryPolicy, withRetries, type RetryPolicy } from './retry.js';
import * as shape from './validate.js';

export const DO_API_BASE_URL = 'https://api.digitalocean.com';

export interface DigitalOceanClientOptions {
  token: string;
  /** Default https://api.digitalocean.com. */
  baseUrl?: string;
  /** Retries for reads (default 2; 0 disables). */
  retries?: number;
  allowInsecureHttp?: boolean;
  timeouts?: TimeoutOptions;
}

export class DigitalOceanClient {
  /** scheme://host[:port][/prefix]. */
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly retry: RetryPolicy;
  private readonly authorization: string;
  private lastRateLimit: RateLimit | undefined;

  constructor(options: DigitalOceanClientOptions) {
    const secrets = [options.token];
    const endpoint = parseEndpoint(options.baseUrl ?? DO_API_BASE_URL, options.allowInsecureHttp ?? false, secrets);
    const errors: ErrorContext = { origin: endpoint.origin, credentialName: 'DigitalOcean access token', secrets };
    this.transport = new HttpTransport({ endpoint, errors, ...(options.timeouts && { timeouts: options.timeouts }) });
    this.baseUrl = endpoint.origin + endpoint.pathPrefix;
    this.retry = retryPolicy(options.retries);
    this.authorization = `Bearer ${options.token}`;
  }

  /** The rate limit announced by the last response, if it carried the headers. */
  get rateLimit(): RateLimit | undefined {
    return this.lastRateLimit;
  }

  /** Every namespace, including App Platform ones (`ap-…`), which doctl hides. */
  async listNamespaces(): Promise<FunctionsNamespace[]> {
    const check = shape.envelope('namespaces', shape.arrayOf(shape.functionsNamespace));
    const body = await this.read<{ namespaces: FunctionsNamespace[] }>(
      '/v2/functions/namespaces',
      'the namespace list',
      check,
    );
    return body.namespaces;
  }

  /** One namespace, with its api_host and credential (uuid, key). The api_host is as sent: see rewriteApiHost. */
  async getNamespace(namespace: string): Promise<FunctionsNamespace> {
    const path = `/v2/functions/namespaces/${encodeURIComponent(namespace)}`;
    const check = shape.envelope('namespace', shape.functionsNamespaceWithKey);
    const body = await this.read<{ namespace: FunctionsNamespace }>(path, `namespace ${namespace}`, check);
    return body.namespace;
  }

  async listTriggers(namespace: string): Promise<FunctionsTrigger[]> {
    const path = `/v2/functions/namespaces/${encodeURIComponent(namespace)}/triggers`;
    const check = shape.envelope('triggers', shape.arrayOf(shape.functionsTrigger));
    const body = await this.read<{ triggers: FunctionsTrigger[] }>(
      path,
      `the triggers of namespace ${namespace}`,
      check,
    );
    return body.triggers;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private read<T>(path: string, subject: string, check: shape.Check): Promise<T> {
    const ctx = this.transport.errors;
    return withRetries(async () => {
      this.refuseWhileRateLimited();
      const response = await this.transport.request({
        method: 'GET',
        path,
        headers: { authorization: this.authorization },
      });
      const announced = readRateLimit(response.headers);
      if (announced) this.lastRateLimit = announced;
      if (response.status < 200 || response.status > 299) {
        const untilReset = rateLimitWaitMs(announced, Date.now());
        throw errorFromStatus(ctx, response, subject, untilReset > 0 ? { retryAfterMs: untilReset } : {});
      }
      return shape.parseBody<T>(ctx, subject, response.body, check);
    }, this.retry);
  }

  /**
   * With the budget spent, a request would only earn a 429: fail with the time to the reset instead
   * (the retry policy waits it out when retries are enabled and the wait is short).
   */
  private refuseWhileRateLimited(): void {
    const waitMs = rateLimitWaitMs(this.lastRateLimit, Date.now());
    if (waitMs === 0) return;
    const message = `the DigitalOcean API rate limit is used up: wait ${Math.ceil(waitMs / 1000)} s before trying again`;
    throw apiError(this.transport.errors, 'rate-limited', message, { retryAfterMs: waitMs });
  }
}

/**
 * doctl's host rewrite (`assignAPIHost`): for `fn-` namespaces the last DNS label of api_host
 * becomes `co` (the portal hands out `….doserverless.io`, clients must use `….doserverless.co`).
 * Scheme, port and path are kept. Unlike doctl, IP addresses and single-label hosts (the
 * emulator's 127.0.0.1, localhost) are left alone, as they have no DNS suffix to swap.
 */
export function rewriteApiHost(apiHost: string, namespace: string): string {
  if (!namespace.startsWith('fn-')) return apiHost;
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?([^/:?#[\]]+)(.*)$/i.exec(apiHost);
  const [, scheme = '', host, rest = ''] = match ?? [];
  if (!host || !host.includes('.') || /^\d+(\.\d+){3}$/.test(host)) return apiHost;
  return `${scheme}${host.slice(0, host.lastIndexOf('.'))}.co${rest}`;
}
