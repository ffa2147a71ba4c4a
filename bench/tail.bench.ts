// 1. Tail: fnmon's engine and the doctl / wsk polling rules against the same seeded emulator
// traffic (bursts over a page, long runners, injected faults). All contestants run at once, each
// in a child process with its own emulator of the same seed (bench/tail/contestant.ts).
import { runChild } from './lib/child.js';
import { fmt, fmtBytes, fmtRatio } from './lib/stats.js';
import type { BenchContext, Suite, SuiteResult, TargetCheck } from './lib/suite.js';
import { CONTESTANTS, type ContestantName } from './tail/contestants.js';
import type { TailOutcome } from './tail/outcome.js';
import { DRAIN_MS, describeWorkload } from './tail/workload.js';

const FULL_MS = 180_000;
const QUICK_MS = 45_000;

export const tailSuite: Suite = {
  name: 'tail',
  title: '1. Tail: delivered, duplicates, requests, bytes, latency',
  async run(context: BenchContext): Promise<SuiteResult> {
    const durationMs = context.quick ? QUICK_MS : FULL_MS;
    const names = Object.keys(CONTESTANTS) as ContestantName[];
    context.log(`tail: ${names.length} contestants for ${durationMs / 1000} s + ${DRAIN_MS / 1000} s drain`);
    const outcomes = await Promise.all(
      names.map((name) =>
        runChild<TailOutcome>(context.benchDir, 'tail-contestant.js', [
          '--contestant',
          name,
          '--duration-ms',
          String(durationMs),
        ]),
      ),
    );
    return { markdown: report(outcomes, durationMs), targets: targets(outcomes) };
  },
};

const perMinute = (value: number, outcome: TailOutcome) => value / (outcome.activeMs / 60_000);
const perDelivered = (outcome: TailOutcome) => outcome.bytes / Math.max(1, outcome.delivered);

function report(outcomes: TailOutcome[], durationMs: number): string {
  const reference = outcomes.find((outcome) => outcome.contestant === 'doctl-rule');
  const refBytes = reference ? perMinute(reference.bytes, reference) : Number.NaN;
  const refRequests = reference ? perMinute(reference.requests, reference) : Number.NaN;
  const refPerDelivered = reference ? perDelivered(reference) : Number.NaN;
  const rows = outcomes.map((o) => {
    const share = o.produced > 0 ? (100 * o.delivered) / o.produced : Number.NaN;
    const bytesPerMinute = perMinute(o.bytes, o);
    const requestsPerMinute = perMinute(o.requests, o);
    const notes = o.stopped
      ? `stopped by itself after ${fmt(o.stopped.afterMs / 1000)} s: ${o.stopped.reason}`
      : o.unknown > 0
        ? `${o.unknown} unknown ids`
        : '';
    return (
      `| ${CONTESTANTS[o.contestant as ContestantName] ?? o.contestant} | ${o.delivered} / ${o.produced} (${fmt(share, 1)}%) ` +
      `| ${o.missed} (${o.missedLongRunning}) | ${o.duplicates} | ${fmt(requestsPerMinute)} (${fmtRatio(requestsPerMinute / refRequests)}) ` +
      `| ${fmtBytes(bytesPerMinute)} (${fmtRatio(bytesPerMinute / refBytes)}) ` +
      `| ${fmtBytes(perDelivered(o))} (${fmtRatio(perDelivered(o) / refPerDelivered)}) ` +
      `| ${fmt(o.latencyMs.median / 1000)} s | ${fmt(o.latencyMs.p95 / 1000)} s | ${notes} |`
    );
  });
  return [
    `Workload: ${describeWorkload()}. Measured for ${durationMs / 1000} s, then ${DRAIN_MS / 1000} s more for the`,
    'last records to be picked up; "produced" counts the records that became visible during the measured period',
    '(ground truth: the emulator\'s onVisible hook). Each contestant has its own emulator (same seed, same',
    'traffic) in its own process, so requests and response-body bytes are counted per contestant;',
    'per-minute rates are over the time the contestant was polling. Ratios are against the doctl rule',
    'with errors skipped (the doctl command itself stops at its first error). Latency is from the moment',
    'a record became visible to the moment the contestant delivered (would print) it.',
    '',
    '| contestant | delivered / produced | missed (of them long-running) | duplicates | requests/min (vs doctl rule) | response bytes/min (vs doctl rule) | bytes per delivered activation (vs doctl rule) | latency p50 | latency p95 | notes |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function targets(outcomes: TailOutcome[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const reference = outcomes.find((o) => o.contestant === 'doctl-rule');
  for (const o of outcomes.filter((outcome) => outcome.contestant.startsWith('fnmon'))) {
    checks.push({
      target: `${o.contestant}: 100% delivered, 0 duplicates`,
      met: o.missed === 0 && o.duplicates === 0 && o.unknown === 0,
      detail: `${o.delivered}/${o.produced}, ${o.duplicates} duplicates`,
    });
    checks.push({
      target: `${o.contestant}: latency p50 < 1 s`,
      met: o.latencyMs.median < 1000,
      detail: `p50 ${fmt(o.latencyMs.median / 1000)} s`,
    });
    if (reference) {
      // Per delivered activation: the doctl rule drops most of this traffic, so its bytes per minute
      // are capped by what it misses, not saved by its rule.
      const ratio = perDelivered(o) / perDelivered(reference);
      const perMinuteRatio = perMinute(o.bytes, o) / perMinute(reference.bytes, reference);
      checks.push({
        target: `${o.contestant}: fewer bytes than the doctl rule (per delivered activation)`,
        met: ratio < 1,
        detail: `${fmtRatio(ratio)} the doctl rule's bytes per delivered activation; ${fmtRatio(perMinuteRatio)} its bytes/min`,
      });
    }
  }
  return checks;
}
