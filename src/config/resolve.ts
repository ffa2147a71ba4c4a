// From flags, environment and files to one Target: the sources are tried in order of precedence
// (sources.ts) and the first complete one wins. A DigitalOcean token still needs the DO API to
// list its namespaces and pick one, which is why resolution is async.
import { ConfigError, loadConfig, type Config } from './config-file.js';
import { recallNamespace, rememberNamespace } from './choice-memory.js';
import { listFunctionNamespaces, namespaceCredential, type NamespaceCredential } from './do-token.js';
import { pickNamespace, type NamespaceAsker, type PickResult } from './namespace-pick.js';
import { CREDENTIAL_SOURCES, type KeyCandidate, type SourceContext, type TokenCandidate } from './sources.js';
import {
  NO_CREDENTIALS_MESSAGE,
  type ConnectionFlags,
  type SourceReport,
  type Target,
  type TargetResolution,
} from './target.js';

export interface ResolveOptions {
  /** How to ask the person when a DigitalOcean account has several namespaces (only with a terminal). */
  askNamespace?: NamespaceAsker;
}

type Failure = Extract<TargetResolution, { ok: false }>;

const HOW_PICKED: Record<Extract<PickResult, { ok: true }>['how'], string> = {
  only: 'the only one',
  named: 'as named',
  remembered: 'picked earlier',
  asked: 'picked just now',
};

/**
 * Resolves the target. Problems the person must fix come back as `ok: false` (`usage` for a wrong
 * flag or config.yaml, exit 2); DO API failures are thrown as ApiErrors.
 */
export async function resolveTarget(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  options: ResolveOptions = {},
): Promise<TargetResolution> {
  const warnings = new Set<string>();
  const tried: SourceReport[] = [];
  const report = (config?: Config) => ({ tried, warnings: [...warnings], ...(config && { config }) });
  const fail = (kind: Failure['kind'], message: string, config?: Config): Failure => ({
    ok: false,
    kind,
    message,
    ...report(config),
  });

  // A half-given flag pair is a mistake to point out, not a reason to silently use another source.
  if (Boolean(flags.apihost) !== Boolean(flags.auth)) {
    return fail('usage', `${flags.apihost ? '--auth' : '--apihost'} is missing (give --apihost and --auth together)`);
  }
  const context: SourceContext = { flags, env, warn: (message) => warnings.add(message) };
  try {
    context.config = loadConfig(env, context.warn);
    for (const source of CREDENTIAL_SOURCES) {
      const attempt = source.attempt(context);
      if (attempt.outcome !== 'found') {
        tried.push({ source: source.name, outcome: attempt.outcome, detail: attempt.detail });
        continue;
      }
      const used: SourceReport = { source: source.name, outcome: 'used', detail: attempt.detail };
      tried.push(used);
      const { candidate } = attempt;
      if (candidate.kind === 'key') return { ok: true, target: keyTarget(candidate, flags), ...report(context.config) };
      const picked = await tokenTarget(candidate, flags, env, options);
      if (!picked.ok) return fail(picked.usage ? 'usage' : 'no-credentials', picked.message, context.config);
      used.detail += `; namespace '${picked.target.label}' (${picked.how})`;
      return { ok: true, target: picked.target, ...report(context.config) };
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail('usage', error.message, context.config);
    throw error;
  }
  return fail('no-credentials', NO_CREDENTIALS_MESSAGE, context.config);
}

/** The Target for a namespace key; --namespace overrides the source's namespace. */
export function keyTarget(candidate: KeyCandidate, flags: ConnectionFlags): Target {
  const namespace = flags.namespace || candidate.namespace;
  return {
    apihost: candidate.apihost,
    auth: candidate.auth,
    source: candidate.source,
    allowInsecureHttp: Boolean(flags.insecure),
    ...(namespace && { namespace }),
    ...(candidate.label && { label: candidate.label }),
  };
}

/** The Target for one namespace fetched through the DO API. */
export function namespaceTarget(credential: NamespaceCredential, source: string, allowInsecureHttp: boolean): Target {
  const { apihost, auth, namespace, label } = credential;
  return { apihost, auth, namespace, label, source, allowInsecureHttp };
}

type TokenResult = { ok: true; target: Target; how: string } | { ok: false; usage: boolean; message: string };

async function tokenTarget(
  candidate: TokenCandidate,
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
  options: ResolveOptions,
): Promise<TokenResult> {
  const { account } = candidate;
  const pick = await pickNamespace(await listFunctionNamespaces(account), {
    wanted: flags.namespace || candidate.namespace,
    remembered: recallNamespace(env, account.token),
    ...(options.askNamespace && { ask: options.askNamespace }),
  });
  if (!pick.ok) return pick;
  if (pick.how === 'asked') rememberNamespace(env, account.token, pick.namespace.namespace);
  const credential = await namespaceCredential(account, pick.namespace.namespace);
  return {
    ok: true,
    target: namespaceTarget(credential, candidate.source, account.allowInsecureHttp),
    how: HOW_PICKED[pick.how],
  };
}
