// DO API v2 (reference §7): functions namespaces and triggers, Bearer auth, ratelimit-* headers.
// Two namespaces: the emulator's own, and one on a ".doserverless.io" host that exercises doctl's
// host rewrite (it is never served).
import type { FunctionsNamespace, FunctionsTrigger } from '../api/types.js';
import { json, type Reply, type Request } from './http.js';
import { Random } from './random.js';
import type { DoRateLimiter } from './throttle.js';
import type { Identity } from './world.js';

export interface DoApiContext {
  identity: Identity;
  namespaces: FunctionsNamespace[];
  limiter: DoRateLimiter;
  now: () => number;
}

const DO_ERRORS: Record<number, { id: string; message: string }> = {
  401: { id: 'unauthorized', message: 'Unable to authenticate you' },
  404: { id: 'not_found', message: 'The resource you were accessing could not be found.' },
  405: { id: 'method_not_allowed', message: 'Method Not Allowed' },
  429: { id: 'too_many_requests', message: 'API Rate limit exceeded.' },
};

/** DO's error body {"id","message"} for any status. */
export function doError(status: number, headers?: Record<string, string>): Reply {
  const body =
    DO_ERRORS[status] ??
    (status >= 500
      ? { id: 'server_error', message: 'Server was unable to give you a response.' }
      : { id: 'bad_request', message: 'Bad Request' });
  return json(status, body, headers);
}

const CREATED = '2024-09-15T10:00:00Z';

export function createDoNamespaces(seed: number, identity: Identity, apihost: string): FunctionsNamespace[] {
  const random = new Random(seed, 'second-namespace');
  return [
    {
      api_host: apihost,
      namespace: identity.namespace,
      created_at: CREATED,
      updated_at: CREATED,
      label: 'fnmon-emulator',
      region: 'nyc1',
      uuid: identity.uuid,
      key: identity.key,
    },
    {
      api_host: `https://faas-ams3-${random.hex(8)}.doserverless.io`,
      namespace: `fn-${random.uuid()}`,
      created_at: '2024-10-01T08:30:00Z',
      updated_at: '2025-01-20T16:45:00Z',
      label: 'staging',
      region: 'ams3',
      uuid: random.uuid(),
      key: random.hex(64),
    },
  ];
}

interface TriggerSpec {
  name: string;
  function: string;
  cron: string;
  body: Record<string, unknown>;
  enabled: boolean;
  /** The cron expressed as a period and an offset into it, enough for next/last run times. */
  periodMs: number;
  phaseMs: number;
}

const MINUTE = 60_000;
const TRIGGERS: TriggerSpec[] = [
  {
    name: 'nightly-cleanup',
    function: 'cron/cleanup',
    cron: '0 3 * * *',
    body: { verbose: false },
    enabled: true,
    periodMs: 1440 * MINUTE,
    phaseMs: 180 * MINUTE,
  },
  {
    name: 'healthcheck-every-15m',
    function: 'healthcheck',
    cron: '*/15 * * * *',
    body: {},
    enabled: true,
    periodMs: 15 * MINUTE,
    phaseMs: 0,
  },
  {
    name: 'hourly-hello',
    function: 'sample/hello',
    cron: '0 * * * *',
    body: { name: 'cron' },
    enabled: false,
    periodMs: 60 * MINUTE,
    phaseMs: 0,
  },
];

/** RFC 3339 without fractions, e.g. "2022-11-03T17:03:02Z". */
const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function toTrigger(namespace: string, spec: TriggerSpec, now: number): FunctionsTrigger {
  const next = Math.floor((now - spec.phaseMs) / spec.periodMs + 1) * spec.periodMs + spec.phaseMs;
  return {
    namespace,
    function: spec.function,
    type: 'SCHEDULED',
    name: spec.name,
    is_enabled: spec.enabled,
    created_at: CREATED,
    updated_at: CREATED,
    scheduled_details: { cron: spec.cron, body: spec.body },
    scheduled_runs: spec.enabled
      ? { last_run_at: rfc3339(next - spec.periodMs), next_run_at: rfc3339(next) }
      : { last_run_at: rfc3339(next - spec.periodMs) },
  };
}

function triggersOf(context: DoApiContext, namespace: string): FunctionsTrigger[] {
  if (namespace !== context.identity.namespace) return [];
  return TRIGGERS.map((spec) => toTrigger(namespace, spec, context.now()));
}

/** Answers a request whose path starts with /v2. */
export function handleDoApi(request: Request, context: DoApiContext): Reply {
  if (request.headers.authorization !== `Bearer ${context.identity.doToken}`) return doError(401);
  const limit = context.limiter.check(context.now());
  if (!limit.allowed) return doError(429, limit.headers);
  const [, functions, collection, name, sub, triggerName, ...rest] = request.segments;
  const found = (value: unknown): Reply => json(200, value, limit.headers);
  if (functions !== 'functions' || collection !== 'namespaces' || rest.length > 0) return doError(404, limit.headers);
  if (request.method !== 'GET') return doError(405, limit.headers);
  if (name === undefined) return found({ namespaces: context.namespaces });
  const namespace = context.namespaces.find((candidate) => candidate.namespace === name);
  if (!namespace) return doError(404, limit.headers);
  if (sub === undefined) return found({ namespace });
  if (sub !== 'triggers') return doError(404, limit.headers);
  const triggers = triggersOf(context, namespace.namespace);
  if (triggerName === undefined) return found({ triggers });
  const trigger = triggers.find((candidate) => candidate.name === triggerName);
  return trigger ? found({ trigger }) : doError(404, limit.headers);
}
