// From flags + environment to a ready OpenWhisk client, shared by every networked command.
import { OpenWhiskClient } from '../api/openwhisk.js';
import { LIST_LIMIT_MAX, type WireActionSummary } from '../api/types.js';
import { resolveTarget, type Target } from '../config/target.js';
import type { ParsedCommand } from './args.js';
import { flagOption, stringOption } from './options.js';
import type { CliIO } from './run.js';

export interface Connection {
  client: OpenWhiskClient;
  target: Target;
}

/** A connection, or the message that says why there is none (no credentials found). */
export function connect(command: ParsedCommand, io: CliIO, retries: number): Connection | { error: string } {
  const resolution = resolveTarget(
    {
      apihost: stringOption(command.options, 'apihost'),
      auth: stringOption(command.options, 'auth'),
      namespace: stringOption(command.options, 'namespace'),
      insecure: flagOption(command.options, 'insecure'),
    },
    io.env,
  );
  if (!resolution.ok) return { error: resolution.message };
  const { target } = resolution;
  const client = new OpenWhiskClient({
    apihost: target.apihost,
    auth: target.auth,
    namespace: target.namespace,
    allowInsecureHttp: target.allowInsecureHttp,
    retries,
  });
  return { client, target };
}

/** Every function of the namespace, paging past the server's page size. */
export async function listAllActions(client: OpenWhiskClient): Promise<WireActionSummary[]> {
  const actions: WireActionSummary[] = [];
  for (let skip = 0; ; skip += LIST_LIMIT_MAX) {
    const page = await client.listActions({ limit: LIST_LIMIT_MAX, skip });
    actions.push(...page);
    if (page.length < LIST_LIMIT_MAX) return actions;
  }
}
