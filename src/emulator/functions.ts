// What each emulated function does with its parameters: result, log lines, run time.
// Outcomes depend on the parameters wherever possible (a declined card declines again on re-invoke);
// the random stream only adds latency and rare crashes. Platform effects (cold starts, timeouts,
// internal errors, log forwarding) are applied later by plan.ts.
import type { Random } from './random.js';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  message: string;
}

export type Params = Record<string, unknown>;

export interface Outcome {
  /** 0 success, 1 application error, 2 developer error (3 is the platform's, never a function's). */
  statusCode: 0 | 1 | 2;
  result: unknown;
  logs: LogLine[];
  /** How long the function would run; beyond its time limit it becomes a timeout. */
  runMs: number;
}

type Behaviour = (params: Params, random: Random) => Outcome;

export const DEV_ERROR_CRASH = 'The action did not produce a valid response and exited unexpectedly.';
export const DEV_ERROR_MEMORY = 'The action exhausted its memory and was aborted.';
const DECLINED_CARDS = new Set(['4000000000000002', '4000000000009995']);
const REFUNDED_CHARGES = new Set(['ch_3NqL2dKx', 'ch_3NqLx9Pa']);
const MISSING_USERS = new Set([4821, 9034, 1177]);
const NAMES = ['sammy', 'Archie', 'Ada', 'Grace', 'Linus', 'Margaret', 'Ken'];

const out = (message: string): LogLine => ({ stream: 'stdout', message });
const err = (message: string): LogLine => ({ stream: 'stderr', message });
const ms = (value: number): number => Math.max(1, Math.round(value));

function ok(result: unknown, logs: LogLine[], runMs: number): Outcome {
  return { statusCode: 0, result, logs, runMs: ms(runMs) };
}
function appError(message: string, logs: LogLine[], runMs: number): Outcome {
  return { statusCode: 1, result: { error: message }, logs, runMs: ms(runMs) };
}
function devError(message: string, logs: LogLine[], runMs: number): Outcome {
  return { statusCode: 2, result: { error: message }, logs, runMs: ms(runMs) };
}
const missing = (name: string, random: Random): Outcome =>
  appError(`missing required parameter '${name}'`, [], random.logNormal(4, 0.3));

const hello: Behaviour = (p, r) => {
  const name = p.name ?? 'stranger';
  if (typeof name !== 'string') return appError(`name must be a string, got ${typeof name}`, [], r.logNormal(3, 0.3));
  return ok({ body: `Hello ${name}` }, [out(`Hello ${name}`)], r.logNormal(4, 0.5));
};

const delay: Behaviour = (p, r) => {
  const wait = p.ms ?? 1000;
  if (typeof wait !== 'number' || !(wait >= 0))
    return appError('ms must be a number of milliseconds', [], r.logNormal(3, 0.3));
  return ok({ body: { sleptMs: wait } }, [out(`sleeping for ${wait} ms`), out('awake')], wait + r.int(1, 4));
};

const charge: Behaviour = (p, r) => {
  const orderId = p.orderId ?? r.int(1000, 9999);
  if (p.amount === undefined) return missing('amount', r);
  if (typeof p.amount !== 'number' || p.amount <= 0)
    return appError(`invalid amount ${JSON.stringify(p.amount)}`, [], r.logNormal(4, 0.3));
  const currency = String(p.currency ?? 'usd');
  const logs = [out(`charging order ${orderId} (${p.amount} ${currency})`)];
  const runMs = r.logNormal(320, 0.35);
  if (DECLINED_CARDS.has(String(p.card))) {
    logs.push(err('declined by processor: insufficient_funds'));
    return appError('card declined', logs, runMs);
  }
  if (r.chance(0.01)) {
    logs.push(
      err("TypeError: Cannot read properties of undefined (reading 'id')"),
      err('    at charge (/action/index.js:27:31)'),
    );
    return devError(DEV_ERROR_CRASH, logs, runMs);
  }
  const chargeId = `ch_${r.hex(12)}`;
  logs.push(out(`charged ${p.amount} ${currency}: ${chargeId}`));
  return ok({ body: { chargeId, orderId, amount: p.amount, currency, status: 'succeeded' } }, logs, runMs);
};

const refund: Behaviour = (p, r) => {
  if (typeof p.chargeId !== 'string') return missing('chargeId', r);
  const logs = [out(`refunding ${p.chargeId}`)];
  const runMs = r.logNormal(450, 0.4);
  if (REFUNDED_CHARGES.has(p.chargeId)) return appError(`charge ${p.chargeId} has already been refunded`, logs, runMs);
  if (r.chance(0.02)) {
    logs.push(
      err('Traceback (most recent call last):'),
      err('  File "/action/__main__.py", line 18, in main'),
      err('    return refund(args["chargeId"], args["amount"])'),
      err("KeyError: 'amount'"),
    );
    return devError(DEV_ERROR_CRASH, logs, runMs);
  }
  const refundId = `re_${r.hex(12)}`;
  // A JSON line: Datadog turns its fields into attributes (log-forwarding.md §3.2).
  logs.push(out(JSON.stringify({ level: 'info', msg: 'refund created', refundId })));
  return ok({ body: { refundId, chargeId: p.chargeId, status: 'pending' } }, logs, runMs);
};

const thumbnail: Behaviour = (p, r) => {
  if (typeof p.url !== 'string') return missing('url', r);
  const width = typeof p.width === 'number' ? p.width : 256;
  const logs = [out(`fetching ${p.url}`)];
  // Huge TIFFs never finish decoding within the limit: the platform times them out.
  if (p.url.endsWith('.tiff')) return ok({}, [...logs, out('decoding tiff')], 3_600_000);
  if (p.url.includes('/missing/')) return appError(`source image not found: ${p.url}`, logs, r.logNormal(120, 0.3));
  if (width > 4096) return devError(DEV_ERROR_MEMORY, logs, r.logNormal(1400, 0.3));
  const runMs = r.logNormal(900, 0.45);
  const height = Math.round((width * 9) / 16);
  logs.push(out(`resized 1920x1080 -> ${width}x${height} in ${Math.round(runMs * 0.8)}ms`));
  const file = p.url.split('/').pop() ?? 'image.jpg';
  return ok(
    { body: { thumbnail: `s3://${String(p.bucket ?? 'media-uploads')}/thumbs/${file}`, width, height } },
    logs,
    runMs,
  );
};

const resize: Behaviour = (p, r) => {
  if (typeof p.key !== 'string') return missing('key', r);
  const width = typeof p.width === 'number' ? p.width : 1024;
  return ok(
    { key: `resized/${p.key}`, width, height: Math.round((width * 3) / 4) },
    [out(`resizing ${p.key} to ${width}px`)],
    r.logNormal(600, 0.4),
  );
};

const tag: Behaviour = (p, r) => {
  if (typeof p.key !== 'string') return missing('key', r);
  const runMs = r.logNormal(250, 0.4);
  if (r.chance(0.03))
    return appError(`no labels detected in ${p.key}`, [err(`vision api returned 0 labels for ${p.key}`)], runMs);
  const tags = [r.pick(['beach', 'city', 'forest', 'night']), r.pick(['people', 'dog', 'car', 'food'])];
  return ok({ key: p.key, tags }, [out(`tagged ${p.key}: ${tags.join(', ')}`)], runMs);
};

const users: Behaviour = (p, r) => {
  const runMs = r.logNormal(40, 0.4);
  if (p.userId === undefined)
    return ok({ body: { users: [1021, 1022, 1023], page: 1 } }, [out('GET /users page=1')], runMs);
  const id = Number(p.userId);
  const logs = [out(`GET /users/${String(p.userId)}`)];
  if (!Number.isInteger(id)) return appError(`invalid user id ${JSON.stringify(p.userId)}`, logs, runMs);
  if (MISSING_USERS.has(id)) return appError(`user ${id} not found`, logs, runMs);
  if (r.chance(0.02)) logs.push(err('PHP Warning:  Undefined array key "email" in /action/index.php on line 17'));
  return ok({ body: { id, name: r.pick(NAMES), plan: r.pick(['free', 'pro', 'team']) } }, logs, runMs);
};

const webhook: Behaviour = (p, r) => {
  const event = String(p.event ?? 'ping');
  const logs = [out(`received ${event} event`)];
  const runMs = r.logNormal(60, 0.4);
  if (typeof p.signature !== 'string')
    return appError('signature mismatch', [...logs, err('rejecting unsigned payload')], runMs);
  const job = `job_${r.hex(8)}`;
  logs.push(out(`queued ${job}`));
  return ok({ statusCode: 202, body: { queued: job, event } }, logs, runMs);
};

const cleanup: Behaviour = (p, r) => {
  const logs = [out('scanning sessions idle for more than 72h')];
  // Verbose runs print a line per session: enough to hit the 256 KB log cap.
  const count = p.verbose === true ? r.int(3000, 6000) : r.int(20, 400);
  if (p.verbose === true) {
    for (let i = 0; i < count; i++)
      logs.push(out(`deleted session sess_${r.hex(16)} (idle ${r.int(3, 30)}d, ${r.int(1, 64)} KB)`));
  }
  logs.push(out(`deleted ${count} stale sessions`));
  return ok({ deleted: count }, logs, r.logNormal(1800, 0.5));
};

const healthcheck: Behaviour = (_p, r) => ok({ body: { status: 'ok' } }, [], r.logNormal(2, 0.3));

const BEHAVIOURS: Record<string, Behaviour> = {
  'sample/hello': hello,
  'sample/delay': delay,
  'billing/charge': charge,
  'billing/refund': refund,
  'images/thumbnail': thumbnail,
  'images/resize': resize,
  'images/tag': tag,
  'api/users': users,
  'api/webhook': webhook,
  'cron/cleanup': cleanup,
  healthcheck,
};

/** Runs the behaviour of a (non-sequence) function. Array parameters reach it as no named parameters. */
export function runBehaviour(key: string, params: unknown, random: Random): Outcome {
  const behaviour = BEHAVIOURS[key];
  if (!behaviour) throw new Error(`no behaviour for ${key}`);
  const named = params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as Params) : {};
  return behaviour(named, random);
}

/** Parameters the generated traffic sends each function: mostly good, sometimes the ones that fail. */
export const TRAFFIC_PARAMS: Record<string, (random: Random) => Params> = {
  'sample/hello': (r) => ({ name: r.pick(NAMES) }),
  'sample/delay': (r) => ({ ms: r.int(200, 2500) }),
  'billing/charge': (r) => ({
    orderId: r.int(1000, 9999),
    ...(r.chance(0.02) ? {} : { amount: r.int(199, 25_000) / 100 }),
    card: r.chance(0.08) ? r.pick([...DECLINED_CARDS]) : '4242424242424242',
  }),
  'billing/refund': (r) => ({ chargeId: r.chance(0.1) ? r.pick([...REFUNDED_CHARGES]) : `ch_${r.hex(8)}` }),
  'images/thumbnail': (r) => ({
    url: `https://cdn.example.com/${r.chance(0.03) ? 'missing/' : 'u/'}${r.int(100, 999)}${r.chance(0.04) ? '-scan.tiff' : '.jpg'}`,
    width: r.chance(0.01) ? 8192 : r.pick([128, 256, 512]),
  }),
  'pipelines/resize-and-tag': (r) => ({
    key: `uploads/IMG_${r.int(1000, 9999)}.jpg`,
    width: r.pick([800, 1024, 2048]),
  }),
  'api/users': (r) =>
    r.chance(0.15) ? {} : { userId: r.chance(0.1) ? r.pick([...MISSING_USERS]) : r.int(1000, 9999) },
  'api/webhook': (r) => ({
    event: r.pick(['push', 'order.created', 'invoice.paid']),
    ...(r.chance(0.05) ? {} : { signature: `sha256=${r.hex(16)}` }),
  }),
  'cron/cleanup': (r) => ({ verbose: r.chance(0.03) }),
  healthcheck: () => ({}),
};
