// 1. Tail: fnmon's engine and the doctl / wsk polling rules against the same seeded emulator
// traffic. All contestants of a workload run at once, each in a child process with its own
// emulator of the same seed (bench/tail/contestant.ts). "busy" (bursts over a page, long runners,
// faults) is what the targets are about; "quiet" shows what each rule costs when little happens.
import { runChild } from './lib/child.js';
import { fmt, fmtBytes, fmtRatio } from './lib/stats.js';
import type { BenchContext, Suite, SuiteResult, TargetCheck } from './lib/suite.js';
import { CONTESTANTS, type ContestantName } from './tail/contestants.js';
import type { TailOutcome } from './tail/outcome.js';
import { DRAIN_MS, describeWorkload, type WorkloadName } from './tail/workload.js';

const DURATION_MS: Record<WorkloadName, { full: number; quick: number }> = {
  busy: { full: 180_000, quick: 45_000 },
  quiet: { full: 90_000, quick: 45_000 },
};

export const tailSuite: Suite = {
  name: 'tail',
  title: '1. Tail: delivered, duplicates, requests, bytes, latency',
  async run(context: BenchContext): Promise<SuiteResult> {
    const sections: string[] = [
      'Each contestant has its own emulator (same seed, same traffic) in its own process, so requests and',
      'response-body bytes (headers not counted) are counted per contestant; all contestants of a workload run',
      `at the same time. After the measured period they keep running ${DRAIN_MS / 1000} s more to pick up its last`,
      'records; "produced" counts the records that became visible during the measured period (ground truth:',
      "the emulator's onVisible hook). Per-minute rates are over the time the contestant was polling. Ratios",
      'are against the doctl rule with errors skipped (the doctl command itself stops at its first error).',
      'Latency runs from the moment a record became visible to the moment the contestant delivered (would',
      'print) it. All contestants use the same HTTP client (undici keep-alive, no client retries).',
    ];
    let targets: TargetCheck[] = [];
    for (const workload of ['busy', 'quiet'] as const) {
      const durationMs = DURATION_MS[workload][context.quick ? 'quick' : 'full'];
      const outcomes = await runWorkload(context, workload, durationMs);
      sections.push(
        '',
        `**${workload}** — ${describeWorkload(workload)}; measured for ${durationMs / 1000} s.`,
        '',
        table(outcomes),
      );
      if (workload === 'busy') targets = busyTargets(outcomes);
      else targets.push(...quietTargets(outcomes));
    }
    return { markdown: sections.join('\n'), targets };
  },
};

function runWorkload(context: BenchContext, workload: WorkloadName, durationMs: number): Promise<TailOutcome[]> {
  const names = Object.keys(CONTESTANTS) as ContestantName[];
  context.log(`tail: ${workload}, ${names.length} contestants for ${durationMs / 1000} s + ${DRAIN_MS / 1000} s`);
  return Promise.all(
    names.map((name) =>
      runChild<TailOutcome>(context.benchDir, 'tail-contestant.js', [
        ...['--contestant', name, '--workload', workload, '--duration-ms', String(durationMs)],
      ]),
    ),
  );
}

const perMinute = (value: number, outcome: TailOutcome) => value / (outcome.activeMs / 60_000);
const perDelivered = (outcome: TailOutcome) => outcome.bytes / Math.max(1, outcome.delivered);
const doctlRule = (outcomes: TailOutcome[]) => outcomes.find((outcome) => outcome.contestant === 'doctl-rule');

function table(outcomes: TailOutcome[]): string {
  const ref = doctlRule(outcomes);
  const ratio = (value: number, of: (o: TailOutcome) => number) => fmtRatio(ref ? value / of(ref) : Number.NaN);
  const rows = outcomes.map((o) => {
    const share = o.produced > 0 ? (100 * o.delivered) / o.produced : Number.NaN;
    const requests = perMinute(o.requests, o);
    const bytes = perMinute(o.bytes, o);
    const notes = [
      o.stopped ? `stopped by itself after ${fmt(o.stopped.afterMs / 1000)} s: ${o.stopped.reason}` : '',
      o.unknown > 0 ? `${o.unknown} ids never produced` : '',
    ].join(' ');
    return (
      `| ${CONTESTANTS[o.contestant as ContestantName] ?? o.contestant} | ${o.delivered} / ${o.produced} (${fmt(share, 1)}%) ` +
      `| ${o.missed} (${o.missedLongRunning}) | ${o.duplicates} ` +
      `| ${fmt(requests)} (${ratio(requests, (r) => perMinute(r.requests, r))}) ` +
      `| ${fmtBytes(bytes)} (${ratio(bytes, (r) => perMinute(r.bytes, r))}) ` +
      `| ${fmtBytes(perDelivered(o))} (${ratio(perDelivered(o), perDelivered)}) ` +
      `| ${fmt(o.latencyMs.median / 1000)} s | ${fmt(o.latencyMs.p95 / 1000)} s | ${notes.trim()} |`
    );
  });
  return [
    '| contestant | delivered / produced | missed (long-running) | duplicates | requests/min (vs doctl rule) | bytes/min (vs doctl rule) | bytes per delivered (vs doctl rule) | latency p50 | latency p95 | notes |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function busyTargets(outcomes: TailOutcome[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const ref = doctlRule(outcomes);
  for (const o of outcomes.filter((outcome) => outcome.contestant.startsWith('fnmon'))) {
    checks.push({
      target: `busy, ${o.contestant}: 100% delivered, 0 duplicates`,
      met: o.missed === 0 && o.duplicates === 0 && o.unknown === 0,
      detail: `${o.delivered}/${o.produced}, ${o.duplicates} duplicates`,
    });
    checks.push({
      target: `busy, ${o.contestant}: latency p50 < 1 s`,
      met: o.latencyMs.median < 1000,
      detail: `p50 ${fmt(o.latencyMs.median / 1000)} s`,
    });
    if (ref) {
      // Per delivered activation: under this load the doctl rule drops most records, which caps its
      // bytes per minute; it does not make its rule cheaper.
      const ratio = perDelivered(o) / perDelivered(ref);
      checks.push({
        target: `busy, ${o.contestant}: fewer bytes than the doctl rule, per delivered activation`,
        met: ratio < 1,
        detail: `${fmtRatio(ratio)}; per minute ${fmtRatio(perMinute(o.bytes, o) / perMinute(ref.bytes, ref))}`,
      });
    }
  }
  return checks;
}

function quietTargets(outcomes: TailOutcome[]): TargetCheck[] {
  const ref = doctlRule(outcomes);
  if (!ref) return [];
  return outcomes
    .filter((outcome) => outcome.contestant.startsWith('fnmon'))
    .map((o) => {
      const ratio = perMinute(o.bytes, o) / perMinute(ref.bytes, ref);
      return {
        target: `quiet, ${o.contestant}: fewer bytes per minute than the doctl rule`,
        met: ratio < 1,
        detail: `${fmtRatio(ratio)}; ${o.delivered}/${o.produced} delivered`,
      };
    });
}
