// Every mistake a person can make on the command line, in config.yaml or in project.yml, through the
// built binary: exit 2, one line on stderr that names the flag, file, line or key, and never a
// stack trace. Mistakes in the command line's shape (unknown flag or command, missing value or
// argument) add a second line: the hint to run --help. Nothing here needs a server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempHome, type TempHome } from '../config/home.js';
import { runBinary, type RunResult } from '../e2e/binary.js';

interface Case {
  args: string[];
  /** What the first stderr line must contain. */
  says: string | RegExp;
  /** A shape mistake: the --help hint follows the line. */
  hint?: boolean;
  /** Writes config.yaml or project.yml first. */
  setup?: (home: TempHome) => void;
  /** Credentials for cases that get as far as building a client (nothing listens there). */
  credentials?: boolean;
}

const NOWHERE = { FNMON_APIHOST: 'http://127.0.0.1:9', FNMON_AUTH: 'uuid:key' };
const STACK_FRAME = /^\s+at .*:\d+/m;

const SHAPE: Case[] = [
  { args: ['--bogus'], says: "unknown option '--bogus'", hint: true },
  { args: ['frobnicate'], says: "unknown command 'frobnicate'", hint: true },
  { args: ['tail', '--output'], says: "option '--output' needs a value", hint: true },
  { args: ['tail', '--logs=yes'], says: "option '--logs' does not take a value", hint: true },
  { args: ['tail', 'extra'], says: "unexpected argument 'extra'", hint: true },
  { args: ['get'], says: 'missing ID', hint: true },
  { args: ['logs', 'a', 'b'], says: "unexpected argument 'b'", hint: true },
  { args: ['invoke'], says: 'missing PKG/FN', hint: true },
  { args: ['stats', '--nope'], says: "unknown option '--nope'", hint: true },
  { args: ['emulator', '--port'], says: "option '--port' needs a value", hint: true },
  { args: ['doctor', 'now'], says: "unexpected argument 'now'", hint: true },
  { args: ['-o'], says: "unknown option '-o'", hint: true },
  { args: ['tail', '-o'], says: "option '--output' needs a value", hint: true },
  {
    args: ['tail', '--count', '-3'],
    says: "option '--count' needs a value; for one starting with '-', write --count=VALUE",
    hint: true,
  },
  { args: ['bad\x07name\nhere'], says: "unknown command 'bad␇name⏎here'", hint: true },
];

const VALUES: Case[] = [
  {
    args: ['tail', '--since', 'yesterday'],
    says: "--since expects a duration like 10m or an ISO time like 2026-01-31T12:00Z (got 'yesterday')",
  },
  { args: ['tail', '--since', 'a\nb'], says: "(got 'a⏎b')" },
  { args: ['tail', '--exit-after', '0s'], says: "--exit-after expects a duration like 500ms, 10s or 5m (got '0s')" },
  { args: ['tail', '--poll', 'fast'], says: "--poll expects a duration like 500ms, 10s or 5m (got 'fast')" },
  { args: ['tail', '--count', '0'], says: "--count expects a positive whole number (got '0')" },
  { args: ['tail', '--count', '1.5'], says: "--count expects a positive whole number (got '1.5')" },
  { args: ['tail', '--count=-3'], says: "--count expects a positive whole number (got '-3')" },
  { args: ['tail', '--output', 'xml'], says: "--output must be one of text, json (got 'xml')" },
  { args: ['tail', '--raw'], says: '--raw only applies to --output json' },
  { args: ['tail', '--status', 'broken'], says: "unknown --status 'broken'" },
  { args: ['tail', '--function', 'a b'], says: "bad --function value 'a b'" },
  { args: ['--poll', '0ms'], says: "--poll expects a duration like 500ms, 10s or 5m (got '0ms')" },
  { args: ['--demo'], says: "the monitor needs a terminal; use 'fnmon tail' for pipes" },
  { args: ['get', 'abc', '--output', 'yaml'], says: "--output must be one of text, json (got 'yaml')" },
  { args: ['invoke', 'fn', '--output', 'csv'], says: "--output must be one of text, json (got 'csv')" },
  { args: ['invoke', 'fn', '-p', 'novalue'], says: "-p expects KEY=VALUE (got 'novalue')" },
  {
    args: ['invoke', 'fn', '--params', '/nonexistent/params.yaml'],
    says: 'cannot read /nonexistent/params.yaml: ENOENT',
  },
  { args: ['invoke', 'fn', '--read-only'], says: 'not invoking: --read-only is set' },
  { args: ['invoke', 'a/b/c'], says: "'a/b/c' is not a function name: use fn or pkg/fn", credentials: true },
  { args: ['stats', '--since', 'later'], says: '--since' },
  { args: ['stats', '--output', 'xml'], says: '--output must be one of' },
  { args: ['emulator', '--port', '70000'], says: "--port must be an integer from 0 to 65535 (got '70000')" },
  { args: ['emulator', '--rate', '0'], says: "--rate must be a positive number (got '0')" },
  { args: ['emulator', '--seed', 'x'], says: "--seed must be an integer (got 'x')" },
  { args: ['emulator', '--burst', '5'], says: "--burst must be N@EVERY, e.g. 500@20s (got '5')" },
  { args: ['emulator', '--max-duration', 'long'], says: '--max-duration must be a duration' },
  { args: ['emulator', '--faults', '500:2'], says: '--faults: fault probability must be a number from 0 to 1' },
  { args: ['emulator', '--faults', 'boom:0.1'], says: "--faults: unknown fault kind 'boom'" },
  { args: ['emulator', '--load', '/nonexistent.json'], says: "--load cannot read '/nonexistent.json' (ENOENT)" },
];

const CONNECTION: Case[] = [
  {
    args: ['tail', '--apihost', 'https://faas.example.com'],
    says: '--auth is missing (give --apihost and --auth together)',
  },
  { args: ['doctor', '--auth', 'uuid:key'], says: '--apihost is missing (give --apihost and --auth together)' },
  ...['tail', 'get', 'logs', 'invoke'].map((command) => ({
    args: [command, ...(command === 'tail' ? [] : ['x']), '--apihost', 'http://faas.example.com', '--auth', 'uuid:key'],
    says: 'refusing plain http to faas.example.com: use https, or pass --insecure to allow it',
  })),
  {
    args: ['doctor', '--apihost', 'http://10.0.0.1:8080', '--auth', 'uuid:key'],
    says: 'refusing plain http to 10.0.0.1:8080',
  },
  {
    args: ['get', 'x', '--apihost', 'ftp://faas.example.com', '--auth', 'uuid:key'],
    says: "unsupported scheme 'ftp:'",
  },
  { args: ['get', 'x', '--apihost', 'https://', '--auth', 'uuid:key'], says: "'https://' is not a valid host" },
  {
    args: ['get', 'x', '--apihost', 'https://faas.example.com', '--auth', 'no-colon'],
    says: 'the namespace key must have the form uuid:key',
  },
  { args: ['tail', '--context', 'prod'], says: '--context prod: no such context (there is no config.yaml)' },
];

const config = (text: string) => (home: TempHome) => home.writeConfig(text);
const CONFIG = 'config.yaml';
const FILES: Case[] = [
  { args: ['tail'], setup: config('contexts:\n  a: [1\n'), says: new RegExp(`${CONFIG}:\\d+:\\d+: contexts`) },
  { args: ['get', 'x'], setup: config('colour: red\n'), says: new RegExp(`${CONFIG}:1:1: colour: unknown key`) },
  {
    args: ['doctor'],
    setup: config('ui:\n  wrap: sometimes\n'),
    says: new RegExp(`${CONFIG}:2:3: ui.wrap: must be true or false`),
  },
  {
    args: ['invoke', 'fn'],
    setup: config('current-context: prod\ncontexts:\n  dev: {apihost: https://a, auth: "u:k"}\n'),
    says: new RegExp(`${CONFIG}:1:1: current-context: no context named 'prod'`),
  },
  // Without a terminal the default command is tail, which reads the config too.
  { args: ['--poll', '1s'], setup: config('keys: 7\n'), says: new RegExp(`${CONFIG}:1:1: keys: must be a mapping`) },
  {
    args: ['invoke', 'fn', '--project', 'PROJECT'],
    setup: (home) => home.write('project/project.yml', 'packages:\n  - name: p\n    functions: {}\n'),
    says: /project\.yml:3: packages\[0\]\.functions: must be a list/,
  },
  {
    args: ['invoke', 'fn', '--project', 'PROJECT'],
    setup: (home) => home.write('project/project.yml', 'packages:\n  - name: [\n'),
    says: /project\.yml:\d+:\d+: /,
  },
  {
    args: ['invoke', 'fn', '--params', 'PARAMS'],
    setup: (home) => home.write('params.yaml', 'a: 1\nb: [2\n'),
    says: /params\.yaml:\d+:\d+: /,
  },
];

let homes: Map<Case, TempHome>;
beforeAll(() => {
  homes = new Map([...FILES, ...SHAPE, ...VALUES, ...CONNECTION].map((entry) => [entry, tempHome()]));
  for (const [entry, home] of homes) {
    mkdirSync(join(home.home, 'project'), { recursive: true });
    entry.setup?.(home);
  }
});

function run(entry: Case): Promise<RunResult> {
  const home = homes.get(entry)!;
  const args = entry.args.map((arg) =>
    arg === 'PROJECT' ? join(home.home, 'project') : arg === 'PARAMS' ? join(home.home, 'params.yaml') : arg,
  );
  return runBinary(args, { env: { ...home.env, NO_COLOR: '1', ...(entry.credentials && NOWHERE) } });
}

describe.each([
  ['the command line’s shape', SHAPE],
  ['flag values', VALUES],
  ['connection flags', CONNECTION],
  ['config.yaml, project.yml and parameter files', FILES],
])('bad input: %s', (_group, cases) => {
  it.concurrent.each(cases.map((entry) => [entry.args.join(' '), entry] as const))(
    'fnmon %s: exit 2, one clear line, no stack trace',
    async (_name, entry) => {
      const result = await run(entry);
      const lines = result.stderr.trimEnd().split('\n');
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      if (typeof entry.says === 'string') expect(lines[0]).toContain(entry.says);
      else expect(lines[0]).toMatch(entry.says);
      expect(lines.slice(1)).toEqual(
        entry.hint ? [expect.stringMatching(/^run 'fnmon( \w+)? --help' for usage$/)] : [],
      );
    },
  );
});
