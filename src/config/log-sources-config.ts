// config.yaml's `log-sources:` mapping of a context (see log-sources.ts for the whole shape).
// Like the rest of config.yaml, a wrong key or value stops fnmon with file, line and key.
import { isScalar, isSeq } from 'yaml';
import { parseDuration } from '../core/duration.js';
import type { LogSourcesConfig } from './log-sources.js';
import { Secret } from './secret.js';
import type { Entry, YamlReader } from './yaml-reader.js';

const SERVICES = ['papertrail', 'datadog', 'betterstack'] as const;
const COMMON_KEYS = ['url', 'query', 'interval'] as const;
const KEYS = {
  papertrail: ['token', ...COMMON_KEYS],
  datadog: ['api-key', 'app-key', 'site', ...COMMON_KEYS],
  betterstack: ['token', 'source-ids', ...COMMON_KEYS],
} as const;
/** Faster than this only earns rate-limit errors. */
const MIN_INTERVAL_MS = 1000;

export function readLogSourcesConfig(reader: YamlReader, owner: Entry): LogSourcesConfig {
  const services = reader.entries(owner.value, owner);
  reader.onlyKnownKeys(services, SERVICES);
  const config: LogSourcesConfig = {};
  for (const service of services) {
    const name = lastKey(service) as (typeof SERVICES)[number];
    const fields = reader.entries(service.value, service);
    reader.onlyKnownKeys(fields, KEYS[name]);
    const value = (key: string) => fields.find((field) => lastKey(field) === key);
    const text = (key: string) => {
      const field = value(key);
      return field && reader.string(field);
    };
    const secret = (key: string) => {
      const given = text(key);
      return given === undefined ? undefined : new Secret(given);
    };
    const common = {
      ...defined('url', text('url')),
      ...defined('query', text('query')),
      ...interval(reader, value('interval')),
    };
    if (name === 'papertrail') config.papertrail = { ...common, ...defined('token', secret('token')) };
    if (name === 'datadog') {
      config.datadog = {
        ...common,
        ...defined('apiKey', secret('api-key')),
        ...defined('appKey', secret('app-key')),
        ...defined('site', text('site')),
      };
    }
    if (name === 'betterstack') {
      const ids = value('source-ids');
      config.betterstack = {
        ...common,
        ...defined('token', secret('token')),
        ...(ids && { sourceIds: sourceIds(reader, ids) }),
      };
    }
  }
  return config;
}

function lastKey(entry: Entry): string {
  return entry.path.slice(entry.path.lastIndexOf('.') + 1);
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function interval(reader: YamlReader, entry: Entry | undefined): { intervalMs?: number } {
  if (!entry) return {};
  const ms = parseDuration(reader.string(entry));
  if (ms === undefined || ms < MIN_INTERVAL_MS) reader.fail(entry, 'must be a duration of at least 1s, e.g. 3s or 1m');
  return { intervalMs: ms };
}

/** `[123, 456]`, `123` or `"123,456"`: numeric Better Stack source ids. */
function sourceIds(reader: YamlReader, entry: Entry): string[] {
  const node = entry.value;
  const items = isSeq(node) ? node.items : [node];
  const ids = items.flatMap((item) => {
    const value = isScalar(item) ? item.value : undefined;
    return typeof value === 'number' || typeof value === 'string'
      ? String(value)
          .split(',')
          .map((id) => id.trim())
      : [''];
  });
  if (ids.length === 0 || !ids.every((id) => /^\d+$/.test(id))) {
    reader.fail(entry, 'must be numeric source ids, e.g. [123456, 234567]');
  }
  return ids;
}
