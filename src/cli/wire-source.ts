// Adapts the OpenWhisk client to the tail engine's ActivationSource (core never imports api/).
import type { OpenWhiskClient } from '../api/openwhisk.js';
import type { ActivationSource, ListQuery, RangeQuery, RawRecord } from '../core/source.js';
import { listAllActions } from './connect.js';

export function wireSource(client: OpenWhiskClient): ActivationSource {
  return {
    count: (query: RangeQuery) => client.countActivations(query),
    list: async (query: ListQuery) => (await client.listActivations(query)) as unknown as RawRecord[],
    maxTimeoutMs: async () => {
      const timeouts = (await listAllActions(client)).map((action) => action.limits?.timeout).filter(isNumber);
      return timeouts.length > 0 ? Math.max(...timeouts) : undefined;
    },
  };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
