// The end-to-end rig: the built binary in a real pseudo-terminal, its output fed to a headless
// xterm so tests read the screen a person would see (and the screenshot script can render it).
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN } from './binary.js';

const { Terminal } = xterm;

export interface PtySession {
  /** The visible screen, one string per row (trailing spaces trimmed). */
  screen(): string[];
  screenText(): string;
  /** Sends raw input (use the KEYS table for special keys). */
  press(keys: string): void;
  /** Waits until the screen satisfies `predicate`; throws with the screen when it never does. */
  waitFor(predicate: (text: string) => boolean, description: string, timeoutMs?: number): Promise<string>;
  /** Raw bytes the program wrote (to check escape sequences such as the alternate screen). */
  output(): string;
  exited: Promise<{ exitCode: number; signal?: number }>;
  terminal: InstanceType<typeof Terminal>;
  kill(signal?: string): void;
}

export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlC: '\x03',
} as const;

export function startPty(args: string[], options: { cols?: number; rows?: number; env?: NodeJS.ProcessEnv } = {}): PtySession {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  let raw = '';
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: process.cwd(),
    env: { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...options.env } as Record<string, string>,
  });
  child.onData((data) => {
    raw += data;
    terminal.write(data);
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit(resolve));

  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row += 1) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines;
  };
  const screenText = () => screen().join('\n');
  // xterm parses writes asynchronously; an empty write's callback marks "everything so far parsed".
  const flushed = () => new Promise<void>((resolve) => terminal.write('', resolve));

  return {
    screen,
    screenText,
    press: (keys) => child.write(keys),
    waitFor: async (predicate, description, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await flushed();
        const text = screenText();
        if (predicate(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}; screen:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    output: () => raw,
    exited,
    terminal,
    kill: (signal) => child.kill(signal),
  };
}
