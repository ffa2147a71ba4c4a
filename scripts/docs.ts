// `npm run docs`: regenerates the README's generated blocks — for now the key table, from the
// command table (src/tui/keymap.ts). test/tui/key-table.test.ts fails when README.md is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMANDS } from '../src/tui/keymap.js';
import { keyTableMarkdown } from '../src/tui/view/key-table.js';
import { writeBlock } from './lib/readme-markers.js';

const README = 'README.md';
const before = readFileSync(README, 'utf8');
const after = writeBlock(before, 'keys', keyTableMarkdown(COMMANDS));
if (after === before) console.log(`${README}: the key table is current`);
else {
  writeFileSync(README, after);
  console.log(`${README}: key table regenerated`);
}
