// What doctl already knows (reference §8): the DigitalOcean access token (DIGITALOCEAN_ACCESS_TOKEN
// or doctl's config.yaml) and the namespace credential `doctl serverless connect` saved in
// <doctl config dir>/sandbox/creds/<hash>/credentials.json.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { rewriteApiHost } from '../api/digitalocean.js';
import { FileUnreadable, readCredentialFile, type Warn } from './files.js';
import { doctlConfigFile, doctlCredsDir } from './paths.js';
import { Secret } from './secret.js';

export interface DoToken {
  token: Secret;
  /** Where it came from, e.g. "DIGITALOCEAN_ACCESS_TOKEN". */
  origin: string;
  /** DO API base URL when doctl's is overridden. */
  baseUrl?: string;
}

export interface DoctlCredentials {
  apihost: string;
  auth: Secret;
  namespace: string;
  label?: string;
  file: string;
  /** Set when one of several saved credentials was picked: which, and why. */
  note?: string;
}

const DEFAULT_CONTEXT = 'default';
const CREDENTIALS_FILE = 'credentials.json';

/** doctl's HashAccessToken: the first 4 bytes of SHA-1(token), as 8 hex characters. */
export function hashAccessToken(token: Secret): string {
  return createHash('sha1').update(token.reveal()).digest('hex').slice(0, 8);
}

/**
 * The DigitalOcean token from the environment, else from doctl's config for its current context;
 * with doctl's API URL override (DIGITALOCEAN_API_URL or `api-url`), as doctl reads them through viper.
 */
export function findDoToken(env: NodeJS.ProcessEnv, warn: Warn): DoToken | undefined {
  const file = doctlConfigFile(env);
  const config = readYamlObject(file, warn) ?? {};
  const apiUrl = env.DIGITALOCEAN_API_URL || stringField(config, 'api-url');
  const withUrl = (token: string, origin: string): DoToken => ({
    token: new Secret(token),
    origin,
    ...(apiUrl && { baseUrl: apiUrl }),
  });
  if (env.DIGITALOCEAN_ACCESS_TOKEN) return withUrl(env.DIGITALOCEAN_ACCESS_TOKEN, 'DIGITALOCEAN_ACCESS_TOKEN');
  // doctl's --context is DIGITALOCEAN_CONTEXT in the environment; the default context's token is `access-token`.
  const context = env.DIGITALOCEAN_CONTEXT || stringField(config, 'context') || DEFAULT_CONTEXT;
  const token =
    context === DEFAULT_CONTEXT
      ? stringField(config, 'access-token')
      : stringField(objectField(config, 'auth-contexts') ?? {}, context);
  return token ? withUrl(token, `doctl's config (context '${context}', ${file})`) : undefined;
}

/**
 * The credential doctl saved. With a token, only that token's directory counts (as for doctl);
 * without one, the single directory present, or the newest one with a warning naming it.
 */
export function readDoctlCredentials(
  env: NodeJS.ProcessEnv,
  token: Secret | undefined,
  warn: Warn,
): DoctlCredentials | undefined {
  const dir = doctlCredsDir(env);
  const found = token ? { file: join(dir, hashAccessToken(token), CREDENTIALS_FILE) } : newestCredentialsFile(dir);
  if (!found) return undefined;
  const body = readJsonObject(found.file, warn);
  const credentials = body && activeCredential(body, found.file, warn);
  return credentials && found.note ? { ...credentials, note: found.note } : credentials;
}

function newestCredentialsFile(dir: string): { file: string; note?: string } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const files = names
    .map((name) => join(dir, name, CREDENTIALS_FILE))
    .flatMap((file) => {
      try {
        return [{ file, mtime: statSync(file).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.mtime - a.mtime);
  const newest = files[0];
  if (!newest || files.length === 1) return newest;
  return {
    file: newest.file,
    note: `the newest of ${files.length} saved by doctl (no DigitalOcean token to choose by)`,
  };
}

/** credentials[currentHost][currentNamespace].api_key, with doctl's host rewrite applied. */
function activeCredential(body: Record<string, unknown>, file: string, warn: Warn): DoctlCredentials | undefined {
  const host = stringField(body, 'currentHost');
  const namespace = stringField(body, 'currentNamespace');
  const byHost = host ? objectField(body, 'credentials')?.[host] : undefined;
  const entry =
    namespace && typeof byHost === 'object' && byHost !== null
      ? (byHost as Record<string, unknown>)[namespace]
      : undefined;
  const key =
    typeof entry === 'object' && entry !== null ? stringField(entry as Record<string, unknown>, 'api_key') : undefined;
  if (!host || !namespace || !key) {
    warn(`warning: ${file} has no key for its current namespace; run: doctl serverless connect`);
    return undefined;
  }
  const label = stringField(body, 'label');
  return { apihost: rewriteApiHost(host, namespace), auth: new Secret(key), namespace, file, ...(label && { label }) };
}

function readJsonObject(file: string, warn: Warn): Record<string, unknown> | undefined {
  return readObject(file, warn, (text) => JSON.parse(text) as unknown);
}

function readYamlObject(file: string, warn: Warn): Record<string, unknown> | undefined {
  return readObject(file, warn, (text) => parse(text) as unknown);
}

/** Another tool's file: when it is broken fnmon warns and moves on to the next source. */
function readObject(
  file: string,
  warn: Warn,
  parseText: (text: string) => unknown,
): Record<string, unknown> | undefined {
  try {
    const text = readCredentialFile(file, warn);
    if (text === undefined) return undefined;
    const value = parseText(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    warn(`warning: ignored ${file}: not the expected format`);
  } catch (error) {
    const reason = error instanceof FileUnreadable ? error.message : `ignored ${file}: it cannot be parsed`;
    warn(`warning: ${reason}`);
  }
  return undefined;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function objectField(record: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = record[key];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
