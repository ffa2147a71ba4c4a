// What happens when fnmon has a bug: the terminal is given back first (a full-screen view leaves
// the alternate screen, the cursor shows, raw mode ends), then one line says what went wrong;
// the stack only with FNMON_DEBUG. Used for errors that escape a command and for exceptions and
// rejections nobody caught (a throw in a timer or a stream handler), which Node would otherwise
// print as a stack trace onto the alternate screen, where it vanishes.
import { sanitize } from '../core/sanitize.js';

const SHOW_CURSOR = '\x1b[?25h';
const restorers = new Set<() => void>();

/** Registers how to give the terminal back if fnmon crashes now; returns the unregistration. */
export function restoreTerminalOnCrash(restore: () => void): () => void {
  restorers.add(restore);
  return () => restorers.delete(restore);
}

/** The one line (two with FNMON_DEBUG: the stack) that reports a bug. */
export function crashReport(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = error instanceof Error ? error.message : String(error);
  // The message may quote data (a JSON parse error quotes its input): keep it terminal-safe.
  const line = `fnmon: internal error: ${sanitize(message)}\n`;
  return env.FNMON_DEBUG && error instanceof Error && error.stack ? `${line}${error.stack}\n` : line;
}

/** Gives the terminal back: every registered restorer (e.g. unmounting the monitor), then cooked mode. */
export function restoreTerminal(): void {
  for (const restore of [...restorers]) {
    try {
      restore();
    } catch {
      // Already crashing: restore what can be restored.
    }
  }
  restorers.clear();
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
}

/** Turns uncaught exceptions and unhandled rejections into `fail(error)` instead of Node's stack dump. */
export function onUncaughtError(fail: (error: unknown) => void): void {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

const CRASH_AFTER_MS = 1500;

/**
 * Test hook, documented in the README: FNMON_TEST_CRASH=uncaught|rejection makes the running
 * monitor throw from a timer (or reject a promise nobody awaits) once its first frames are up,
 * so tests can check that a crash gives the terminal back. Nothing else reads the variable.
 */
export function scheduleTestCrash(env: NodeJS.ProcessEnv): () => void {
  const mode = env.FNMON_TEST_CRASH;
  if (mode !== 'uncaught' && mode !== 'rejection') return () => undefined;
  const timer = setTimeout(() => {
    const error = new Error(`crash on purpose (FNMON_TEST_CRASH=${mode})`);
    if (mode === 'uncaught') throw error;
    void Promise.reject(error);
  }, CRASH_AFTER_MS);
  return () => clearTimeout(timer);
}
