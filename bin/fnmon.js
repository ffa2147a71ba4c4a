#!/usr/bin/env node
// Launcher. NO_COLOR must become FORCE_COLOR=0 before Ink (and chalk) load,
// because they read the colour level once, at import time.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') {
  process.env.FORCE_COLOR = '0';
}
await import('../dist/fnmon.js');
