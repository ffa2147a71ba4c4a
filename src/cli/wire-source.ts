// Adapts the OpenWhisk client to the tail engine's ActivationSource (core never imports api/).
import type { OpenWhiskClient } from '../api/openwhisk.js';
import type { ActivationSource, ListQuery, RangeQuery, RawRecord } from '../core/source.js';
import { LIST_LIMIT_MAX } from '../api/types.js';

export function wireSource(client: OpenWhiskClient): ActivationSource {
  return {
    count: (query: RangeQuery) => client.countActivations(query),
    list: async (query: ListQuery) => (await client.listActivations(query)) as unknown as RawRecord[],
    maxTimeoutMs: () => longestTimeout(client),
  };
}

/** The largest `limits.timeout` of the namespace's functions (packaged ones included). */
async function longestTimeout(client: OpenWhiskClient): Promise<number | undefined> {
  let longest: number | undefined;
  for (let skip = 0; ; skip += LIST_LIMIT_MAX) {
    const actions = await client.listActions({ limit: LIST_LIMIT_MAX, skip });
    for (const action of actions) {
      const timeout = action.limits?.timeout;
      if (typeof timeout === 'number' && (longest === undefined || timeout > longest)) longest = timeout;
    }
    if (actions.length < LIST_LIMIT_MAX) return longest;
  }
}
