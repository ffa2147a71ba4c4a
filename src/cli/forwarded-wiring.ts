// Builds ForwardedLogs for a command: the read credentials (config.yaml context + environment),
// project.yml's LOG_DESTINATIONS, and one api client + follower per readable destination, adapted
// to core's ForwardedSource. A destination that cannot be set up is reported, never fatal.
import { BetterstackClient, BetterstackFollower } from '../api/logsources/betterstack.js';
import type { SourcePoll } from '../api/logsources/common.js';
import { DatadogClient, DatadogFollower, datadogNamespaceQuery } from '../api/logsources/datadog.js';
import { PapertrailClient, PapertrailFollower } from '../api/logsources/papertrail.js';
import type { OpenWhiskClient } from '../api/openwhisk.js';
import type { Config } from '../config/config-file.js';
import type { LogSources } from '../emulator/index.js';
import {
  DEFAULT_INTERVAL_MS,
  contextLogSources,
  resolveLogSources,
  type LogSourceId,
  type ResolvedLogSources,
} from '../config/log-sources.js';
import { loadProjectFile, type ProjectLocation } from '../config/project-file.js';
import type { ConnectionFlags } from '../config/target.js';
import { ForwardedLogs } from '../core/forwarded.js';
import type { ForwardedSource } from '../core/forwarded-types.js';
import { readLogDestinations, type DestinationsReading } from '../core/log-destinations.js';

/** What is known before any namespace is opened: credentials, destinations, and what went wrong. */
export interface ForwardingInputs {
  settings: ResolvedLogSources;
  /** --insecure: plain http to a non-loopback destination (the emulator on another host). */
  allowInsecureHttp: boolean;
  destinations: ReadonlyMap<string, DestinationsReading>;
  /** One line each: an unreadable project.yml. Malformed values are in ForwardedLogs.destinationProblems(). */
  warnings: string[];
}

export async function loadForwardingInputs(
  env: NodeJS.ProcessEnv,
  config: Config | undefined,
  flags: Pick<ConnectionFlags, 'context' | 'insecure'>,
  project: ProjectLocation,
): Promise<ForwardingInputs> {
  const settings = resolveLogSources(env, contextLogSources(config, flags.context));
  const allowInsecureHttp = Boolean(flags.insecure);
  const loaded = await loadProjectFile(project);
  if (!loaded.ok) {
    return { settings, allowInsecureHttp, destinations: new Map(), warnings: [`forwarded logs: ${loaded.message}`] };
  }
  const destinations = new Map<string, DestinationsReading>();
  for (const [fn, defaults] of loaded.project?.functions ?? []) {
    if (defaults.logDestinations !== undefined) destinations.set(fn, readLogDestinations(defaults.logDestinations));
  }
  return { settings, allowInsecureHttp, destinations, warnings: [] };
}

export interface ForwardedWiring {
  forwarded: ForwardedLogs;
  /** Stops the pollers and closes the clients. */
  close(): Promise<void>;
}

export interface WiringOptions {
  /** Epoch ms: how far back the first polls reach. */
  since: number;
  /** The namespace (`fn-…`) whose lines to ask for; resolved on the first poll. */
  namespace: () => Promise<string | undefined>;
  orphanAfterMs?: number;
}

interface Follower {
  poll(): Promise<SourcePoll>;
}

export function wireForwardedLogs(inputs: ForwardingInputs, options: WiringOptions): ForwardedWiring {
  const closers: Array<() => Promise<void>> = [];
  const incomplete: Partial<Record<LogSourceId, string>> = { ...inputs.settings.incomplete };
  const sources: ForwardedSource[] = [];
  for (const id of ['papertrail', 'datadog', 'betterstack'] as const) {
    try {
      const built = buildFollower(id, inputs, options);
      if (!built) continue;
      closers.push(built.close);
      const intervalMs = inputs.settings[id]?.intervalMs ?? DEFAULT_INTERVAL_MS[id];
      sources.push({ name: id, intervalMs, poll: () => built.poll() });
    } catch (error) {
      // e.g. PAPERTRAIL_API_URL that is not a URL: this destination is out, the rest carry on.
      incomplete[id] = error instanceof Error ? error.message : String(error);
    }
  }
  const forwarded = new ForwardedLogs({
    sources,
    destinations: inputs.destinations,
    incomplete,
    ...(options.orphanAfterMs !== undefined && { orphanAfterMs: options.orphanAfterMs }),
  });
  forwarded.start();
  return {
    forwarded,
    close: async () => {
      await forwarded.stop();
      await Promise.all(closers.map((close) => close()));
    },
  };
}

interface Reader {
  client: { close(): Promise<void> };
  /** The follower, once the namespace is known (undefined when it could not be learned). */
  follower: (namespace: string | undefined) => Follower;
}

/** The client and follower for one destination, or undefined when it has no read credential. */
function buildFollower(
  id: LogSourceId,
  inputs: ForwardingInputs,
  options: WiringOptions,
): { poll(): Promise<SourcePoll>; close(): Promise<void> } | undefined {
  const reader = READERS[id](inputs.settings, { since: options.since, allowInsecureHttp: inputs.allowInsecureHttp });
  if (!reader) return undefined;
  let follower: Promise<Follower> | undefined;
  return {
    poll: async () => {
      follower ??= options.namespace().then(reader.follower);
      // A failed namespace lookup is retried on the next poll, with the poller's back-off.
      const ready = await follower.catch((error: unknown) => {
        follower = undefined;
        throw error;
      });
      return ready.poll();
    },
    close: () => reader.client.close(),
  };
}

type ReaderOptions = { since: number; allowInsecureHttp: boolean };

const READERS: Record<LogSourceId, (settings: ResolvedLogSources, options: ReaderOptions) => Reader | undefined> = {
  papertrail: ({ papertrail: config }, { since, allowInsecureHttp }) => {
    if (!config) return undefined;
    const client = new PapertrailClient({ allowInsecureHttp, token: config.token.reveal(), ...withUrl(config.url) });
    // The namespace is in every forwarded line (host/appname): searching for it keeps other senders out.
    const follower = (namespace: string | undefined) =>
      new PapertrailFollower(client, { since, ...withQuery(config.query ?? (namespace && `"${namespace}"`)) });
    return { client, follower };
  },
  datadog: ({ datadog: config }, { since, allowInsecureHttp }) => {
    if (!config) return undefined;
    const client = new DatadogClient({
      allowInsecureHttp,
      apiKey: config.apiKey.reveal(),
      appKey: config.appKey.reveal(),
      ...(config.site && { site: config.site }),
      ...withUrl(config.url),
    });
    const follower = (namespace: string | undefined) =>
      new DatadogFollower(client, {
        since,
        query: config.query ?? (namespace ? datadogNamespaceQuery(namespace) : '*'),
      });
    return { client, follower };
  },
  betterstack: ({ betterstack: config }, { since, allowInsecureHttp }) => {
    if (!config) return undefined;
    const client = new BetterstackClient({ allowInsecureHttp, token: config.token.reveal(), ...withUrl(config.url) });
    // The source ids already keep the search to the person's own sources.
    const follower = () =>
      new BetterstackFollower(client, { since, sourceIds: config.sourceIds, ...withQuery(config.query) });
    return { client, follower };
  },
};

function withUrl(url: string | undefined): { url?: string } {
  return url ? { url } : {};
}

function withQuery(query: string | undefined): { query?: string } {
  return query ? { query } : {};
}

/** The emulator's log destinations as the environment variables a person would set. */
export function emulatorLogSourceEnv(sources: LogSources): NodeJS.ProcessEnv {
  return {
    PAPERTRAIL_API_URL: sources.papertrail.url,
    PAPERTRAIL_API_TOKEN: sources.papertrail.token,
    DD_API_URL: sources.datadog.url,
    DD_API_KEY: sources.datadog.apiKey,
    DD_APP_KEY: sources.datadog.appKey,
    BETTERSTACK_API_URL: sources.betterstack.url,
    BETTERSTACK_API_TOKEN: sources.betterstack.token,
    BETTERSTACK_SOURCE_IDS: sources.betterstack.sourceIds.join(','),
  };
}

/** The namespace a client reads: its own, or (for `_`) the one its key belongs to. */
export async function namespaceOf(client: OpenWhiskClient): Promise<string | undefined> {
  if (client.namespace !== '_') return client.namespace;
  return (await client.listNamespaces())[0];
}
