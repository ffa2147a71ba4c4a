// Routing for /api/v1 (OpenWhisk): Basic auth, namespace check, then the collection handlers.
import { getActivation, listActivations, type ActivationsApiContext } from './activations-api.js';
import { getAction, listActions, listPackageActions, listPackages } from './actions-api.js';
import { NOT_FOUND, json, methodNotAllowed, owError, validateEntityName, type Reply, type Request } from './http.js';
import { invoke, type InvokeContext } from './invoke.js';
import type { Identity } from './world.js';

export interface OpenWhiskContext {
  identity: Identity;
  activations: ActivationsApiContext;
  invoke: InvokeContext;
}

const CHALLENGE = { 'www-authenticate': 'Basic realm="whisk rest service"' };

/** 401 texts are akka's, wrapped in the OpenWhisk error body. */
function authenticate(request: Request, identity: Identity): Reply | undefined {
  const header = request.headers.authorization;
  if (!header)
    return owError(
      401,
      'The resource requires authentication, which was not supplied with the request',
      request.txid,
      CHALLENGE,
    );
  const match = /^Basic\s+(\S+)$/i.exec(header);
  const credential = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
  if (credential !== `${identity.uuid}:${identity.key}`)
    return owError(401, 'The supplied authentication is invalid', request.txid, CHALLENGE);
  return undefined;
}

function only(request: Request, methods: string[], handle: () => Reply | Promise<Reply>): Reply | Promise<Reply> {
  return methods.includes(request.method) ? handle() : methodNotAllowed(methods, request.txid);
}

function activationsRoute(request: Request, context: OpenWhiskContext, rest: string[]): Reply | Promise<Reply> {
  const [id, part, ...extra] = rest;
  if (extra.length > 0 || (part !== undefined && part !== 'logs' && part !== 'result'))
    return owError(404, NOT_FOUND, request.txid);
  if (id === undefined) return only(request, ['GET'], () => listActivations(request, context.activations));
  return only(request, ['GET'], () => getActivation(request, context.activations, id, part ?? 'record'));
}

function actionsRoute(request: Request, context: OpenWhiskContext, rest: string[]): Reply | Promise<Reply> {
  const namespace = context.identity.namespace;
  if (rest.length === 0) return only(request, ['GET'], () => listActions(request, namespace));
  if (rest.length > 2) return owError(404, NOT_FOUND, request.txid);
  rest.forEach(validateEntityName);
  if (rest.length === 1 && request.trailingSlash)
    return only(request, ['GET'], () => listPackageActions(namespace, rest[0] ?? ''));
  const key = rest.join('/');
  return only(request, ['GET', 'POST'], () =>
    request.method === 'GET' ? getAction(request, namespace, key) : invoke(request, context.invoke, key),
  );
}

/** Answers a request whose path starts with /api/v1. */
export function handleOpenWhisk(request: Request, context: OpenWhiskContext): Reply | Promise<Reply> {
  const refused = authenticate(request, context.identity);
  if (refused) return refused;
  const [, , namespaces, namespace, collection, ...rest] = request.segments;
  if (namespaces !== 'namespaces') return owError(404, NOT_FOUND, request.txid);
  if (namespace === undefined) return only(request, ['GET'], () => json(200, [context.identity.namespace]));
  // Another namespace: upstream's entitlement check answers 403, whether or not it exists.
  if (namespace !== '_' && namespace !== context.identity.namespace) {
    return owError(403, 'The supplied authentication is not authorized to access this resource.', request.txid);
  }
  switch (collection) {
    case 'activations':
      return activationsRoute(request, context, rest);
    case 'actions':
      return actionsRoute(request, context, rest);
    case 'packages':
      return rest.length === 0
        ? only(request, ['GET'], () => listPackages(request, context.identity.namespace))
        : owError(404, NOT_FOUND, request.txid);
    default:
      return owError(404, NOT_FOUND, request.txid);
  }
}
