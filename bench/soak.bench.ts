// 5. Soak: the monitor's service (tail engine + bounded store + insights) for 20 minutes (--quick: 2)
// against the emulator at 200 activations/s. The service runs in a child process of its own, so
// its RSS, CPU and handles are its own; the emulator runs here. Reported: the RSS and heap curve
// (each sample after a full GC), whether RSS stays flat once the store is full, active handles and
// timers over time (a leak shows as a count that keeps growing) and what is left after close, and
// CPU time per delivered activation.
import { DEFAULT_STORE_CAPACITY } from '../src/core/store.js';
import { startEmulator } from '../src/emulator/index.js';
import { runChild } from './lib/child.js';
import { fmt } from './lib/stats.js';
import type { BenchContext, Suite, SuiteResult, TargetCheck } from './lib/suite.js';
import type { SoakOutcome, SoakSample } from './soak/child.js';

const RATE = 200;
const MB = 2 ** 20;
/** RSS may wander this much once the store is full (allocator and GC noise), no more. */
const FLAT_TOLERANCE = 0.1;
/** Resources that are the run's own, not the service's: the sampler's and the run's timers. */
const HARNESS_TIMERS = 2;

interface Plan {
  minutes: number;
  capacity: number;
  sampleMs: number;
}

export const soakSuite: Suite = {
  name: 'soak',
  title: '5. Soak: 20 minutes at 200 activations/s',
  async run(context: BenchContext): Promise<SuiteResult> {
    // The quick run uses a smaller store so that it still fills, early in its 2 minutes.
    const plan: Plan = context.quick
      ? { minutes: 2, capacity: 10_000, sampleMs: 5_000 }
      : { minutes: 20, capacity: DEFAULT_STORE_CAPACITY, sampleMs: 30_000 };
    const emulator = await startEmulator({ seed: 21, rate: RATE, maxDurationMs: 2000 });
    let visible = 0;
    emulator.onVisible(() => visible++);
    try {
      context.log(`soak: ${plan.minutes} min at ${RATE}/s, store of ${plan.capacity}`);
      const outcome = await runChild<SoakOutcome>(
        context.benchDir,
        'soak-child.js',
        ['--apihost', emulator.apihost, '--auth', emulator.auth, '--minutes', String(plan.minutes)].concat([
          '--capacity',
          String(plan.capacity),
          '--sample-ms',
          String(plan.sampleMs),
        ]),
        { nodeArgs: ['--expose-gc'], timeoutMs: (plan.minutes + 5) * 60_000 },
      );
      return report(plan, outcome, visible, emulator.stats().requests);
    } finally {
      await emulator.close();
    }
  },
};

function report(plan: Plan, { samples, afterClose }: SoakOutcome, visible: number, requests: number): SuiteResult {
  const last = samples.at(-1)!;
  // Full: the store at capacity and the engine's dedupe window (the ids it remembers) as well.
  const fill = samples.find((sample) => sample.stored >= plan.capacity && sample.at * 1000 >= sample.windowMs);
  // Judged over the second half of the run: other bounded structures (the per-function statistics
  // keep an hour) still fill for a while after the store, and V8 sizes its heap in steps.
  const steady = fill && samples.find((sample) => sample.at >= Math.max(fill.at, last.at / 2));
  const growth = steady ? (last.rss - steady.rss) / steady.rss : Number.NaN;
  const heapGrowth = steady ? (last.heapUsed - steady.heapUsed) / steady.heapUsed : Number.NaN;
  const since = steady ?? samples[0]!;
  const cpuPerActivation = (1000 * (last.cpuMs - since.cpuMs)) / (last.delivered - since.delivered);
  const duplicates = last.delivered - (last.stored + last.evicted);
  const leaks = growingResources(samples.filter((sample) => sample.at >= (fill?.at ?? Infinity)));
  const leftOver = Object.entries(afterClose).filter(([kind]) => kind === 'Timeout' || kind.includes('TCP'));
  const mb = (bytes: number) => `${fmt(bytes / MB)} MB`;

  const markdown = [
    `The monitor's service in a child process (\`--expose-gc\`; every sample after a full GC) against the`,
    `emulator at ${RATE} activations/s (durations up to 2 s) for ${plan.minutes} minutes, a store of`,
    `${plan.capacity.toLocaleString('en')}, sampled every ${plan.sampleMs / 1000} s. The store and the engine's`,
    `${fmt(last.windowMs / 60_000)}-minute dedupe window were both full after ${fill ? `${fill.at} s` : 'the end of the run (shorter than the window)'}.`,
    `The emulator made ${visible.toLocaleString('en')} activations visible and served ${requests.toLocaleString('en')}`,
    `requests; the service delivered ${last.delivered.toLocaleString('en')} (${duplicates} twice) with`,
    `${last.requests.toLocaleString('en')} requests.`,
    '',
    `RSS ${sparkline(samples.map((sample) => sample.rss))}, heap used ${sparkline(samples.map((sample) => sample.heapUsed))}`,
    '',
    '| time | stored | RSS | heap used | heap total | external | CPU (total) | active handles and timers |',
    '|---|---|---|---|---|---|---|---|',
    ...curve(samples, 14).map(
      (sample) =>
        `| ${sample.at} s | ${sample.stored.toLocaleString('en')} | ${mb(sample.rss)} | ${mb(sample.heapUsed)} ` +
        `| ${mb(sample.heapTotal)} | ${mb(sample.external)} | ${fmt(sample.cpuMs / 1000)} s | ${describeResources(sample.resources)} |`,
    ),
    '',
    steady
      ? `From ${steady.at} s to the end: RSS ${mb(steady.rss)} → ${mb(last.rss)} (${fmt(100 * growth)}%), heap used ` +
        `${mb(steady.heapUsed)} → ${mb(last.heapUsed)} (${fmt(100 * heapGrowth)}%).`
      : 'The run is too short for a steady state (use the full run).',
    `CPU per delivered activation${steady ? ' from then on' : ''}: ${fmt(cpuPerActivation)} µs. Left after close: ${describeResources(afterClose)}.`,
  ].join('\n');

  const targets: TargetCheck[] = [
    {
      target: `RSS stays flat once full: within ${100 * FLAT_TOLERANCE}% over the second half of the run`,
      met: steady !== undefined && Math.abs(growth) <= FLAT_TOLERANCE,
      detail: steady ? `${fmt(100 * growth)}%, ${mb(steady.rss)} → ${mb(last.rss)}` : 'not judged: never full',
    },
    {
      target: 'no handle or timer leak (no kind of active resource keeps growing; no timer or socket left after close)',
      met: leaks.length === 0 && leftOver.length === 0,
      detail:
        leaks.length || leftOver.length
          ? `growing: ${leaks.join(', ') || 'none'}; left: ${describeResources(Object.fromEntries(leftOver))}`
          : 'none',
    },
    {
      target: 'every activation delivered once',
      met: duplicates === 0 && last.delivered >= visible - RATE * 10,
      detail: `${last.delivered} of ${visible} (the rest still in flight), ${duplicates} duplicates`,
    },
  ];
  return { markdown, targets };
}

/** Kinds whose count in the last third is above anything seen in the first third. */
function growingResources(full: SoakSample[]): string[] {
  if (full.length === 0) return [];
  const third = Math.max(1, Math.floor(full.length / 3));
  const early = full.slice(0, third);
  const late = full.slice(-third);
  const kinds = new Set(full.flatMap((sample) => Object.keys(sample.resources)));
  return [...kinds].filter((kind) => {
    const max = (samples: SoakSample[]) => Math.max(...samples.map((sample) => sample.resources[kind] ?? 0));
    const harness = kind === 'Timeout' ? HARNESS_TIMERS : 0;
    return Math.min(...late.map((sample) => sample.resources[kind] ?? 0)) > Math.max(max(early), harness);
  });
}

function describeResources(resources: Record<string, number>): string {
  const entries = Object.entries(resources).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([kind, count]) => `${kind} ${count}`).join(', ') : 'nothing';
}

/** About `rows` samples spread evenly, the first and last included. */
function curve(samples: SoakSample[], rows: number): SoakSample[] {
  const step = Math.max(1, Math.round((samples.length - 1) / (rows - 1)));
  return samples.filter((_, index) => index % step === 0 || index === samples.length - 1);
}

function sparkline(values: number[]): string {
  const bars = '▁▂▃▄▅▆▇█';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const shown = `${fmt(min / MB)}–${fmt((min + span) / MB)} MB`;
  return `\`${values.map((value) => bars[Math.round(((value - min) / span) * (bars.length - 1))]).join('')}\` (${shown})`;
}
