// Hostile records through the real client and the built binary: `tail` (text and JSON), `get` and
// `logs` finish, print every record exactly once, keep columns aligned, emit valid JSON lines and
// put nothing on stdout or stderr that a terminal would act on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/logline.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { runBinary, type RunResult } from '../e2e/binary.js';
import { hostileRecords, type HostileRecord } from './hostile-records.js';
import { unsafeInPlainText } from './terminal-scan.js';

let emulator: RunningEmulator;
let records: HostileRecord[];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  records = hostileRecords(Date.now());
  emulator = await startEmulator({ traffic: false, load: records.map(({ record }) => record) });
  env = { ...tempHome().env, FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth, NO_COLOR: '1' };
});

afterAll(async () => {
  await emulator.close();
});

const fnmon = (args: string[]) => runBinary(args, { env, timeoutMs: 60_000 });
const idOf = ({ record }: HostileRecord) => record.activationId as string;

function expectInert(result: RunResult, what: string): void {
  expect(unsafeInPlainText(result.stdout), `stdout of ${what}`).toEqual([]);
  expect(unsafeInPlainText(result.stderr), `stderr of ${what}`).toEqual([]);
}

/** Runs `count` commands at most `parallel` at a time (2 cores: more only adds contention). */
async function inBatches<T>(items: T[], parallel: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let index = 0; index < items.length; index += parallel) {
    await Promise.all(items.slice(index, index + parallel).map(run));
  }
}

describe('fnmon tail with hostile records', () => {
  it('prints one aligned, inert text line per record', async () => {
    const result = await fnmon(['tail', '--since', '10m', '--no-follow']);
    expect(result.code).toBe(0);
    expectInert(result, 'tail');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(records.length);
    // Everything before the id column has the same display width on every line.
    const idColumn = records.map((record) => {
      const line = lines.find((candidate) => candidate.includes(idOf(record)));
      expect(line, record.label).toBeDefined();
      return displayWidth(line!.slice(0, line!.indexOf(idOf(record))));
    });
    expect(new Set(idColumn).size).toBe(1);
  });

  it('prints every log line inertly with --logs, the 20,000 lines and the 256 KiB line included', async () => {
    const result = await fnmon(['tail', '--since', '10m', '--no-follow', '--logs']);
    expect(result.code).toBe(0);
    expectInert(result, 'tail --logs');
    expect(result.stdout).toContain('line 19999');
    expect(result.stdout).toMatch(/x{262144}/);
  });

  it.each([[[]], [['--logs']], [['--raw']]])('prints valid JSON lines, every record once, with %j', async (extra) => {
    const result = await fnmon(['tail', '--since', '10m', '--no-follow', '--output', 'json', ...extra]);
    expect(result.code).toBe(0);
    expectInert(result, `tail --output json ${extra.join(' ')}`);
    const ids = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { activationId: string }).activationId);
    expect(ids.sort()).toEqual(records.map(idOf).sort());
  });
});

describe('fnmon get and logs with hostile records', () => {
  it('show every record and its logs inertly', { timeout: 120_000 }, async () => {
    // JSON output is the record as received, the same code path for all: a few kinds suffice.
    const jsonToo = new Set([
      'escapes in result keys and values',
      '256 KiB log line',
      '500-level nesting',
      'non-hex activation id',
    ]);
    const runs = records.flatMap((record) => [
      ['get', idOf(record)],
      ['logs', idOf(record)],
      ...(jsonToo.has(record.label) ? [['get', idOf(record), '--output', 'json']] : []),
    ]);
    const codes: Array<number | null> = [];
    await inBatches(runs, 4, async (args) => {
      const result = await fnmon(args);
      expectInert(result, args.join(' '));
      if (args.includes('json') && result.code === 0) expect(() => JSON.parse(result.stdout)).not.toThrow();
      codes.push(result.code);
    });
    // The one id that is not 32 hex digits is refused by the API (400): a usage error, exit 2.
    const refused = runs.filter((args) => !/^[0-9a-f]{32}$/.test(args[1]!)).length;
    expect(codes.filter((code) => code === 0)).toHaveLength(runs.length - refused);
    expect(codes.filter((code) => code === 2)).toHaveLength(refused);
  });
});
