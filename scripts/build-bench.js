// Compiles bench/ (TypeScript, importing src/ and a few test helpers) into plain ESM under
// node_modules/.cache/fnmon-bench, with the same esbuild settings as the shipped binary.
// esbuild is already the build tool, so the benchmarks need no TypeScript runner of their own.
// Entry points: the runner, plus each file that runs in a child process of its own.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { NODE_BUNDLE } from './esbuild-shared.js';

export const BENCH_OUT = 'node_modules/.cache/fnmon-bench';

rmSync(BENCH_OUT, { recursive: true, force: true });
await build({
  ...NODE_BUNDLE,
  entryPoints: {
    run: 'bench/run.ts',
    'tail-contestant': 'bench/tail/contestant.ts',
    'memory-child': 'bench/memory/child.ts',
    'soak-child': 'bench/soak/child.ts',
  },
  outdir: BENCH_OUT,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  // A native module: loaded from node_modules at run time.
  external: ['@lydell/node-pty'],
});
