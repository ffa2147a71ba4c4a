// From flags + environment + credential files to a ready OpenWhisk client, shared by every networked command.
import { OpenWhiskClient } from '../api/openwhisk.js';
import { LIST_LIMIT_MAX, type WireActionSummary } from '../api/types.js';
import type { Config } from '../config/config-file.js';
import { resolveTarget } from '../config/resolve.js';
import type { ConnectionFlags, Target, TargetResolution } from '../config/target.js';
import type { ParsedCommand } from './args.js';
import { namespacePrompt } from './namespace-prompt.js';
import { UsageFailure, flagOption, stringOption } from './options.js';
import type { CliIO } from './run.js';

export interface Connection {
  client: OpenWhiskClient;
  target: Target;
  /** config.yaml, when there is one: the monitor's preferences and key remaps. */
  config?: Config;
}

export function connectionFlags(command: ParsedCommand): ConnectionFlags {
  const { options } = command;
  return {
    apihost: stringOption(options, 'apihost'),
    auth: stringOption(options, 'auth'),
    namespace: stringOption(options, 'namespace'),
    context: stringOption(options, 'context'),
    insecure: flagOption(options, 'insecure'),
  };
}

/** Resolves the command's target; with a terminal on both ends, a choice of namespaces is asked for. */
export function resolveForCommand(command: ParsedCommand, io: CliIO): Promise<TargetResolution> {
  const interactive = Boolean(io.stdout.isTTY && process.stdin.isTTY);
  return resolveTarget(
    connectionFlags(command),
    io.env,
    interactive ? { askNamespace: namespacePrompt(process.stdin, io.stderr) } : {},
  );
}

export function clientFor(target: Target, retries: number): OpenWhiskClient {
  return new OpenWhiskClient({
    apihost: target.apihost,
    auth: target.auth.reveal(),
    namespace: target.namespace,
    allowInsecureHttp: target.allowInsecureHttp,
    retries,
  });
}

/**
 * A connection, or the message that says why there is none (no credentials found). A wrong flag or
 * config.yaml is a UsageFailure (one line, exit 2). Warnings (e.g. a readable key file) go to stderr.
 */
export async function connect(
  command: ParsedCommand,
  io: CliIO,
  retries: number,
): Promise<Connection | { error: string }> {
  const resolution = await resolveForCommand(command, io);
  for (const warning of resolution.warnings) io.stderr.write(`fnmon: ${warning}\n`);
  if (!resolution.ok) {
    if (resolution.kind === 'usage') throw new UsageFailure(resolution.message);
    return { error: resolution.message };
  }
  const { target, config } = resolution;
  return { client: clientFor(target, retries), target, ...(config && { config }) };
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
