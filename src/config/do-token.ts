// A DigitalOcean access token as a credential source: the DO API lists the account's functions
// namespaces, and GET of one namespace hands out its API host and key (reference §7).
import { DigitalOceanClient, rewriteApiHost } from '../api/digitalocean.js';
import type { FunctionsNamespace } from '../api/types.js';
import { Secret } from './secret.js';

export interface DoAccount {
  token: Secret;
  /** DO API base URL; default https://api.digitalocean.com. */
  baseUrl?: string;
  allowInsecureHttp: boolean;
}

/** A functions namespace as the person knows it; `apihost` already has doctl's host rewrite. */
export interface NamespaceSummary {
  namespace: string;
  label: string;
  region: string;
  apihost: string;
}

export interface NamespaceCredential extends NamespaceSummary {
  auth: Secret;
}

// Retries smooth over a blip; the DO client never retries into a spent rate limit.
const DO_RETRIES = 2;

async function withClient<T>(account: DoAccount, request: (client: DigitalOceanClient) => Promise<T>): Promise<T> {
  const client = new DigitalOceanClient({
    token: account.token.reveal(),
    ...(account.baseUrl && { baseUrl: account.baseUrl }),
    allowInsecureHttp: account.allowInsecureHttp,
    retries: DO_RETRIES,
  });
  try {
    return await request(client);
  } finally {
    await client.close();
  }
}

function summary(namespace: FunctionsNamespace): NamespaceSummary {
  return {
    namespace: namespace.namespace,
    label: namespace.label ?? namespace.namespace,
    region: namespace.region ?? '',
    apihost: rewriteApiHost(namespace.api_host, namespace.namespace),
  };
}

/** The account's functions namespaces, without App Platform's own (`ap-…`), which doctl hides too. */
export function listFunctionNamespaces(account: DoAccount): Promise<NamespaceSummary[]> {
  return withClient(account, async (client) =>
    (await client.listNamespaces()).filter((namespace) => !namespace.namespace.startsWith('ap-')).map(summary),
  );
}

/** One namespace with its key. The list may omit keys; GET of the namespace always has them. */
export function namespaceCredential(account: DoAccount, namespace: string): Promise<NamespaceCredential> {
  return withClient(account, async (client) => {
    const full = await client.getNamespace(namespace);
    return { ...summary(full), auth: new Secret(`${full.uuid}:${full.key}`) };
  });
}
