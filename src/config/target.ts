// The resolved Target (which namespace, with which credential, from which source) and the
// shapes that describe how it was found. The credential is a Secret: printing a Target, or
// turning it into JSON, never shows the key.
import type { Config } from './config-file.js';
import type { Secret } from './secret.js';

export interface Target {
  apihost: string;
  /** The namespace credential `uuid:key`. Use auth.reveal() only to hand it to the API client. */
  auth: Secret;
  namespace?: string;
  /** The namespace's label, when DigitalOcean or doctl told us (e.g. "staging"). */
  label?: string;
  /** Where it came from, e.g. "config.yaml context 'prod' (/home/me/.config/fnmon/config.yaml)". */
  source: string;
  allowInsecureHttp: boolean;
}

export interface ConnectionFlags {
  apihost?: string;
  auth?: string;
  namespace?: string;
  /** --context NAME: a context of config.yaml, instead of its current-context. */
  context?: string;
  insecure?: boolean;
}

/** One credential source as tried: `used` is the winner; sources after it are not tried. */
export interface SourceReport {
  source: string;
  outcome: 'used' | 'absent' | 'incomplete';
  detail: string;
}

interface Report {
  /** In order of precedence, up to and including the one used. */
  tried: SourceReport[];
  /** One line each, e.g. a credentials file other users can read. */
  warnings: string[];
  /** config.yaml, when there is one: UI preferences and key remaps for the monitor. */
  config?: Config;
}

export type TargetResolution =
  ({ ok: true; target: Target } & Report) | ({ ok: false; kind: 'usage' | 'no-credentials'; message: string } & Report);

/** Shown when no source has credentials, by the CLI and the monitor alike. */
export const NO_CREDENTIALS_MESSAGE = [
  "no credentials found. Tried: --apihost/--auth and --context flags, FNMON_APIHOST/FNMON_AUTH, __OW_API_HOST/__OW_API_KEY, WHISK_APIHOST/WHISK_AUTH, fnmon's config.yaml, doctl's serverless credentials, ~/.wskprops, a DigitalOcean token (DIGITALOCEAN_ACCESS_TOKEN or doctl's config).",
  'Fix: fnmon --apihost https://faas-….doserverless.co --auth UUID:KEY   (or try the demo: fnmon --demo)',
].join('\n');

/** One line for people and logs: everything but the key, of which only the first characters show. */
export function describeTarget(target: Target): string {
  const namespace = target.namespace ?? "the key's own namespace";
  const label = target.label ? ` (${target.label})` : '';
  return `${target.apihost}, namespace ${namespace}${label}, key ${target.auth.preview()}, from ${target.source}`;
}
