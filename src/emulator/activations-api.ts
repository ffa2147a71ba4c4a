// GET …/activations (list, count) and GET …/activations/{id}[/logs|/result] (reference §2).
import { LIST_LIMIT_DEFAULT, STATUS_TEXT } from '../api/types.js';
import {
  BadRequest,
  NOT_FOUND,
  booleanParam,
  json,
  listLimit,
  listSkip,
  owError,
  type Reply,
  type Request,
} from './http.js';
import type { RecordQuery, RecordStore } from './record-store.js';

export interface ActivationsApiContext {
  store: RecordStore;
  listLimitMax: number;
}

const COLLECTION = 'activations';

/** since/upto: epoch ms as a Long; the upstream message says "seconds" (Messages.badEpoch). */
function epochParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new BadRequest(`Parameter is not a valid value for epoch seconds: ${text}`);
  return value;
}

/** `fn` or `pkg/fn`; blank is ignored; three or more segments is a 400. */
function nameParam(query: URLSearchParams): string | undefined {
  const text = query.get('name');
  if (text === null || text.trim() === '') return undefined;
  const parts = text.split('/');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw new BadRequest(`Parameter may be a 'simple' name or 'package-name/simple' name: ${text}`);
  }
  return text;
}

function statusCodeOf(body: Record<string, unknown>): number {
  const response = body.response as { status?: unknown; success?: unknown } | undefined;
  const index = STATUS_TEXT.indexOf(response?.status as (typeof STATUS_TEXT)[number]);
  if (index >= 0) return index;
  return response?.success === true ? 0 : 2;
}

/** docs=false shape (reference §3.2): no response, logs or subject; end-derived fields only once ended. */
export function summarize(body: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of ['namespace', 'name', 'version', 'publish', 'annotations', 'activationId', 'start']) {
    if (body[key] !== undefined) summary[key] = body[key];
  }
  const end = body.end;
  const ended = typeof end === 'number' && end !== 0;
  if (ended) {
    summary.end = end;
    summary.duration = end - (typeof body.start === 'number' ? body.start : 0);
  }
  if (body.cause !== undefined) summary.cause = body.cause;
  if (ended) summary.statusCode = statusCodeOf(body);
  return summary;
}

export function listActivations(request: Request, context: ActivationsApiContext): Reply {
  const { query } = request;
  // Validated in upstream's parameter order, so the first bad one is the one reported.
  const skip = listSkip(query, COLLECTION);
  const limit = listLimit(query, COLLECTION, Math.min(LIST_LIMIT_DEFAULT, context.listLimitMax), context.listLimitMax);
  const count = booleanParam(query, 'count');
  const docs = booleanParam(query, 'docs');
  const name = nameParam(query);
  const since = epochParam(query, 'since');
  const upto = epochParam(query, 'upto');
  const recordQuery: RecordQuery = { skip, limit, name, since, upto };
  if (count && docs) return owError(400, "The parameter 'docs' is not permitted with 'count'.", request.txid);
  if (count) return json(200, { activations: context.store.count(recordQuery) });
  const rows = context.store.list(recordQuery);
  return json(
    200,
    rows.map((row) => (docs ? row.body : summarize(row.body))),
  );
}

/** Upstream ActivationId.parse messages. */
function validateActivationId(id: string): void {
  if (id.length !== 32) throw new BadRequest(`Activation id length is ${id.length} but must be 32.`);
  if (!/^[0-9a-f]{32}$/.test(id)) throw new BadRequest('The activation id is not valid.');
}

export type ActivationPart = 'record' | 'logs' | 'result';

export function getActivation(
  request: Request,
  context: ActivationsApiContext,
  id: string,
  part: ActivationPart,
): Reply {
  validateActivationId(id);
  const record = context.store.get(id);
  if (!record) return owError(404, NOT_FOUND, request.txid);
  const body = record.body;
  if (part === 'logs') return json(200, { logs: Array.isArray(body.logs) ? body.logs : [] });
  if (part === 'result') {
    const response = (body.response ?? {}) as Record<string, unknown>;
    return json(200, {
      result: response.result,
      ...(typeof response.size === 'number' ? { size: response.size } : {}),
      status: response.status,
      success: response.success,
    });
  }
  return json(200, body);
}
