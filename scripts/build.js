// Bundles the CLI into one ESM file (dist/fnmon.js) so the published binary starts fast.
// `--if-stale` skips the build when dist is newer than every source file (used by `npm start`).
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_BUNDLE } from './esbuild-shared.js';

const OUT = 'dist/fnmon.js';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function isStale() {
  if (!existsSync(OUT)) return true;
  const built = statSync(OUT).mtimeMs;
  return newestMtime('src') > built || statSync('package.json').mtimeMs > built;
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

await build({
  ...NODE_BUNDLE,
  entryPoints: ['src/cli/main.ts'],
  outfile: OUT,
  minify: false,
  sourcemap: 'linked',
});
