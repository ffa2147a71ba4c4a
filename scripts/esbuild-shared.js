// esbuild settings shared by the CLI build (build.js) and the benchmark build (build-bench.js),
// so the benchmarks run the same code the binary ships: production React, no Ink devtools.

// Ink loads its React DevTools bridge only when DEV=true, through a dynamic import that a single-file
// bundle would turn into a static import of react-devtools-core (an optional peer we do not ship).
export const withoutInkDevtools = {
  name: 'without-ink-devtools',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`) ? { path: 'ink-devtools', namespace: 'empty' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// yoga-layout (Ink's layout engine) carries its WebAssembly as a data: URL and, when a global fetch
// exists, reads it with fetch() — which makes Node load its whole fetch implementation at start-up,
// about 40 ms of the monitor's first frame (bench/: start-up). Without fetch in sight it decodes the
// same bytes itself.
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(builder) {
    builder.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const opening = 'var loadYoga = (() => {';
      if (!source.includes(opening)) throw new Error(`yoga-without-fetch: '${opening}' not found in ${args.path}`);
      // Shadowed inside the loader's own function, so nothing else in the chunk loses fetch.
      return { contents: source.replace(opening, `${opening} var fetch;`), loader: 'js' };
    });
  },
};

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  legalComments: 'none',
  plugins: [withoutInkDevtools, yogaWithoutFetch],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __fnmonCreateRequire } from 'node:module'; const require = __fnmonCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};
