// The invoke history: newest first, private, bounded, and never a reason to fail.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvokeHistory, defaultHistoryFile } from '../../src/config/invoke-history.js';

let stateHome: string;
let warnings: string[];
let clock: number;

beforeEach(async () => {
  stateHome = await mkdtemp(join(tmpdir(), 'fnmon-state-'));
  warnings = [];
  clock = 1_000;
});
afterEach(async () => {
  await rm(stateHome, { recursive: true, force: true });
});

function history(options: { perFunction?: number; total?: number; file?: string } = {}): InvokeHistory {
  return new InvokeHistory({
    file: options.file ?? defaultHistoryFile({ XDG_STATE_HOME: stateHome }),
    warn: (message) => warnings.push(message),
    now: () => (clock += 1),
    ...options,
  });
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('invoke history', () => {
  it('keeps what was sent under the XDG state dir, newest first, per function', async () => {
    const kept = history();
    await kept.record('sample/hello', { name: 'Ada' });
    await kept.record('billing/charge', { amount: 3 });
    await kept.record('sample/hello', { name: 'Zed' });
    expect(kept.file).toBe(join(stateHome, 'fnmon', 'invoke-history.json'));
    const entries = await history().entries('sample/hello');
    expect(entries.map((entry) => entry.params)).toEqual([{ name: 'Zed' }, { name: 'Ada' }]);
    expect(entries[0]!.sentAt).toBeGreaterThan(entries[1]!.sentAt);
    expect(await history().entries('api/users')).toEqual([]);
  });

  it('moves a repeated parameter set to the top instead of keeping it twice', async () => {
    const kept = history();
    await kept.record('sample/hello', { name: 'Ada', n: { a: 1, b: 2 } });
    await kept.record('sample/hello', { name: 'Zed' });
    await kept.record('sample/hello', { n: { b: 2, a: 1 }, name: 'Ada' });
    expect((await kept.entries('sample/hello')).map((entry) => entry.params.name)).toEqual(['Ada', 'Zed']);
  });

  it('creates the file with mode 0600 and keeps it so on every rewrite', async () => {
    const kept = history();
    await kept.record('sample/hello', { name: 'Ada' });
    expect(await modeOf(kept.file)).toBe(0o600);
    await chmod(kept.file, 0o644);
    await kept.record('sample/hello', { name: 'Zed' });
    expect(await modeOf(kept.file)).toBe(0o600);
  });

  it('is bounded per function and in total, dropping the oldest', async () => {
    const kept = history({ perFunction: 3, total: 5 });
    for (let i = 0; i < 5; i++) await kept.record('a/one', { i });
    for (let i = 0; i < 4; i++) await kept.record('b/two', { i });
    expect((await kept.entries('a/one')).map((entry) => entry.params.i)).toEqual([4, 3]);
    expect((await kept.entries('b/two')).map((entry) => entry.params.i)).toEqual([3, 2, 1]);
  });

  it('loses nothing when records are not awaited one by one', async () => {
    const kept = history();
    await Promise.all([1, 2, 3].map((i) => kept.record('sample/hello', { i })));
    expect((await kept.entries('sample/hello')).map((entry) => entry.params.i)).toEqual([3, 2, 1]);
  });

  it('starts afresh from a corrupt file, warning once', async () => {
    const kept = history();
    await mkdir(join(stateHome, 'fnmon'), { recursive: true });
    await writeFile(kept.file, '{"version":1,"entries":[{"fn":');
    expect(await kept.entries('sample/hello')).toEqual([]);
    await kept.record('sample/hello', { name: 'Ada' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('damaged');
    expect((await history().entries('sample/hello')).map((entry) => entry.params)).toEqual([{ name: 'Ada' }]);
    expect(JSON.parse(await readFile(kept.file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('treats a file of the wrong shape as corrupt', async () => {
    const kept = history();
    await mkdir(join(stateHome, 'fnmon'), { recursive: true });
    await writeFile(
      kept.file,
      JSON.stringify({ version: 1, entries: [{ fn: 'x', params: 'not an object', sentAt: 1 }] }),
    );
    expect(await kept.entries('x')).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('warns once and carries on when the history cannot be written', async () => {
    const blocker = join(stateHome, 'not-a-directory');
    await writeFile(blocker, '');
    const kept = history({ file: join(blocker, 'invoke-history.json') });
    await kept.record('sample/hello', { name: 'Ada' });
    await kept.record('sample/hello', { name: 'Zed' });
    expect(await kept.entries('sample/hello')).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not save the invoke history/);
  });

  it('does not remember parameter sets too large to keep', async () => {
    const kept = history();
    await kept.record('sample/hello', { blob: 'x'.repeat(70 * 1024) });
    expect(await kept.entries('sample/hello')).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
