// `fnmon` in a terminal with no credentials anywhere: a full screen that says what was tried and
// how to fix it (or try the demo), and q quits with exit status 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CREDENTIAL_ENV } from '../config/home.js';
import { startPty, type PtySession } from './pty.js';

let session: PtySession | undefined;
let home: string | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('fnmon without credentials in a terminal', () => {
  it('shows the no-credentials screen and quits with 1 on q', { timeout: 60_000 }, async () => {
    home = mkdtempSync(join(tmpdir(), 'fnmon-e2e-nocreds-'));
    // Empty, not unset: the pty gets the parent's environment underneath, and fnmon ignores empty values.
    const unset = Object.fromEntries(Object.keys(NO_CREDENTIAL_ENV).map((name) => [name, '']));
    const env = {
      ...unset,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_STATE_HOME: join(home, 'state'),
    };
    session = startPty([], { cols: 100, rows: 30, env });
    const screen = await session.waitFor((text) => text.includes('Press q to quit.'), 'the no-credentials screen');
    expect(screen).toContain('fnmon cannot connect to a namespace yet');
    expect(screen).toContain('no credentials found. Tried:');
    expect(screen).toContain('To look around first, try the demo: fnmon --demo');
    expect(session.output()).toContain('\x1b[?1049h');
    session.press('q');
    expect((await session.exited).exitCode).toBe(1);
    expect(session.output()).toContain('\x1b[?1049l');
  });
});
