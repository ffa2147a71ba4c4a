// Bundles the CLI into one ESM file (dist/fnmon.js) so the published binary starts fast.
// `--if-stale` skips the build when dist is newer than every source file (used by `npm start`).
import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

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

// Ink loads its React DevTools bridge only when DEV=true, through a dynamic import that a single-file
// bundle would turn into a static import of react-devtools-core (an optional peer we do not ship).
const withoutInkDevtools = {
  name: 'without-ink-devtools',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`) ? { path: 'ink-devtools', namespace: 'empty' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  plugins: [withoutInkDevtools],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __fnmonCreateRequire } from 'node:module'; const require = __fnmonCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
