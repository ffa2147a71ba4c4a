// Every benchmark suite the runner knows, in the order a full run goes through them.
// A new suite (e.g. a soak test) is a module exporting a Suite, added to this list.
import type { Suite } from './lib/suite.js';
import { memorySuite } from './memory.bench.js';
import { renderSuite } from './render.bench.js';
import { soakSuite } from './soak.bench.js';
import { startupSuite } from './startup.bench.js';
import { tailSuite } from './tail.bench.js';

export const SUITES: readonly Suite[] = [tailSuite, renderSuite, memorySuite, startupSuite, soakSuite];
