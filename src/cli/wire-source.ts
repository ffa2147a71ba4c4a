// Adapts the OpenWhisk client to the tail engine's ActivationSource (core never imports api/).
import type { OpenWhiskClient } from '../api/openwhisk.js';
import { retryPolicy, withRetries } from '../api/retry.js';
import type { ActivationSource, ListQuery, RangeQuery, RawRecord } from '../core/source.js';
import { listAllActions } from './connect.js';

// One pass of the engine is a chain of count and list requests; a single transient failure ends
// the pass and the next one starts again from the top. Under a few percent of failed requests
// (bench/: 9%), deep passes then rarely finished and late records stayed undelivered for long.
// Retrying each read a couple of times (with jitter, honouring Retry-After) lets a pass finish.
export const PASS_RETRIES = retryPolicy(2);
const ONCE = retryPolicy(0);

export function wireSource(client: OpenWhiskClient): ActivationSource {
  return {
    count: ({ once, ...query }: RangeQuery) =>
      withRetries(() => client.countActivations(query), once ? ONCE : PASS_RETRIES),
    list: async ({ once, ...query }: ListQuery) =>
      (await withRetries(() => client.listActivations(query), once ? ONCE : PASS_RETRIES)) as unknown as RawRecord[],
    maxTimeoutMs: async () => {
      const timeouts = (await listAllActions(client)).map((action) => action.limits?.timeout).filter(isNumber);
      return timeouts.length > 0 ? Math.max(...timeouts) : undefined;
    },
  };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
