// The insight views as a person uses them: the built binary with --demo in a pseudo-terminal. The
// stats table (i), the error fingerprints of the demo's failures (x), and the diff of two marked
// activations (m, j, m, d).
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startPty, type PtySession } from './pty.js';

let session: PtySession | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
});

const ACTIVATION_ROW = /^[› ][ *](now|\d+s ago)\s+\S+ (success|app error|dev error|internal|timeout)\s+\S+/m;
const STATS_ROW = /^[› ] [\w-]+\/[\w-]+(?: ⚠)? +\d+ +[\d.]+% /gm;

describe('fnmon --demo insights in a terminal', () => {
  it('shows the stats table, the error fingerprints and a diff', { timeout: 120_000 }, async () => {
    session = startPty(['--demo', '--seed', '3'], { cols: 120, rows: 40 });
    await session.waitFor((text) => (text.match(new RegExp(ACTIVATION_ROW, 'gm')) ?? []).length >= 8, '8 rows');

    session.press('i');
    const stats = await session.waitFor(
      (text) => text.includes('Stats · last 15 min') && (text.match(STATS_ROW) ?? []).length >= 3,
      'a stats table with function rows',
    );
    expect(stats).toMatch(/FUNCTION +CALLS↓ +ERR% +TIMEOUTS +COLD% +P50 +P95 +P99/);
    session.press(KEYS.escape);
    await session.waitFor((text) => text.includes('▸ Activations'), 'the list again');

    // The demo's api/users fails with "user <id> not found"; its summaries are fetched for the message.
    session.press('x');
    await session.waitFor(
      (text) => /\d+ .*api\/users.* user <n> not found/.test(text),
      'the user-not-found fingerprint',
      60_000,
    );
    session.press(KEYS.escape);
    await session.waitFor((text) => text.includes('▸ Activations'), 'the list again');

    session.press('m');
    await session.waitFor((text) => text.includes('mark one more with m'), 'the first mark');
    session.press('j');
    session.press('m');
    await session.waitFor((text) => text.includes('d compares the two marked'), 'the second mark');
    session.press('d');
    const diff = await session.waitFor(
      (text) => text.includes('Diff · older left, newer right') && text.includes('── result ──'),
      'the diff of the two',
    );
    expect(diff).toMatch(/[~ ] Function .*│/);
    expect(diff).toMatch(/[~ ] Status .*│/);

    session.press(KEYS.escape);
    await session.waitFor((text) => text.includes('▸ Activations'), 'the list again');
    session.press('q');
    expect((await session.exited).exitCode).toBe(0);
  });
});
