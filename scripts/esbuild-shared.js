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

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  jsx: 'automatic',
  legalComments: 'none',
  plugins: [withoutInkDevtools],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __fnmonCreateRequire } from 'node:module'; const require = __fnmonCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
};
