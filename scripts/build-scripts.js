// Compiles the maintenance scripts written in TypeScript (scripts/screenshots.ts, scripts/docs.ts)
// into plain ESM under node_modules/.cache/fnmon-scripts, with the settings of the shipped bundle,
// the way scripts/build-bench.js does for bench/. `node scripts/build-scripts.js screenshots` builds one.
import { build } from 'esbuild';
import { NODE_BUNDLE } from './esbuild-shared.js';

export const SCRIPTS_OUT = 'node_modules/.cache/fnmon-scripts';
const SCRIPTS = ['screenshots', 'docs'];

const wanted = process.argv.slice(2);
await build({
  ...NODE_BUNDLE,
  entryPoints: Object.fromEntries(
    SCRIPTS.filter((name) => wanted.length === 0 || wanted.includes(name)).map((name) => [name, `scripts/${name}.ts`]),
  ),
  outdir: SCRIPTS_OUT,
  sourcemap: 'linked',
  // A native module: loaded from node_modules at run time.
  external: ['@lydell/node-pty'],
});
