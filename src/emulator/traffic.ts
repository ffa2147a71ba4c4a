// Generated traffic: a seeded, clock-free sequence of arrivals (Poisson gaps + planned activations),
// and the runner that plays it in real time, plus optional periodic bursts.
import { TRAFFIC_PARAMS } from './functions.js';
import { planActivation, type ActivationPlan } from './plan.js';
import { Random } from './random.js';
import type { Engine } from './engine.js';
import type { Scheduler } from './scheduler.js';
import { ACTIONS } from './world.js';

export interface TrafficOptions {
  seed: number;
  /** Mean activations per second. */
  rate: number;
  maxDurationMs?: number;
  /** Share of activations that run 5-40 s, finishing long after later, shorter ones. */
  longRunningRatio: number;
}

export interface Arrival {
  /** Milliseconds since the previous arrival. */
  gapMs: number;
  plan: ActivationPlan;
}

const LONG_RUN_MIN_MS = 5000;
const LONG_RUN_MAX_MS = 40_000;
/** After a stall (a suspended laptop), skip ahead rather than replay minutes of traffic at once. */
const CATCH_UP_LIMIT_MS = 5000;

const WEIGHTED = ACTIONS.filter((spec) => spec.weight > 0);
const WEIGHTS = WEIGHTED.map((spec) => spec.weight);
const LONG_RUNNERS = ACTIONS.filter((spec) => spec.longRunning);

/** The same options always yield the same arrivals: functions, params, outcomes, durations, ids. */
export class TrafficGenerator {
  private readonly random: Random;

  constructor(
    private readonly options: TrafficOptions,
    stream = 'traffic',
  ) {
    this.random = new Random(options.seed, stream);
  }

  next(): Arrival {
    const gapMs = this.random.exponential(1000 / this.options.rate);
    return { gapMs, plan: this.plan() };
  }

  plan(): ActivationPlan {
    const random = this.random;
    const long = LONG_RUNNERS.length > 0 && random.chance(this.options.longRunningRatio);
    const spec = long ? random.pick(LONG_RUNNERS) : WEIGHTED[random.weightedIndex(WEIGHTS)]!;
    const params = TRAFFIC_PARAMS[spec.key]?.(random) ?? {};
    const runMs = long ? random.int(LONG_RUN_MIN_MS, LONG_RUN_MAX_MS) : undefined;
    return planActivation(spec, params, random, { maxDurationMs: this.options.maxDurationMs, runMs });
  }
}

/** The first `count` arrivals for these options, without timers (for tests and benchmarks). */
export function generateTraffic(options: TrafficOptions, count: number): Arrival[] {
  const generator = new TrafficGenerator(options);
  return Array.from({ length: count }, () => generator.next());
}

const KEEP_ALWAYS = { keep: () => true };

/** Plays Poisson arrivals at options.rate. */
export function startPoissonTraffic(
  options: TrafficOptions,
  engine: Engine,
  scheduler: Scheduler,
  now: () => number,
): void {
  const generator = new TrafficGenerator(options);
  const scheduleNext = (previous: number): void => {
    const { gapMs, plan } = generator.next();
    const at = Math.max(previous + gapMs, now() - CATCH_UP_LIMIT_MS);
    scheduler.at(at, () => {
      engine.run(plan, Math.round(at) + plan.waitTime, KEEP_ALWAYS);
      scheduleNext(at);
    });
  };
  scheduleNext(now());
}

/**
 * Plays the arrivals from `from` on as if the traffic had been running then, keeping the activations
 * that ended by `until`: their records are visible at once (the scheduler runs past times on its next
 * tick) and nothing of this history changes later.
 */
export function backfillTraffic(options: TrafficOptions, engine: Engine, range: { from: number; until: number }): void {
  // A stream of its own: live traffic after it must not repeat its activation ids.
  const generator = new TrafficGenerator(options, 'history');
  let at = range.from;
  for (;;) {
    const { gapMs, plan } = generator.next();
    at += gapMs;
    if (at >= range.until) return;
    const start = Math.round(at) + plan.waitTime;
    if (start + plan.spanMs <= range.until) engine.run(plan, start, KEEP_ALWAYS);
  }
}

/** Starts `count` activations spread over one second, now and then every everyMs. */
export function startBursts(
  options: TrafficOptions,
  burst: { count: number; everyMs: number },
  engine: Engine,
  scheduler: Scheduler,
  now: () => number,
): void {
  const generator = new TrafficGenerator(options, 'burst');
  const offsets = new Random(options.seed, 'burst-offsets');
  const scheduleBurst = (at: number): void => {
    scheduler.at(at, () => {
      for (let i = 0; i < burst.count; i++) {
        const plan = generator.plan();
        engine.run(plan, Math.round(at + offsets.next() * 1000) + plan.waitTime, KEEP_ALWAYS);
      }
      scheduleBurst(Math.max(at + burst.everyMs, now()));
    });
  };
  scheduleBurst(now());
}
