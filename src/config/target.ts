// Which namespace to talk to, and with which credential. Sources are tried in order and the
// first complete one wins; the result says which, so `doctor` and errors can tell the person.

export interface Target {
  apihost: string;
  /** The namespace credential `uuid:key`. Never printed. */
  auth: string;
  namespace?: string;
  /** Where it came from, e.g. "flags (--apihost/--auth)". */
  source: string;
  allowInsecureHttp: boolean;
}

export type TargetResolution = { ok: true; target: Target } | { ok: false; message: string };

export interface ConnectionFlags {
  apihost?: string;
  auth?: string;
  namespace?: string;
  insecure?: boolean;
}

interface Candidate {
  source: string;
  apihost?: string;
  auth?: string;
  namespace?: string;
}

function fromFlags(flags: ConnectionFlags): Candidate {
  return { source: 'flags (--apihost/--auth)', apihost: flags.apihost, auth: flags.auth, namespace: flags.namespace };
}

function fromFnmonEnv(env: NodeJS.ProcessEnv): Candidate {
  return {
    source: 'environment (FNMON_APIHOST/FNMON_AUTH)',
    apihost: env.FNMON_APIHOST,
    auth: env.FNMON_AUTH,
    namespace: env.FNMON_NAMESPACE,
  };
}

function fromOpenWhiskEnv(env: NodeJS.ProcessEnv): Candidate {
  return {
    source: 'environment (__OW_API_HOST/__OW_API_KEY or WHISK_APIHOST/WHISK_AUTH)',
    apihost: env.__OW_API_HOST || env.WHISK_APIHOST,
    auth: env.__OW_API_KEY || env.WHISK_AUTH,
    namespace: env.__OW_NAMESPACE,
  };
}

function isPartial(candidate: Candidate): boolean {
  return Boolean(candidate.apihost) !== Boolean(candidate.auth);
}

export function resolveTarget(flags: ConnectionFlags, env: NodeJS.ProcessEnv): TargetResolution {
  const candidates = [fromFlags(flags), fromFnmonEnv(env), fromOpenWhiskEnv(env)];
  const first = candidates[0]!;
  // A half-given flag pair is a mistake to point out, not a reason to silently use another source.
  if (isPartial(first)) {
    const missing = first.apihost ? '--auth' : '--apihost';
    return { ok: false, message: `${missing} is missing (give --apihost and --auth together)` };
  }
  for (const candidate of candidates) {
    if (!candidate.apihost || !candidate.auth) continue;
    const namespace = flags.namespace || candidate.namespace || undefined;
    return {
      ok: true,
      target: {
        apihost: candidate.apihost,
        auth: candidate.auth,
        namespace,
        source: candidate.source,
        allowInsecureHttp: Boolean(flags.insecure),
      },
    };
  }
  return {
    ok: false,
    message: [
      'no credentials found. Tried: --apihost/--auth flags, FNMON_APIHOST/FNMON_AUTH, __OW_API_HOST/__OW_API_KEY, WHISK_APIHOST/WHISK_AUTH.',
      'Fix: fnmon --apihost https://faas-….doserverless.co --auth UUID:KEY   (or try the demo: fnmon --demo)',
    ].join('\n'),
  };
}
