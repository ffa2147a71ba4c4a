// The benchmark runner: `npm run bench [-- --quick] [--only NAME[,NAME]] [--out FILE] [--no-write]`.
// Runs the suites, prints each one's section, and writes them into BENCHMARKS.md (a full run;
// a --quick run writes only with --out, so the committed numbers are always from a full run).
// Benchmarks never fail on slow numbers: a missed target is reported, not an error.
import './lib/colour-on.js';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, machineLine } from './lib/machine.js';
import { updateReport, type Block } from './lib/report.js';
import type { BenchContext, SuiteResult } from './lib/suite.js';
import { SUITES } from './suites.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const wanted = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim());
const unknown = wanted.filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
const suites = wanted.length > 0 ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
const out = values['no-write'] ? undefined : (values.out ?? (values.quick ? undefined : 'BENCHMARKS.md'));

const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
const context: BenchContext = {
  quick: values.quick,
  benchDir: dirname(realpathSync(process.argv[1]!)),
  log: (line) => process.stderr.write(`bench: ${line}\n`),
};

const blocks: Block[] = [];
let crashed = false;
for (const suite of suites) {
  context.log(`running ${suite.name}…`);
  const machine = describeMachine(); // per suite: the load average changes while others work
  const started = Date.now();
  let result: SuiteResult;
  try {
    result = await suite.run(context);
  } catch (error) {
    crashed = true;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = { markdown: `The suite failed:\n\n\`\`\`\n${message}\n\`\`\``, targets: [] };
  }
  const when = new Date(started).toISOString().replace(/\.\d+Z$/, 'Z');
  const header =
    `_${values.quick ? 'Quick' : 'Full'} run, \`${command}\`, ${when} (${Math.round((Date.now() - started) / 1000)} s); ` +
    `${machineLine(machine)}._`;
  const targetLines = result.targets.map((t) => `- ${t.met ? '**met**' : '**missed**'}: ${t.target} (${t.detail})`);
  const content = [
    `## ${suite.title}`,
    '',
    header,
    '',
    result.markdown,
    '',
    ...(targetLines.length ? ['Targets:', '', ...targetLines] : []),
  ];
  const block = { name: suite.name, content: content.join('\n') };
  blocks.push(block);
  process.stdout.write(`\n${block.content}\n`);
}

if (out) {
  writeFileSync(out, updateReport(existsSync(out) ? readFileSync(out, 'utf8') : undefined, blocks));
  context.log(`wrote ${out}`);
}
process.exit(crashed ? 1 : 0);
