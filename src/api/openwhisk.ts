// OpenWhisk REST client (reference §1–§5): activations, invoke, actions, packages, namespaces.
// Reads are validated and retried per the retry policy; an invoke is never retried.

import {
  ACTIVATION_ID_HEADER,
  INVOKE_TIMEOUT_MAX_MS,
  type WireAction,
  type WireActionSummary,
  type WireActivation,
  type WireActivationLogs,
  type WireActivationResult,
  type WireActivationSummary,
  type WireInvokeAccepted,
  type WirePackageSummary,
} from './types.js';
import { ApiError, apiError, errorFromStatus, type ErrorContext } from './errors.js';
import { HttpTransport, parseEndpoint, withQuery, type HttpResponse, type Query, type TimeoutOptions } from './http.js';
import { retryPolicy, withRetries, type RetryPolicy } from './retry.js';
import * as shape from './validate.js';

export interface OpenWhiskClientOptions {
  apihost: string;
  /** The namespace credential `uuid:key`. */
  auth: string;
  /** Defaults to `_`, the caller's own namespace. */
  namespace?: string;
  allowInsecureHttp?: boolean;
  /** Retries for reads (default 2; 0 disables). */
  retries?: number;
  timeouts?: TimeoutOptions;
}

export interface ListActivationsOptions {
  limit?: number;
  skip?: number;
  /** Epoch ms, inclusive, compared with `start`. */
  since?: number;
  /** Epoch ms, inclusive, compared with `start`. */
  upto?: number;
  /** `fn` or `pkg/fn`. */
  name?: string;
  docs?: boolean;
}

export type CountActivationsOptions = Pick<ListActivationsOptions, 'since' | 'upto' | 'name'>;

export interface ListEntitiesOptions {
  limit?: number;
  skip?: number;
}

export interface InvokeOptions {
  blocking?: boolean;
  /** With blocking: the body is only the function's result. */
  result?: boolean;
  /** Blocking wait in ms (1..60000). */
  timeout?: number;
}

export type InvokeOutcome<Body> =
  | { kind: 'result'; status: 200 | 502 | 500; activationId: string; body: Body }
  | { kind: 'accepted'; activationId: string };

const OUTCOME_UNKNOWN_ADVICE = 'the invocation may or may not have run; check the activation list before retrying';

export class OpenWhiskClient {
  /** scheme://host[:port][/prefix], without credentials. */
  readonly apihost: string;
  readonly namespace: string;
  private readonly transport: HttpTransport;
  private readonly retry: RetryPolicy;
  private readonly authorization: string;

  constructor(options: OpenWhiskClientOptions) {
    if (!options.auth.includes(':')) throw new ApiError('usage', 'the namespace key must have the form uuid:key');
    const encoded = Buffer.from(options.auth).toString('base64');
    this.authorization = `Basic ${encoded}`;
    const secrets = [options.auth, options.auth.slice(options.auth.indexOf(':') + 1), encoded];
    const endpoint = parseEndpoint(options.apihost, options.allowInsecureHttp ?? false, secrets);
    const errors: ErrorContext = { origin: endpoint.origin, credentialName: 'namespace key', secrets };
    this.transport = new HttpTransport({ endpoint, errors, ...(options.timeouts && { timeouts: options.timeouts }) });
    this.apihost = endpoint.origin + endpoint.pathPrefix;
    this.namespace = options.namespace ?? '_';
    this.retry = retryPolicy(options.retries);
  }

  listActivations(options: ListActivationsOptions & { docs: true }): Promise<WireActivation[]>;
  listActivations(options?: ListActivationsOptions & { docs?: false }): Promise<WireActivationSummary[]>;
  listActivations(options: ListActivationsOptions): Promise<WireActivation[] | WireActivationSummary[]>;
  async listActivations(options: ListActivationsOptions = {}): Promise<WireActivation[] | WireActivationSummary[]> {
    const { limit, skip, since, upto, name, docs } = options;
    const query = { limit, skip, since, upto, name: name || undefined, docs: docs || undefined };
    const item = docs ? shape.activation : shape.activationSummary;
    return this.read(this.path('activations'), query, 'the activation list', shape.arrayOf(item));
  }

  async countActivations(options: CountActivationsOptions = {}): Promise<number> {
    const { since, upto, name } = options;
    const query = { count: true, since, upto, name: name || undefined };
    const body = await this.read<{ activations: number }>(
      this.path('activations'),
      query,
      'the activation count',
      shape.activationCount,
    );
    return body.activations;
  }

  async getActivation(activationId: string): Promise<WireActivation> {
    return this.read(this.path('activations', activationId), {}, `activation ${activationId}`, shape.activation);
  }

  async getLogs(activationId: string): Promise<WireActivationLogs> {
    const path = this.path('activations', activationId, 'logs');
    const body = await this.read<{ logs: unknown[] }>(
      path,
      {},
      `the logs of activation ${activationId}`,
      shape.activationLogs,
    );
    // Lines are strings on a healthy platform; anything else is passed on as its JSON text.
    return { logs: body.logs.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))) };
  }

  async getResult(activationId: string): Promise<WireActivationResult> {
    const path = this.path('activations', activationId, 'result');
    return this.read(path, {}, `the result of activation ${activationId}`, shape.activationResult);
  }

  async listActions(options: ListEntitiesOptions = {}): Promise<WireActionSummary[]> {
    return this.read(this.path('actions'), { ...options }, 'the function list', shape.arrayOf(shape.actionSummary));
  }

  async listPackages(options: ListEntitiesOptions = {}): Promise<WirePackageSummary[]> {
    return this.read(this.path('packages'), { ...options }, 'the package list', shape.arrayOf(shape.packageSummary));
  }

  /** `name` is `fn` or `pkg/fn`. The code itself is not fetched. */
  async getAction(name: string): Promise<WireAction> {
    return this.read(this.path('actions', ...functionPath(name)), { code: false }, `function ${name}`, shape.action);
  }

  async listNamespaces(): Promise<string[]> {
    return this.read('/api/v1/namespaces', {}, 'the namespace list', shape.namespaceList);
  }

  /**
   * Invokes `name` (`fn` or `pkg/fn`) once. Never retried: after a failure that may have reached
   * the server the error is 'outcome-unknown', because the function may have run.
   */
  invoke(
    name: string,
    params?: Record<string, unknown>,
    options?: InvokeOptions & { result?: false },
  ): Promise<InvokeOutcome<WireActivation>>;
  invoke(name: string, params: Record<string, unknown>, options: InvokeOptions): Promise<InvokeOutcome<unknown>>;
  async invoke(
    name: string,
    params: Record<string, unknown> = {},
    options: InvokeOptions = {},
  ): Promise<InvokeOutcome<unknown>> {
    const { blocking = false, result = false, timeout } = options;
    const query = { blocking, result: result || undefined, timeout };
    const response = await this.transport.request({
      method: 'POST',
      path: withQuery(this.path('actions', ...functionPath(name)), query),
      headers: { authorization: this.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(params),
      // A blocking invoke is held by the server for up to the wait window; only then does our timeout start.
      ...(blocking && { serverHoldMs: Math.min(timeout ?? INVOKE_TIMEOUT_MAX_MS, INVOKE_TIMEOUT_MAX_MS) }),
      outcomeUnknownAdvice: OUTCOME_UNKNOWN_ADVICE,
    });
    return this.invokeOutcome(response, `function ${name}`, result);
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private invokeOutcome(response: HttpResponse, subject: string, resultOnly: boolean): InvokeOutcome<unknown> {
    const ctx = this.transport.errors;
    const { status } = response;
    if (status === 202) {
      const accepted = shape.parseBody<WireInvokeAccepted>(ctx, subject, response.body, shape.invokeAccepted);
      return { kind: 'accepted', activationId: accepted.activationId };
    }
    if (status !== 200 && status !== 502 && status !== 500) throw errorFromStatus(ctx, response, subject);
    const body = shape.parseJson(ctx, subject, response.body);
    const activationId =
      headerValue(response, ACTIVATION_ID_HEADER) ?? (shape.isRecord(body) ? body.activationId : undefined);
    const problem =
      typeof activationId !== 'string' ? 'no activation id' : resultOnly ? undefined : shape.invokedActivation(body);
    if (typeof activationId === 'string' && problem === undefined) {
      return { kind: 'result', status, activationId, body };
    }
    // A 500/502 that is not an activation is a platform failure, not the function's outcome.
    if (status !== 200) throw errorFromStatus(ctx, response, subject);
    throw apiError(ctx, 'bad-response', `unexpected response from ${ctx.origin} for ${subject}: ${problem}`);
  }

  /** GET with retries; non-2xx becomes an ApiError, the body is parsed and checked. */
  private read<T>(path: string, query: Query, subject: string, check: shape.Check): Promise<T> {
    const ctx = this.transport.errors;
    return withRetries(async () => {
      const response = await this.transport.request({
        method: 'GET',
        path: withQuery(path, query),
        headers: { authorization: this.authorization },
      });
      if (response.status < 200 || response.status > 299) throw errorFromStatus(ctx, response, subject);
      return shape.parseBody<T>(ctx, subject, response.body, check);
    }, this.retry);
  }

  /** /api/v1/namespaces/{ns}/{segments…}, each segment URL-encoded. */
  private path(collection: string, ...segments: string[]): string {
    return ['/api/v1/namespaces', this.namespace, collection, ...segments]
      .map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
      .join('/');
  }
}

/** `fn` or `pkg/fn` → path segments; anything else would address a different resource. */
function functionPath(name: string): string[] {
  const segments = name.split('/');
  if (segments.length > 2 || segments.some((segment) => segment === '')) {
    throw new ApiError('usage', `'${name}' is not a function name: use fn or pkg/fn`);
  }
  return segments;
}

function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
