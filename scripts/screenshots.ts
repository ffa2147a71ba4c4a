// `npm run screenshots`: pictures of the real monitor on the demo, into screenshots/ (SVG, and PNG
// when rsvg-convert is installed). `-- --only stream,help` takes some; `-- --out DIR` writes elsewhere.
// A screen that cannot be taken is reported and the others are still taken; the exit code is then 1.
import { parseArgs } from 'node:util';
import { takeScreenshots } from './lib/screenshot-session.js';

const { values } = parseArgs({
  options: { only: { type: 'string' }, out: { type: 'string', default: 'screenshots' } },
});
const names = values.only?.split(',').map((name) => name.trim());
const run = await takeScreenshots(values.out, names);
for (const file of run.written) console.log(`wrote ${file}`);
for (const { name, error } of run.failed) console.error(`screenshots: ${name} failed: ${error}`);
process.exitCode = run.failed.length > 0 ? 1 : 0;
