// The monitor gives the terminal back however it ends: on SIGINT, SIGTERM and SIGHUP, and when it
// crashes (FNMON_TEST_CRASH makes it). The binary runs under `sh` in a pty, so `stty` can report
// the terminal's modes after fnmon is gone: echo and canonical input must be back on.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../e2e/binary.js';
import { startPty, type PtySession } from '../e2e/pty.js';

const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const STTY_MARK = 'STTY:';

let session: PtySession | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
});

/** The monitor on the demo emulator under `sh`, which prints the terminal modes once it has exited. */
function startMonitor(env: NodeJS.ProcessEnv = {}): PtySession {
  const script = `"${process.execPath}" "${BIN}" --demo; echo "EXIT:$?"; echo "${STTY_MARK}$(stty -a | tr '\\n' ' ')"`;
  session = startPty([], { cols: 100, rows: 30, env, shell: ['/bin/sh', '-c', script] });
  return session;
}

async function runningMonitor(): Promise<{ monitor: PtySession; fnmonPid: number }> {
  const monitor = startMonitor();
  await monitor.waitFor((text) => /\d+s ago|now/.test(text), 'a first activation row');
  return { monitor, fnmonPid: childOf(monitor.pid) };
}

function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

/** Waits for the shell's report and returns what fnmon wrote after leaving the alternate screen. */
async function afterExit(monitor: PtySession): Promise<{ exitCode: number; tail: string; stty: string }> {
  await monitor.exited;
  const raw = monitor.output();
  const left = raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
  expect(left, 'left the alternate screen').toBeGreaterThan(raw.lastIndexOf('\x1b[?1049h'));
  const tail = raw.slice(left + LEAVE_ALTERNATE_SCREEN.length);
  return {
    exitCode: Number(/EXIT:(\d+)/.exec(tail)?.[1]),
    tail: tail.slice(0, tail.indexOf('EXIT:')),
    stty: tail.slice(tail.indexOf(STTY_MARK)),
  };
}

function expectCookedMode(stty: string): void {
  expect(stty).toMatch(/(?<!-)\bicanon\b/);
  expect(stty).toMatch(/(?<!-)\becho\b/);
}

describe('the monitor gives the terminal back', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s', { timeout: 60_000 }, async (signal) => {
    const { monitor, fnmonPid } = await runningMonitor();
    process.kill(fnmonPid, signal);
    const { exitCode, tail, stty } = await afterExit(monitor);
    expect(exitCode).toBe(0);
    expect(tail.startsWith(SHOW_CURSOR)).toBe(true);
    expectCookedMode(stty);
  });

  it.each(['uncaught', 'rejection'])(
    'when it crashes (%s), then prints one line without a stack',
    { timeout: 60_000 },
    async (mode) => {
      const monitor = startMonitor({ FNMON_TEST_CRASH: mode });
      const { exitCode, tail, stty } = await afterExit(monitor);
      expect(exitCode).toBe(1);
      expect(tail).toContain(SHOW_CURSOR);
      const printed = tail.replaceAll(SHOW_CURSOR, '').trim().split(/\r?\n/);
      expect(printed).toEqual([`fnmon: internal error: crash on purpose (FNMON_TEST_CRASH=${mode})`]);
      expectCookedMode(stty);
    },
  );

  it('shows the stack of a crash with FNMON_DEBUG', { timeout: 60_000 }, async () => {
    const monitor = startMonitor({ FNMON_TEST_CRASH: 'uncaught', FNMON_DEBUG: '1' });
    const { exitCode, tail } = await afterExit(monitor);
    expect(exitCode).toBe(1);
    expect(tail).toMatch(/internal error: crash on purpose[\s\S]*\n\s+at .*\.js:\d+/);
  });
});
