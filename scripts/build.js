// Bundles the CLI into ESM under dist/: the entry dist/fnmon.js plus chunks that each command loads
// when it runs (src/cli/run.ts imports the commands lazily), so a command pays only for its own code.
// `--if-stale` skips the build when dist is newer than every source file (used by `npm start`).
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync, existsSync } from 'node:fs';
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

const result = await build({
  ...NODE_BUNDLE,
  entryPoints: { fnmon: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: false,
  sourcemap: 'linked',
  metafile: true,
});

// Chunk names carry a content hash: drop the previous build's chunks once the new ones are written
// (not before, so a fnmon started during a rebuild still finds the chunks it imports).
const written = new Set(Object.keys(result.metafile.outputs).map((path) => path.replace(/\\/g, '/')));
for (const name of readdirSync('dist/chunks')) {
  if (!written.has(`dist/chunks/${name}`)) rmSync(join('dist/chunks', name), { force: true });
}
