// One activation, decided up front and independent of the clock: which function, how long it waits,
// whether it starts cold, how long it runs, its status, result and log lines (as offsets from start).
// Platform effects live here: cold starts, init failures, timeouts, internal errors, log forwarding.
import type { WireStatusCode } from '../api/types.js';
import { runBehaviour, type LogLine } from './functions.js';
import type { Random } from './random.js';
import { findAction, type ActionSpec, type Destination } from './world.js';

export interface PlannedLog extends LogLine {
  offsetMs: number;
  /** Sub-millisecond digits of the log timestamp (runtimes log nanoseconds). */
  nanos: string;
}

export interface ActivationPlan {
  activationId: string;
  action: ActionSpec;
  params: unknown;
  waitTime: number;
  /** Present only on cold starts. */
  initTime?: number;
  /** The recorded duration: init + run (for a sequence, the sum of its components). */
  duration: number;
  /** Time from start to end; equals duration except for sequences. */
  spanMs: number;
  statusCode: WireStatusCode;
  result: unknown;
  timedOut: boolean;
  logs: PlannedLog[];
  /** Sequence components that ran, each starting offsetMs after the parent's start. */
  components?: { offsetMs: number; plan: ActivationPlan }[];
  /** With LOG_DESTINATIONS: the function's own lines, which go to the destination instead of `logs`. */
  forwarded?: { destination: Destination; logs: PlannedLog[] };
}

export interface PlanOptions {
  /** Cap on durations, so tests and demos need not wait for slow functions. */
  maxDurationMs?: number;
  /** Run this long instead (the long-running share of generated traffic). */
  runMs?: number;
}

export const LOG_FORWARDING_NOTICE =
  'Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';
export const DEVELOPER_ERROR_LOG_WARNING =
  'The action did not initialize or run as expected. Log data might be missing.';
const INIT_FAILURE = 'The action did not initialize and exited unexpectedly.';
const INTERNAL_ERROR = 'Failed to provision resources to run the action.';
const INTERNAL_ERROR_RATE = 0.002;
const COLD_START_RATE = 0.1;
const INIT_FAILURE_RATE = 0.005;

const INIT_MEDIAN_MS: Record<string, number> = { nodejs: 180, python: 260, go: 90, php: 150 };
const INIT_FAILURE_LOG: Record<string, string> = {
  nodejs: "Error: Cannot find module 'sharp'",
  python: "ModuleNotFoundError: No module named 'requests'",
  go: 'panic: runtime error: invalid memory address or nil pointer dereference',
  php: "PHP Fatal error:  Uncaught Error: Class 'Stripe\\StripeClient' not found",
};

export function timeoutMessage(limitMs: number, duringInit: boolean): string {
  return `The action exceeded its time limits of ${limitMs} milliseconds${duringInit ? ' during initialization.' : '.'}`;
}

const runtime = (spec: ActionSpec): string => spec.kind.split(':')[0] ?? spec.kind;
const whole = (value: number): number => Math.max(1, Math.round(value));

function spread(lines: LogLine[], fromMs: number, runMs: number, random: Random): PlannedLog[] {
  return lines.map((line, i) => ({
    ...line,
    offsetMs: fromMs + Math.floor((runMs * (i + 0.5)) / Math.max(1, lines.length)),
    nanos: random.digits(6),
  }));
}

export function planActivation(
  action: ActionSpec,
  params: unknown,
  random: Random,
  options: PlanOptions = {},
): ActivationPlan {
  const activationId = random.hex(32);
  const waitTime = whole(Math.min(random.logNormal(25, 0.9), 2000));
  if (action.components) return planSequence(action, params, random, options, activationId, waitTime);
  const base = { activationId, action, params, waitTime, timedOut: false };

  if (random.chance(INTERNAL_ERROR_RATE)) {
    const duration = random.int(1, 20);
    return { ...base, duration, spanMs: duration, statusCode: 3, result: { error: INTERNAL_ERROR }, logs: [] };
  }
  const kind = runtime(action);
  const initTime = random.chance(COLD_START_RATE)
    ? whole(random.logNormal(INIT_MEDIAN_MS[kind] ?? 200, 0.4))
    : undefined;
  if (initTime !== undefined && random.chance(INIT_FAILURE_RATE)) {
    const logs = spread([{ stream: 'stderr', message: INIT_FAILURE_LOG[kind] ?? 'init failed' }], 0, initTime, random);
    return finish(
      action,
      { ...base, initTime, duration: initTime, spanMs: initTime, statusCode: 2, result: { error: INIT_FAILURE }, logs },
      random,
      options,
    );
  }

  const outcome = runBehaviour(action.key, params, random);
  const runMs = options.runMs ?? outcome.runMs;
  const init = initTime ?? 0;
  const limit = action.limits.timeout;
  let logs = spread(outcome.logs, init, runMs, random);
  if (init + runMs > limit) {
    const duringInit = init >= limit;
    const duration = limit + random.int(0, 3);
    logs = logs.filter((line) => line.offsetMs < limit);
    const result = { error: timeoutMessage(limit, duringInit) };
    return finish(
      action,
      { ...base, initTime, duration, spanMs: duration, statusCode: 2, result, logs, timedOut: true },
      random,
      options,
    );
  }
  const duration = init + runMs;
  return finish(
    action,
    { ...base, initTime, duration, spanMs: duration, statusCode: outcome.statusCode, result: outcome.result, logs },
    random,
    options,
  );
}

/** Log forwarding, the developer-error warning line, and the duration cap. */
function finish(action: ActionSpec, plan: ActivationPlan, random: Random, options: PlanOptions): ActivationPlan {
  const start = plan.initTime ?? 0;
  if (action.logDestination) {
    plan.forwarded = { destination: action.logDestination, logs: plan.logs };
    const notice: LogLine[] = [{ stream: 'stdout', message: LOG_FORWARDING_NOTICE }];
    if (random.chance(0.01))
      notice.push({ stream: 'stderr', message: 'Failed to flush logs: context deadline exceeded' });
    plan.logs = spread(notice, start, 2, random);
  }
  if (plan.statusCode === 2) {
    plan.logs.push({
      stream: 'stderr',
      message: DEVELOPER_ERROR_LOG_WARNING,
      offsetMs: plan.duration,
      nanos: random.digits(6),
    });
  }
  const cap = options.maxDurationMs;
  if (cap !== undefined && plan.duration > cap) {
    plan.duration = whole(cap);
    plan.spanMs = plan.duration;
    if (plan.initTime !== undefined) plan.initTime = Math.min(plan.initTime, plan.duration);
    for (const line of [...plan.logs, ...(plan.forwarded?.logs ?? [])])
      line.offsetMs = Math.min(line.offsetMs, plan.duration);
  }
  return plan;
}

/** Runs components one after another, each fed the previous result; stops at the first failure. */
function planSequence(
  action: ActionSpec,
  params: unknown,
  random: Random,
  options: PlanOptions,
  activationId: string,
  waitTime: number,
): ActivationPlan {
  const keys = action.components ?? [];
  const share = options.maxDurationMs === undefined ? undefined : options.maxDurationMs / keys.length;
  const components: { offsetMs: number; plan: ActivationPlan }[] = [];
  let input = params;
  let offsetMs = 0;
  let duration = 0;
  let last: ActivationPlan | undefined;
  for (const key of keys) {
    const spec = findAction(key);
    if (!spec) throw new Error(`sequence ${action.key} names unknown component ${key}`);
    const plan = planActivation(spec, input, random, { maxDurationMs: share });
    offsetMs += plan.waitTime;
    components.push({ offsetMs, plan });
    offsetMs += plan.spanMs;
    duration += plan.duration;
    last = plan;
    if (plan.statusCode !== 0) break;
    input = plan.result;
  }
  const spanMs = offsetMs + random.int(1, 5);
  return {
    activationId,
    action,
    params,
    waitTime,
    duration,
    spanMs,
    statusCode: last?.statusCode ?? 0,
    result: last?.result ?? {},
    timedOut: false,
    logs: [],
    components,
  };
}
