// Web invocations (GET/POST /api/v1/web/{ns}/{pkg}/{fn}, no auth): the function runs, the caller
// gets its result, and no activation record is kept. For a function with LOG_DESTINATIONS its
// lines then exist only at the destination. Also plays a trickle of them as generated traffic.
import type { WireActivation } from '../api/types.js';
import type { Engine } from './engine.js';
import { TRAFFIC_PARAMS } from './functions.js';
import { NOT_FOUND, json, owError, type Reply, type Request } from './http.js';
import { planActivation } from './plan.js';
import { Random } from './random.js';
import type { Scheduler } from './scheduler.js';
import { ACTIONS, findAction } from './world.js';

export interface WebContext {
  namespace: string;
  engine: Engine;
  scheduler: Scheduler;
  random: Random;
  now: () => number;
  maxDurationMs?: number;
}

const NO_RECORD = { keep: () => false };

export class WebInvoker {
  constructor(private readonly context: WebContext) {}

  serves(request: Pick<Request, 'segments'>): boolean {
    const [api, v1, web] = request.segments;
    return api === 'api' && v1 === 'v1' && web === 'web';
  }

  handle(request: Request): Reply | Promise<Reply> {
    const [, , , namespace, pkg, name, ...rest] = request.segments;
    const key = pkg === 'default' ? name : `${pkg}/${name}`;
    const spec = key && rest.length === 0 ? findAction(key) : undefined;
    if ((namespace !== this.context.namespace && namespace !== '_') || !spec || spec.components) {
      return owError(404, NOT_FOUND, request.txid);
    }
    const params = Object.fromEntries(request.query);
    return new Promise((resolve) => this.run(key!, params, (record) => resolve(webReply(record, request.txid))));
  }

  /** Runs `key` as a web invocation; `onEnd` gets the record that is never stored. */
  run(key: string, params: Record<string, unknown>, onEnd?: (record: WireActivation) => void): void {
    const spec = findAction(key);
    if (!spec) return;
    const { random, maxDurationMs, engine, now } = this.context;
    const plan = planActivation(spec, params, random, { maxDurationMs });
    engine.run(plan, now() + plan.waitTime, { ...NO_RECORD, ...(onEnd && { onEnd }) });
  }
}

/** A web action's result: `{statusCode, body}` becomes the HTTP reply; a failure is a 502. */
function webReply(record: WireActivation, txid: string): Reply {
  const result = record.response.result as { statusCode?: unknown; body?: unknown } | undefined;
  if (!record.response.success) return owError(502, 'The action did not produce a valid response.', txid);
  const status = typeof result?.statusCode === 'number' ? result.statusCode : 200;
  return json(status, result?.body ?? result ?? {});
}

/** Web invocations of the forwarding functions at `rate` per second (Poisson arrivals). */
export function startWebTraffic(web: WebInvoker, scheduler: Scheduler, rate: number, seed: number): void {
  const random = new Random(seed, 'web-traffic');
  const forwarding = ACTIONS.filter((spec) => spec.logDestination && !spec.components && spec.weight > 0);
  if (forwarding.length === 0) return;
  const next = () => {
    scheduler.after(random.exponential(1000 / rate), () => {
      const spec = forwarding[random.weightedIndex(forwarding.map((candidate) => candidate.weight))]!;
      web.run(spec.key, TRAFFIC_PARAMS[spec.key]?.(random) ?? {});
      next();
    });
  };
  next();
}
