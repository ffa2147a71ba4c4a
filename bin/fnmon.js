#!/usr/bin/env node
// Launcher. NO_COLOR must become FORCE_COLOR=0 before Ink (and chalk) load,
// because they read the colour level once, at import time.
import { enableCompileCache } from 'node:module';

if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') {
  process.env.FORCE_COLOR = '0';
}
// V8 keeps the compiled bundle on disk (in Node's cache directory under the temp dir) so later
// starts skip parsing it: a third of the monitor's start-up (bench/: startup). Best effort.
enableCompileCache?.();
await import('../dist/fnmon.js');
