// 4. Start-up: `fnmon --version` to exit, and `fnmon --demo` to its first frame in a pseudo-terminal,
// each as a ratio to a bare `node -e 0` started the same way on the same machine.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import pty from '@lydell/node-pty';
import { fmt, fmtBytes, fmtRatio, fmtSpread, summarize, type Summary } from './lib/stats.js';
import type { BenchContext, Suite, SuiteResult } from './lib/suite.js';

const BIN = 'bin/fnmon.js';
const BUNDLE = 'dist/fnmon.js';
/** The monitor's first frame has its list pane title in it. */
const FIRST_FRAME_MARK = 'Activations';

/** ms from spawn to exit, output discarded. */
function timeToExit(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

/** ms from spawn (in a 120x40 pty) until the output contains `mark`; the process is then ended. */
function timeInPty(args: string[], mark: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let output = '';
    let seenAt: number | undefined;
    const child = pty.spawn(process.execPath, args, {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd: process.cwd(),
      env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no '${mark}' within 20 s from ${args.join(' ')}`));
    }, 20_000);
    child.onData((data) => {
      output += data;
      if (mark !== undefined && seenAt === undefined && output.includes(mark)) {
        seenAt = performance.now();
        child.kill('SIGTERM');
      }
    });
    child.onExit(() => {
      clearTimeout(timer);
      const at = mark === undefined ? performance.now() : seenAt;
      if (at === undefined) reject(new Error(`${args.join(' ')} exited before '${mark}'`));
      else resolve(at - started);
    });
  });
}

interface Measure {
  name: string;
  baseline: string;
  run: () => Promise<number>;
}

const MEASURES: Measure[] = [
  { name: 'node -e 0', baseline: 'node -e 0', run: () => timeToExit(['-e', '0']) },
  { name: 'fnmon --version', baseline: 'node -e 0', run: () => timeToExit([BIN, '--version']) },
  { name: 'node -e 0 (in a pty)', baseline: 'node -e 0 (in a pty)', run: () => timeInPty(['-e', '0'], undefined) },
  {
    name: 'fnmon --demo, first frame (in a pty)',
    baseline: 'node -e 0 (in a pty)',
    run: () => timeInPty([BIN, '--demo'], FIRST_FRAME_MARK),
  },
];

export const startupSuite: Suite = {
  name: 'startup',
  title: '4. Start-up: time to exit and to the first frame',
  async run(context: BenchContext): Promise<SuiteResult> {
    const repeats = context.quick ? 7 : 21;
    const samples = new Map<string, number[]>(MEASURES.map((measure) => [measure.name, []]));
    // One warm-up round (file cache), then the measures interleaved so that noise hits them alike.
    for (const measure of MEASURES) await measure.run();
    for (let i = 0; i < repeats; i++) {
      context.log(`startup: round ${i + 1}/${repeats}`);
      for (const measure of MEASURES) samples.get(measure.name)!.push(await measure.run());
    }
    const summaries = new Map<string, Summary>([...samples].map(([name, values]) => [name, summarize(values)]));
    const rows = MEASURES.map((measure) => {
      const s = summaries.get(measure.name)!;
      const base = summaries.get(measure.baseline)!;
      return `| ${measure.name} | ${fmtSpread(s)} | ${measure.baseline === measure.name ? '1x' : fmtRatio(s.median / base.median)} |`;
    });
    const demo = summaries.get(MEASURES[3]!.name)!;
    const demoBase = summaries.get(MEASURES[2]!.name)!;
    return {
      markdown: [
        `Each sample starts a fresh process with this Node (${process.version}); ${repeats} rounds after a warm-up`,
        'round, the four measures interleaved. "First frame" is the moment the pty output first contains the',
        `monitor's list title (the demo starts its emulator in-process first). Bundle: ${BUNDLE},`,
        `${fmtBytes(statSync(BUNDLE).size)}. Median (p5–p95).`,
        '',
        '| measure | time | ratio to its baseline |',
        '|---|---|---|',
        ...rows,
      ].join('\n'),
      targets: [
        {
          target: 'first frame of `fnmon --demo` within 3x `node -e 0`',
          met: demo.median / demoBase.median <= 3,
          detail: `${fmtRatio(demo.median / demoBase.median)}: ${fmt(demo.median)} ms vs ${fmt(demoBase.median)} ms`,
        },
      ],
    };
  },
};
