// 3. Memory: RSS and heap with 100,000 realistic activations (about 1 KB of logs each) retained in
// the store, in a child process with --expose-gc so each figure is taken after a full collection.
// Full records (what the budget names) and the docs=false summaries the monitor's stream holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './lib/child.js';
import { fmt, fmtBytes, summarize } from './lib/stats.js';
import type { BenchContext, Suite, SuiteResult } from './lib/suite.js';
import type { MemoryOutcome } from './memory/child.js';
import { writePages, type PagesInfo } from './memory/pages.js';

const COUNT = 100_000;
const LOG_BYTES = 1024;
const BUDGET_RSS = 300 * 1024 * 1024;
const MB = 1024 * 1024;
type Shape = 'full' | 'summary';

export const memorySuite: Suite = {
  name: 'memory',
  title: '3. Memory: 100,000 activations retained',
  async run(context: BenchContext): Promise<SuiteResult> {
    const repeats = context.quick ? 1 : 3;
    const dir = mkdtempSync(join(tmpdir(), 'fnmon-bench-memory-'));
    try {
      const files: Record<Shape, string> = { full: join(dir, 'full.ndjson'), summary: join(dir, 'summary.ndjson') };
      context.log(`memory: writing ${COUNT} records as JSON pages`);
      const info = await writePages(files.full, files.summary, COUNT, LOG_BYTES);
      const runs: Record<Shape, MemoryOutcome[]> = { full: [], summary: [] };
      for (const shape of ['full', 'summary'] as const) {
        for (let i = 0; i < repeats; i++) {
          context.log(`memory: ${shape} records, run ${i + 1}/${repeats}`);
          const outcome = await runChild<MemoryOutcome>(
            context.benchDir,
            'memory-child.js',
            ['--pages', files[shape]],
            {
              nodeArgs: ['--expose-gc'],
            },
          );
          runs[shape].push(outcome);
        }
      }
      return result(info, runs, repeats);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function result(info: PagesInfo, runs: Record<Shape, MemoryOutcome[]>, repeats: number): SuiteResult {
  const fullRss = summarize(runs.full.map((run) => run.after.rss));
  const wire: Record<Shape, number> = { full: info.avgFullBytes, summary: info.avgSummaryBytes };
  return {
    markdown: [
      `${COUNT.toLocaleString('en')} records of the emulator's seeded traffic, log lines padded to an average of`,
      `${fmtBytes(info.avgLogBytes)}; on the wire ${fmtBytes(info.avgFullBytes)} of JSON per full record and`,
      `${fmtBytes(info.avgSummaryBytes)} per summary. A child process reads them as JSON pages of 200 and ingests`,
      'them as the engine hands them over (parse, normalise, add to an ActivationStore that holds them all).',
      '"Before" is the same process with its code loaded and nothing ingested; both are taken after a full GC.',
      `Median of ${repeats} run(s), spread min–max. The child loads core/ only; the monitor's own code adds`,
      'about 40 MB RSS on top (see start-up). Heap total is what V8 holds for its heap: most of what RSS has',
      'beyond heap used is its young generation, which an ingest grows to its limit (2 × 64 MB here) and keeps.',
      '',
      '| records held | RSS after (before) | heap used after | heap total | heap per activation | RSS per activation | heap ÷ wire JSON | ingest time |',
      '|---|---|---|---|---|---|---|---|',
      ...(['full', 'summary'] as const).map((shape) => row(shape, runs[shape], wire[shape])),
    ].join('\n'),
    targets: [
      {
        target: `under 300 MB RSS with ${COUNT.toLocaleString('en')} full activations retained`,
        met: fullRss.median < BUDGET_RSS,
        detail: `${fmt(fullRss.median / MB)} MB`,
      },
    ],
  };
}

function row(shape: Shape, runs: MemoryOutcome[], wireBytes: number): string {
  const mb = (value: number) => `${fmt(value / MB)} MB`;
  const rss = summarize(runs.map((run) => run.after.rss));
  const rssBefore = summarize(runs.map((run) => run.before.rss));
  const heap = summarize(runs.map((run) => run.after.heapUsed));
  const heapTotal = summarize(runs.map((run) => run.after.heapTotal));
  const perHeap = summarize(runs.map((run) => (run.after.heapUsed - run.before.heapUsed) / run.retained));
  const perRss = summarize(runs.map((run) => (run.after.rss - run.before.rss) / run.retained));
  const ingest = summarize(runs.map((run) => run.ingestMs));
  const label = shape === 'full' ? 'full records (docs=true)' : 'summaries (docs=false, as the monitor streams)';
  return (
    `| ${label} | ${mb(rss.median)} (${mb(rss.min)}–${mb(rss.max)}) (${mb(rssBefore.median)}) | ${mb(heap.median)} ` +
    `| ${mb(heapTotal.median)} ` +
    `| ${fmtBytes(perHeap.median)} | ${fmtBytes(perRss.median)} | ${fmt(perHeap.median / wireBytes)}x of ${fmtBytes(wireBytes)} ` +
    `| ${fmt(ingest.median / 1000)} s |`
  );
}
