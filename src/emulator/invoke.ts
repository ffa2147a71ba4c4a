// POST …/actions/{[pkg/]name} (reference §4): runs the function's simulated behaviour with the
// given parameters. Blocking calls wait up to min(timeout, blockingWaitMs), then are demoted to 202.
// Records: non-blocking and demoted invokes get one; completed blocking ones only with storeAlways.
import { ACTIVATION_ID_HEADER, INVOKE_TIMEOUT_MAX_MS, type WireActivation } from '../api/types.js';
import type { Engine } from './engine.js';
import { BadRequest, NOT_FOUND, booleanParam, json, owError, type Reply, type Request } from './http.js';
import { planActivation } from './plan.js';
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import type { InvokeThrottle } from './throttle.js';
import { findAction, type ActionSpec } from './world.js';

export const MAX_PAYLOAD_BYTES = 1_048_576;

export interface InvokeContext {
  engine: Engine;
  throttle: InvokeThrottle;
  scheduler: Scheduler;
  /** The invoke stream: API invocations never shift the generated traffic. */
  random: Random;
  now: () => number;
  blockingWaitMs: number;
  storeAlways: boolean;
  maxDurationMs?: number;
}

function timeoutParam(query: URLSearchParams): number {
  const text = query.get('timeout');
  if (text === null) return INVOKE_TIMEOUT_MAX_MS;
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= INVOKE_TIMEOUT_MAX_MS)) {
    throw new BadRequest(`Timeout must be number of milliseconds up to ${INVOKE_TIMEOUT_MAX_MS}.`);
  }
  return value;
}

/** Empty body = no parameters; a JSON object or array is passed through; anything else is a 400. */
function parsePayload(text: string): Record<string, unknown> | unknown[] {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequest(
      `The request content was malformed:\n${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (value === null || typeof value !== 'object') {
    throw new BadRequest('The request content was malformed:\nExpected a JSON object or array.');
  }
  return value as Record<string, unknown> | unknown[];
}

/** Bound parameters under the invoke's own; final ones may not be overridden. */
function mergeParams(spec: ActionSpec, payload: Record<string, unknown> | unknown[]): unknown {
  if (Array.isArray(payload)) return payload;
  const bound = Object.fromEntries(spec.parameters.map((parameter) => [parameter.key, parameter.value]));
  if (spec.finalParameters && Object.keys(payload).some((key) => key in bound)) {
    throw new BadRequest('Request defines parameters that are not allowed (e.g., reserved properties).');
  }
  return { ...bound, ...payload };
}

function httpStatusFor(record: WireActivation): number {
  if (record.response.success) return 200;
  return record.response.status === 'whisk internal error' ? 500 : 502;
}

export async function invoke(request: Request, context: InvokeContext, key: string): Promise<Reply> {
  const body = await request.readBody(MAX_PAYLOAD_BYTES);
  if (body.size > MAX_PAYLOAD_BYTES) {
    return owError(413, `Request larger than allowed: ${body.size} > ${MAX_PAYLOAD_BYTES} bytes.`, request.txid);
  }
  const blocking = booleanParam(request.query, 'blocking');
  const resultOnly = booleanParam(request.query, 'result');
  const timeoutMs = timeoutParam(request.query);
  const payload = parsePayload(body.text);
  const spec = findAction(key);
  if (!spec) return owError(404, NOT_FOUND, request.txid);
  const params = mergeParams(spec, payload);
  // Only well-formed invokes of real functions count towards the throttles.
  const refusal = context.throttle.admit(context.now());
  if (refusal) return owError(429, refusal, request.txid);

  const plan = planActivation(spec, params, context.random, { maxDurationMs: context.maxDurationMs });
  const idHeader = { [ACTIVATION_ID_HEADER]: plan.activationId };
  const accepted = json(202, { activationId: plan.activationId }, idHeader);
  let demoted = false;
  return new Promise<Reply>((resolve) => {
    let answered = !blocking;
    context.engine.run(plan, context.now() + plan.waitTime, {
      keep: () => !blocking || demoted || context.storeAlways,
      onEnd: (record) => {
        context.throttle.release();
        if (answered) return;
        answered = true;
        const reply = resultOnly ? record.response.result : { ...record, logs: [] };
        resolve(json(httpStatusFor(record), reply, idHeader));
      },
    });
    if (!blocking) {
      resolve(accepted);
      return;
    }
    context.scheduler.after(Math.min(timeoutMs, context.blockingWaitMs), () => {
      if (answered) return;
      answered = true;
      demoted = true;
      resolve(accepted);
    });
  });
}
