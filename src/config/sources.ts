// The credential sources in order of precedence. Each looks only at flags, the environment and
// local files (no network): it either finds a candidate, or says why not. A candidate is a
// namespace key, or a DigitalOcean token whose namespaces the DO API still has to list.
import { contextNamed, type Config, type ContextConfig } from './config-file.js';
import type { DoAccount } from './do-token.js';
import { findDoToken, readDoctlCredentials, type DoToken } from './doctl.js';
import { FileUnreadable, readCredentialFile, type Warn } from './files.js';
import { fnmonConfigFile, wskpropsPath } from './paths.js';
import { Secret } from './secret.js';
import type { ConnectionFlags } from './target.js';
import { parseWskprops } from './wskprops.js';

export interface KeyCandidate {
  kind: 'key';
  apihost: string;
  auth: Secret;
  namespace?: string;
  label?: string;
  /** For Target.source and doctor, e.g. "config.yaml context 'prod' (/path)". */
  source: string;
}

export interface TokenCandidate {
  kind: 'token';
  account: DoAccount;
  /** The namespace to use (id or label), when the source names one. */
  namespace?: string;
  source: string;
}

export type Candidate = KeyCandidate | TokenCandidate;

export type Attempt =
  { outcome: 'found'; candidate: Candidate; detail: string } | { outcome: 'absent' | 'incomplete'; detail: string };

export interface SourceContext {
  flags: ConnectionFlags;
  env: NodeJS.ProcessEnv;
  config?: Config;
  warn: Warn;
}

export interface CredentialSource {
  id: 'flags' | 'context-flag' | 'fnmon-env' | 'ow-env' | 'whisk-env' | 'config' | 'doctl' | 'wskprops' | 'do-token';
  name: string;
  attempt(context: SourceContext): Attempt;
}

const absent = (detail: string): Attempt => ({ outcome: 'absent', detail });
const found = (candidate: Candidate, detail: string): Attempt => ({ outcome: 'found', candidate, detail });

interface KeyFields {
  apihost: string;
  auth: Secret;
  namespace?: string;
  label?: string;
}

function keyCandidate(source: string, { apihost, auth, namespace, label }: KeyFields): KeyCandidate {
  return { kind: 'key', apihost, auth, source, ...(namespace && { namespace }), ...(label && { label }) };
}

/** A host/key pair of environment variables; one without the other is reported, not used. */
function envPair(hostVar: string, authVar: string, namespaceVar?: string): CredentialSource['attempt'] {
  return ({ env }) => {
    const apihost = env[hostVar];
    const auth = env[authVar];
    if (!apihost && !auth) return absent('not set');
    if (!apihost || !auth) return { outcome: 'incomplete', detail: `${apihost ? authVar : hostVar} is not set` };
    const namespace = namespaceVar ? env[namespaceVar] : undefined;
    return found(
      keyCandidate(`environment (${hostVar}/${authVar})`, { apihost, auth: new Secret(auth), namespace }),
      'set',
    );
  };
}

export function contextCandidate(context: ContextConfig, file: string, insecure: boolean): Candidate {
  const source = `config.yaml context '${context.name}' (${file})`;
  if (context.kind === 'key') return keyCandidate(source, context);
  const account: DoAccount = {
    token: context.token,
    allowInsecureHttp: insecure,
    ...(context.doApi && { baseUrl: context.doApi }),
  };
  return { kind: 'token', account, source, ...(context.namespace && { namespace: context.namespace }) };
}

function tokenCandidate(doToken: DoToken, insecure: boolean): TokenCandidate {
  const account: DoAccount = {
    token: doToken.token,
    allowInsecureHttp: insecure,
    ...(doToken.baseUrl && { baseUrl: doToken.baseUrl }),
  };
  return { kind: 'token', account, source: `DigitalOcean API (token from ${doToken.origin})` };
}

export const CREDENTIAL_SOURCES: readonly CredentialSource[] = [
  {
    id: 'flags',
    name: 'flags --apihost/--auth',
    attempt: ({ flags }) =>
      flags.apihost && flags.auth
        ? found(
            keyCandidate('flags (--apihost/--auth)', { apihost: flags.apihost, auth: new Secret(flags.auth) }),
            'given',
          )
        : absent('not given'),
  },
  {
    id: 'context-flag',
    name: 'flag --context',
    attempt: ({ flags, config }) => {
      if (!flags.context) return absent('not given');
      const { context, file } = contextNamed(config, flags.context);
      return found(contextCandidate(context, file, Boolean(flags.insecure)), `context '${context.name}' in ${file}`);
    },
  },
  {
    id: 'fnmon-env',
    name: 'FNMON_APIHOST/FNMON_AUTH',
    attempt: envPair('FNMON_APIHOST', 'FNMON_AUTH', 'FNMON_NAMESPACE'),
  },
  {
    id: 'ow-env',
    name: '__OW_API_HOST/__OW_API_KEY',
    attempt: envPair('__OW_API_HOST', '__OW_API_KEY', '__OW_NAMESPACE'),
  },
  { id: 'whisk-env', name: 'WHISK_APIHOST/WHISK_AUTH', attempt: envPair('WHISK_APIHOST', 'WHISK_AUTH') },
  {
    id: 'config',
    name: "fnmon's config.yaml",
    attempt: ({ flags, env, config }) => {
      if (!config) return absent(`no ${fnmonConfigFile(env)}`);
      const current = config.contexts.find((context) => context.name === config.currentContext);
      if (!current) return absent(`${config.file} sets no current-context`);
      return found(
        contextCandidate(current, config.file, Boolean(flags.insecure)),
        `current-context '${current.name}' in ${config.file}`,
      );
    },
  },
  {
    id: 'doctl',
    name: "doctl's serverless credentials",
    attempt: ({ env, warn }) => {
      const credentials = readDoctlCredentials(env, findDoToken(env, warn)?.token, warn);
      if (!credentials) return absent('none saved (doctl serverless connect saves them)');
      const { apihost, auth, namespace, label, file, note } = credentials;
      const candidate = keyCandidate(`doctl serverless credentials (${file})`, { apihost, auth, namespace, label });
      return found(candidate, note ? `${file}, ${note}` : file);
    },
  },
  {
    id: 'wskprops',
    name: '.wskprops',
    attempt: ({ env, warn }) => {
      const path = wskpropsPath(env);
      let text: string | undefined;
      try {
        text = readCredentialFile(path, warn);
      } catch (error) {
        // Another tool's file: unreadable is worth a warning, not a reason to stop.
        if (!(error instanceof FileUnreadable)) throw error;
        warn(`warning: ${error.message}`);
        return absent(error.message);
      }
      if (text === undefined) return absent(`no ${path}`);
      const props = parseWskprops(text);
      if (!props.apihost || !props.auth)
        return { outcome: 'incomplete', detail: `${path} has no ${props.apihost ? 'AUTH' : 'APIHOST'}` };
      const { apihost, auth, namespace } = props;
      return found(keyCandidate(`wsk properties (${path})`, { apihost, auth: new Secret(auth), namespace }), path);
    },
  },
  {
    id: 'do-token',
    name: 'DigitalOcean token',
    attempt: ({ flags, env, warn }) => {
      const doToken = findDoToken(env, warn);
      if (!doToken) return absent('DIGITALOCEAN_ACCESS_TOKEN is not set and doctl has no token (doctl auth init)');
      const api = doToken.baseUrl ? ` (DO API at ${doToken.baseUrl})` : '';
      return found(tokenCandidate(doToken, Boolean(flags.insecure)), `token from ${doToken.origin}${api}`);
    },
  },
];
