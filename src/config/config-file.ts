// fnmon's config.yaml ($XDG_CONFIG_HOME/fnmon/config.yaml), parsed and validated into a typed
// Config. A wrong key or type stops fnmon with one line naming file, line and key (ConfigError).
//
//   current-context: prod
//   contexts:
//     prod:    { apihost: https://faas-nyc1-2ef2e6cc.doserverless.co, auth: UUID:KEY }
//     staging: { token: dop_v1_…, namespace: staging }       # resolved through the DO API
//     (any context may add `log-sources:`, the read credentials for forwarded logs: log-sources.ts)
//   ui:   { time-format: absolute, wrap: true, log-timestamps: false }
//   keys: { quit: [q, ctrl+c] }                                # command id -> keys (the monitor checks them)
import { FileUnreadable, readCredentialFile, type Warn } from './files.js';
import type { LogSourcesConfig } from './log-sources.js';
import { readLogSourcesConfig } from './log-sources-config.js';
import { fnmonConfigFile } from './paths.js';
import { Secret } from './secret.js';
import { ConfigError, YamlReader, type Entry } from './yaml-reader.js';

export { ConfigError } from './yaml-reader.js';

/** A namespace given directly by its API host and key. */
export interface KeyContext {
  kind: 'key';
  name: string;
  apihost: string;
  auth: Secret;
  namespace?: string;
  /** Read credentials for forwarded logs (log-sources.ts). */
  logSources?: LogSourcesConfig;
}

/** A DigitalOcean account: the namespace (id or label) is looked up through the DO API. */
export interface TokenContext {
  kind: 'token';
  name: string;
  token: Secret;
  namespace?: string;
  /** DO API base URL; default https://api.digitalocean.com (tests point it at the emulator). */
  doApi?: string;
  logSources?: LogSourcesConfig;
}

export type ContextConfig = KeyContext | TokenContext;

export type TimeFormat = 'relative' | 'absolute';
const TIME_FORMATS: readonly TimeFormat[] = ['relative', 'absolute'];

/** The monitor's starting preferences; unset ones keep the monitor's defaults. */
export interface UiPreferences {
  timeFormat?: TimeFormat;
  wrap?: boolean;
  logTimestamps?: boolean;
}

/** `keys:` — command id -> the keys that replace its defaults (the TUI's KeymapOverrides). */
export type KeyRemaps = Readonly<Record<string, readonly string[]>>;

export interface Config {
  file: string;
  currentContext?: string;
  contexts: readonly ContextConfig[];
  ui: UiPreferences;
  keys: KeyRemaps;
}

const TOP_KEYS = ['current-context', 'contexts', 'ui', 'keys'] as const;
const CONTEXT_KEYS = ['apihost', 'auth', 'namespace', 'token', 'do-api'] as const;
const LOG_SOURCES_KEY = 'log-sources';
const UI_KEYS = ['time-format', 'wrap', 'log-timestamps'] as const;

/** The config in the person's config dir, or undefined when there is none. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv, warn: Warn): Config | undefined {
  const file = fnmonConfigFile(env);
  let text: string | undefined;
  try {
    text = readCredentialFile(file, warn);
  } catch (error) {
    if (error instanceof FileUnreadable) throw new ConfigError(error.message);
    throw error;
  }
  return text === undefined ? undefined : parseConfig(file, text);
}

/** Parses config.yaml's text; `file` is only used in error messages. Throws ConfigError. */
export function parseConfig(file: string, text: string): Config {
  const reader = new YamlReader(file, text);
  const config: Config = { file, contexts: [], ui: {}, keys: {} };
  if (reader.document.contents === null) return config;
  const top = reader.entries(reader.document.contents, undefined);
  reader.onlyKnownKeys(top, TOP_KEYS);
  const find = (name: string) => top.find((entry) => entry.path === name);
  const contexts = find('contexts');
  if (contexts) config.contexts = reader.entries(contexts.value, contexts).map((entry) => readContext(reader, entry));
  const ui = find('ui');
  if (ui) config.ui = readUi(reader, ui);
  const keys = find('keys');
  if (keys)
    config.keys = Object.fromEntries(
      reader.entries(keys.value, keys).map((entry) => [name(entry), reader.strings(entry)]),
    );
  const current = find('current-context');
  if (current) config.currentContext = readCurrentContext(reader, current, config.contexts);
  return config;
}

function name(entry: Entry): string {
  return entry.path.slice(entry.path.lastIndexOf('.') + 1);
}

function readContext(reader: YamlReader, context: Entry): ContextConfig {
  const entries = reader.entries(context.value, context);
  reader.onlyKnownKeys(entries, [...CONTEXT_KEYS, LOG_SOURCES_KEY]);
  const field = (key: string) => {
    const entry = entries.find((candidate) => name(candidate) === key);
    return entry && reader.string(entry);
  };
  const [apihost, auth, namespace, token, doApi] = CONTEXT_KEYS.map(field);
  const logSources = entries.find((candidate) => name(candidate) === LOG_SOURCES_KEY);
  const named = {
    name: name(context),
    ...(namespace && { namespace }),
    ...(logSources && { logSources: readLogSourcesConfig(reader, logSources) }),
  };
  if (token && !apihost && !auth) return { kind: 'token', ...named, token: new Secret(token), ...(doApi && { doApi }) };
  if (apihost && auth && !token && !doApi) return { kind: 'key', ...named, apihost, auth: new Secret(auth) };
  return reader.fail(context, 'give either apihost and auth, or token (with an optional namespace and do-api)');
}

function readUi(reader: YamlReader, ui: Entry): UiPreferences {
  const entries = reader.entries(ui.value, ui);
  reader.onlyKnownKeys(entries, UI_KEYS);
  const preferences: UiPreferences = {};
  for (const entry of entries) {
    const key = name(entry) as (typeof UI_KEYS)[number];
    if (key === 'time-format') preferences.timeFormat = reader.oneOf(entry, TIME_FORMATS);
    else if (key === 'wrap') preferences.wrap = reader.boolean(entry);
    else preferences.logTimestamps = reader.boolean(entry);
  }
  return preferences;
}

function readCurrentContext(reader: YamlReader, entry: Entry, contexts: readonly ContextConfig[]): string {
  const wanted = reader.string(entry);
  if (contexts.some((context) => context.name === wanted)) return wanted;
  const known = contexts.map((context) => context.name).join(', ') || 'none defined';
  return reader.fail(entry, `no context named '${wanted}' under contexts (${known})`);
}

/** The context `--context NAME` asks for, and its file; a name that is not there is a ConfigError. */
export function contextNamed(config: Config | undefined, wanted: string): { context: ContextConfig; file: string } {
  const context = config?.contexts.find((candidate) => candidate.name === wanted);
  if (config && context) return { context, file: config.file };
  const known = config?.contexts.map((candidate) => candidate.name).join(', ');
  const where = config ? `${config.file} has ${known ? `only ${known}` : 'no contexts'}` : 'there is no config.yaml';
  throw new ConfigError(`--context ${wanted}: no such context (${where})`);
}
