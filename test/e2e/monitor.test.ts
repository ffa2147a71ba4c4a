// The monitor as a person uses it: the built binary with --demo in a pseudo-terminal, driven by
// keys, asserting on the screen an xterm reconstructs from its output.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startPty, type PtySession } from './pty.js';

let session: PtySession | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
});

const ACTIVATION_ROW = /^[› ] (now|\d+s ago)\s+\S+ (success|app error|dev error|internal|timeout)\s+(\S+)/;

function listRows(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => ACTIVATION_ROW.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[2]!, match[3]!]);
}

describe('fnmon --demo in a terminal', () => {
  it('shows live rows, filters, errors only, the detail of the selection, and restores the terminal on q', { timeout: 90_000 }, async () => {
    session = startPty(['--demo', '--seed', '3'], { cols: 120, rows: 40 });
    await session.waitFor((text) => listRows(text).length >= 8, 'at least 8 activation rows');
    expect(session.output()).toContain('\x1b[?1049h');

    // Filter to one function: every row shows it.
    session.press('/');
    await session.waitFor((text) => text.includes('Enter keep'), 'the filter bar');
    session.press('fn:sample/hello');
    session.press(KEYS.enter);
    await session.waitFor(
      (text) => listRows(text).length > 0 && listRows(text).every(([, fn]) => fn === 'sample/hello'),
      'only sample/hello rows',
    );

    // Clear the filter, then errors only.
    session.press('/');
    await session.waitFor((text) => text.includes('Enter keep'), 'the filter bar');
    session.press('\x15'); // ctrl-u clears the input line
    session.press(KEYS.enter);
    await session.waitFor((text) => text.includes('no filter'), 'the filter cleared');
    session.press('e');
    await session.waitFor(
      (text) => listRows(text).length > 0 && listRows(text).every(([status]) => status !== 'success'),
      'only failed rows',
      30_000,
    );

    // Enter opens the detail of the selected activation, with its full record.
    session.press(KEYS.enter);
    const detail = await session.waitFor((text) => text.includes('"activationId"'), 'the full record in the detail pane');
    const selectedId = /^id\s+([0-9a-f]{32})/m.exec(detail)?.[1];
    expect(selectedId).toBeDefined();
    expect(detail).toContain(`"activationId": "${selectedId}"`);

    session.press('q');
    session.press('q');
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    expect(session.output()).toContain('\x1b[?1049l');
  });

  it('leaves the alternate screen when terminated by a signal', async () => {
    session = startPty(['--demo'], { cols: 80, rows: 24 });
    await session.waitFor((text) => listRows(text).length >= 1, 'a row');
    session.kill('SIGTERM');
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
    expect(session.output()).toContain('\x1b[?1049l');
  });
});
