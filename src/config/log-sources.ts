// Read credentials for forwarded logs (separate from the ingest tokens in LOG_DESTINATIONS), per
// context in config.yaml under `log-sources:` and from the environment, which wins field by field:
//
//   contexts:
//     prod:
//       apihost: …
//       auth: …
//       log-sources:
//         papertrail:  { token: …, url: https://papertrailapp.com, query: …, interval: 3s }
//         datadog:     { api-key: …, app-key: …, site: datadoghq.eu, url: …, query: …, interval: 15s }
//         betterstack: { token: …, source-ids: [123456], url: …, query: …, interval: 3s }
//
// Environment: PAPERTRAIL_API_TOKEN, PAPERTRAIL_API_URL; DD_API_KEY, DD_APP_KEY, DD_SITE, DD_API_URL;
// BETTERSTACK_API_TOKEN, BETTERSTACK_SOURCE_IDS (comma-separated), BETTERSTACK_API_URL.
import type { Config } from './config-file.js';
import { Secret } from './secret.js';

export type LogSourceId = 'papertrail' | 'datadog' | 'betterstack';

interface Common {
  /** Base URL of the read API; each service has its default (Datadog's follows the site). */
  url?: string;
  /** The service's own search syntax; fnmon's default keeps to the namespace. */
  query?: string;
  intervalMs?: number;
}

export interface PapertrailSettings extends Common {
  token: Secret;
}

export interface DatadogSettings extends Common {
  apiKey: Secret;
  appKey: Secret;
  /** e.g. datadoghq.eu; default datadoghq.com. */
  site?: string;
}

export interface BetterstackSettings extends Common {
  token: Secret;
  sourceIds: string[];
}

/** config.yaml's `log-sources:` for one context: any field may be left to the environment. */
export interface LogSourcesConfig {
  papertrail?: Partial<PapertrailSettings>;
  datadog?: Partial<DatadogSettings>;
  betterstack?: Partial<BetterstackSettings>;
}

export interface ResolvedLogSources {
  papertrail?: PapertrailSettings;
  datadog?: DatadogSettings;
  betterstack?: BetterstackSettings;
  /** Services given only in part, with what is missing (e.g. "DD_APP_KEY is not set"). */
  incomplete: Partial<Record<LogSourceId, string>>;
}

export const DEFAULT_INTERVAL_MS: Readonly<Record<LogSourceId, number>> = {
  papertrail: 3_000,
  // Log search was documented at 300 requests per hour per organisation (log-forwarding.md §6).
  datadog: 15_000,
  betterstack: 3_000,
};

const SOURCE_IDS = /^\d+(\s*,\s*\d+)*$/;

/** The `log-sources:` of the context in use: --context NAME, else current-context. */
export function contextLogSources(config: Config | undefined, contextFlag: string | undefined): LogSourcesConfig {
  const wanted = contextFlag ?? config?.currentContext;
  return config?.contexts.find((context) => context.name === wanted)?.logSources ?? {};
}

/** Environment over config.yaml, field by field. */
export function resolveLogSources(env: NodeJS.ProcessEnv, config: LogSourcesConfig = {}): ResolvedLogSources {
  const resolved: ResolvedLogSources = { incomplete: {} };
  const text = (name: string): string | undefined => env[name]?.trim() || undefined;
  const secret = (name: string, fallback: Secret | undefined) => (text(name) ? new Secret(text(name)!) : fallback);

  const paper = config.papertrail ?? {};
  const paperToken = secret('PAPERTRAIL_API_TOKEN', paper.token);
  const paperUrl = text('PAPERTRAIL_API_URL') ?? paper.url;
  if (paperToken) resolved.papertrail = { ...common(paper, paperUrl), token: paperToken };

  const dd = config.datadog ?? {};
  const apiKey = secret('DD_API_KEY', dd.apiKey);
  const appKey = secret('DD_APP_KEY', dd.appKey);
  const site = text('DD_SITE') ?? dd.site;
  if (apiKey && appKey) {
    resolved.datadog = { ...common(dd, text('DD_API_URL') ?? dd.url), apiKey, appKey, ...(site && { site }) };
  } else if (apiKey || appKey) {
    resolved.incomplete.datadog = `${apiKey ? 'DD_APP_KEY (log-sources.datadog.app-key)' : 'DD_API_KEY (log-sources.datadog.api-key)'} is not set`;
  }

  const bs = config.betterstack ?? {};
  const bsToken = secret('BETTERSTACK_API_TOKEN', bs.token);
  const idsText = text('BETTERSTACK_SOURCE_IDS');
  const sourceIds =
    idsText === undefined
      ? bs.sourceIds
      : SOURCE_IDS.test(idsText)
        ? idsText.split(',').map((id) => id.trim())
        : undefined;
  if (idsText !== undefined && !sourceIds) {
    resolved.incomplete.betterstack = `BETTERSTACK_SOURCE_IDS must be numeric source ids separated by commas (got '${idsText}')`;
  } else if (bsToken && sourceIds?.length) {
    resolved.betterstack = { ...common(bs, text('BETTERSTACK_API_URL') ?? bs.url), token: bsToken, sourceIds };
  } else if (bsToken || sourceIds?.length) {
    resolved.incomplete.betterstack = `${bsToken ? 'BETTERSTACK_SOURCE_IDS (log-sources.betterstack.source-ids)' : 'BETTERSTACK_API_TOKEN (log-sources.betterstack.token)'} is not set`;
  }
  return resolved;
}

function common(config: Common, url: string | undefined): Common {
  return {
    ...(url && { url }),
    ...(config.query && { query: config.query }),
    ...(config.intervalMs !== undefined && { intervalMs: config.intervalMs }),
  };
}
