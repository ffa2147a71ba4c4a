// Which of a DigitalOcean account's namespaces to use: the only one; else the one named by
// --namespace (id or label); else the one picked last time; else ask (with a terminal); else
// say how to choose.
import type { NamespaceSummary } from './do-token.js';

/** Asks the person to pick one (e.g. a numbered prompt); undefined when they gave up. */
export type NamespaceAsker = (namespaces: readonly NamespaceSummary[]) => Promise<NamespaceSummary | undefined>;

export interface PickOptions {
  /** --namespace or the context's namespace: a namespace id or a label. */
  wanted?: string;
  /** The namespace id remembered from an earlier pick. */
  remembered?: string;
  ask?: NamespaceAsker;
}

export type PickResult =
  | { ok: true; namespace: NamespaceSummary; how: 'only' | 'named' | 'remembered' | 'asked' }
  | { ok: false; usage: boolean; message: string };

function describeNamespaces(namespaces: readonly NamespaceSummary[]): string {
  return namespaces.map((namespace) => `${namespace.label} (${namespace.namespace})`).join(', ');
}

export function matchNamespace(namespaces: readonly NamespaceSummary[], wanted: string): NamespaceSummary | undefined {
  return (
    namespaces.find((namespace) => namespace.namespace === wanted) ??
    namespaces.find((namespace) => namespace.label === wanted)
  );
}

export async function pickNamespace(
  namespaces: readonly NamespaceSummary[],
  options: PickOptions,
): Promise<PickResult> {
  if (namespaces.length === 0) {
    const message =
      'this DigitalOcean account has no functions namespaces; create one: doctl serverless namespaces create --label NAME --region nyc1';
    return { ok: false, usage: false, message };
  }
  if (options.wanted !== undefined) {
    const named = matchNamespace(namespaces, options.wanted);
    if (named) return { ok: true, namespace: named, how: 'named' };
    return {
      ok: false,
      usage: true,
      message: `no functions namespace '${options.wanted}'; the account has: ${describeNamespaces(namespaces)}`,
    };
  }
  if (namespaces.length === 1) return { ok: true, namespace: namespaces[0]!, how: 'only' };
  const remembered = options.remembered && namespaces.find((namespace) => namespace.namespace === options.remembered);
  if (remembered) return { ok: true, namespace: remembered, how: 'remembered' };
  const asked = options.ask && (await options.ask(namespaces));
  if (asked) return { ok: true, namespace: asked, how: 'asked' };
  const labels = namespaces.map((namespace) => namespace.label).join(', ');
  return {
    ok: false,
    usage: true,
    message: `the DigitalOcean account has several functions namespaces (${labels}): pass --namespace LABEL`,
  };
}
