// Every namespace fnmon could connect to, from every source at once: what a namespace picker
// shows. A choice carries its credential (as a Secret) so targetForChoice() can connect to it.
import { ApiError } from '../api/errors.js';
import { loadConfig } from './config-file.js';
import { rememberNamespace } from './choice-memory.js';
import { listFunctionNamespaces, namespaceCredential, type DoAccount } from './do-token.js';
import type { Warn } from './files.js';
import { keyTarget, namespaceTarget } from './resolve.js';
import { CREDENTIAL_SOURCES, contextCandidate, type Candidate, type SourceContext } from './sources.js';
import type { ConnectionFlags, Target } from './target.js';

type ChoiceAccess =
  { kind: 'key'; target: Target } | { kind: 'do'; account: DoAccount; namespace: string; source: string };

export interface NamespaceChoice {
  /** Unique within one list: API host and namespace. */
  key: string;
  /** What to show first: the DO label, else the namespace, else the host. */
  label: string;
  apihost: string;
  namespace?: string;
  /** DO region, e.g. nyc1, for namespaces listed by the DO API. */
  region?: string;
  /** Where it came from, e.g. "doctl serverless credentials (/path)". */
  source: string;
  readonly access: ChoiceAccess;
}

/**
 * Choices in order of precedence (the one `resolveTarget` would pick comes first). Each config
 * context is listed, not only the current one. A DO API failure for one token does not hide the
 * others: it goes to `onWarning`. A broken config.yaml throws ConfigError.
 */
export async function listNamespaceChoices(
  env: NodeJS.ProcessEnv,
  flags: ConnectionFlags,
  onWarning: Warn = () => undefined,
): Promise<NamespaceChoice[]> {
  const context: SourceContext = { flags, env, warn: onWarning };
  context.config = loadConfig(env, onWarning);
  const choices = new Map<string, NamespaceChoice>();
  for (const candidate of allCandidates(context)) {
    for (const choice of await choicesOf(candidate, Boolean(flags.insecure), onWarning)) {
      if (!choices.has(choice.key)) choices.set(choice.key, choice);
    }
  }
  return [...choices.values()];
}

/** The Target for a choice; for a DO namespace this fetches its key from the DO API. */
export async function targetForChoice(choice: NamespaceChoice): Promise<Target> {
  const { access } = choice;
  if (access.kind === 'key') return access.target;
  const credential = await namespaceCredential(access.account, access.namespace);
  return namespaceTarget(credential, access.source, access.account.allowInsecureHttp);
}

/** Makes a picked DO namespace the default for its token next time (other choices have nothing to remember). */
export function rememberChoice(env: NodeJS.ProcessEnv, choice: NamespaceChoice): void {
  const { access } = choice;
  if (access.kind === 'do') rememberNamespace(env, access.account.token, access.namespace);
}

function allCandidates(context: SourceContext): Candidate[] {
  const { config, flags } = context;
  return CREDENTIAL_SOURCES.flatMap((source): Candidate[] => {
    if (source.id === 'context-flag') return [];
    if (source.id === 'config') {
      return config
        ? config.contexts.map((entry) => contextCandidate(entry, config.file, Boolean(flags.insecure)))
        : [];
    }
    const attempt = source.attempt(context);
    return attempt.outcome === 'found' ? [attempt.candidate] : [];
  });
}

async function choicesOf(candidate: Candidate, insecure: boolean, warn: Warn): Promise<NamespaceChoice[]> {
  if (candidate.kind === 'key') {
    const target = keyTarget(candidate, { insecure });
    const { apihost, namespace, label, source } = target;
    const choice: NamespaceChoice = {
      key: `${apihost} ${namespace ?? '_'}`,
      label: label ?? namespace ?? apihost.replace(/^[a-z]+:\/\//i, ''),
      apihost,
      source,
      access: { kind: 'key', target },
      ...(namespace && { namespace }),
    };
    return [choice];
  }
  try {
    const namespaces = await listFunctionNamespaces(candidate.account);
    return namespaces.map(({ namespace, label, region, apihost }) => ({
      key: `${apihost} ${namespace}`,
      label,
      apihost,
      namespace,
      region,
      source: candidate.source,
      access: { kind: 'do', account: candidate.account, namespace, source: candidate.source },
    }));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    warn(`${candidate.source}: ${error.message}`);
    return [];
  }
}
