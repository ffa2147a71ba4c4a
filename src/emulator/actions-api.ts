// Read-only entity APIs (reference §5): actions (list, per package, one), packages, namespaces.
// Environment such as LOG_DESTINATIONS is never shown; bound parameters are.
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '../api/types.js';
import type { WireAction, WireActionSummary, WireAnnotation, WirePackageSummary } from '../api/types.js';
import { NOT_FOUND, booleanParam, json, listLimit, listSkip, owError, type Reply, type Request } from './http.js';
import { ACTIONS, PACKAGES, findAction, type ActionSpec } from './world.js';

function entityNamespace(namespace: string, spec: ActionSpec): string {
  return spec.pkg ? `${namespace}/${spec.pkg}` : namespace;
}

function actionAnnotations(spec: ActionSpec): WireAnnotation[] {
  const list: WireAnnotation[] = [
    { key: 'provide-api-key', value: false },
    { key: 'exec', value: spec.kind },
  ];
  if (spec.finalParameters) list.push({ key: 'final', value: true });
  return list;
}

function summary(namespace: string, spec: ActionSpec): WireActionSummary {
  return {
    namespace: entityNamespace(namespace, spec),
    name: spec.name,
    version: spec.version,
    publish: false,
    annotations: actionAnnotations(spec),
    limits: { ...spec.limits },
    exec: { binary: false },
    updated: spec.updated,
  };
}

const newestFirst = <T extends { updated: number; name: string }>(a: T, b: T): number =>
  b.updated - a.updated || a.name.localeCompare(b.name);

/** Applies limit/skip/count the way every upstream list does. */
function page<T>(request: Request, collection: string, items: T[]): Reply {
  const skip = listSkip(request.query, collection);
  const limit = listLimit(request.query, collection, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
  if (booleanParam(request.query, 'count')) return json(200, { [collection]: Math.max(0, items.length - skip) });
  return json(200, items.slice(skip, skip + limit));
}

export function listActions(request: Request, namespace: string): Reply {
  const items = ACTIONS.map((spec) => summary(namespace, spec)).sort(newestFirst);
  return page(request, 'actions', items);
}

/** GET …/actions/{pkg}/: upstream lists whatever is in that package, [] for an unknown one. */
export function listPackageActions(namespace: string, pkg: string): Reply {
  const items = ACTIONS.filter((spec) => spec.pkg === pkg)
    .map((spec) => summary(namespace, spec))
    .sort(newestFirst);
  return json(200, items);
}

export function getAction(request: Request, namespace: string, key: string): Reply {
  const spec = findAction(key);
  if (!spec) return owError(404, NOT_FOUND, request.txid);
  const withCode = booleanParam(request.query, 'code', true);
  const exec: WireAction['exec'] = spec.components
    ? { kind: 'sequence', components: spec.components.map((component) => `/${namespace}/${component}`), binary: false }
    : { kind: spec.kind, binary: false, main: 'main', ...(withCode ? { code: spec.code } : {}) };
  const action: WireAction = {
    namespace: entityNamespace(namespace, spec),
    name: spec.name,
    version: spec.version,
    publish: false,
    annotations: actionAnnotations(spec),
    limits: { ...spec.limits },
    exec,
    parameters: spec.parameters.map((parameter) => ({ ...parameter })),
    updated: spec.updated,
  };
  return json(200, action);
}

export function listPackages(request: Request, namespace: string): Reply {
  booleanParam(request.query, 'public');
  const items: WirePackageSummary[] = PACKAGES.map((pkg) => ({
    namespace,
    name: pkg.name,
    version: pkg.version,
    publish: false,
    annotations: [],
    binding: false as const,
    updated: pkg.updated,
  })).sort(newestFirst);
  return page(request, 'packages', items);
}
