// The end-to-end rig: the built binary in a real pseudo-terminal, its output fed to a headless
// xterm so tests read the screen a person would see (and the screenshot script can render it).
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { BIN } from './binary.js';

const { Terminal } = xterm;

/**
 * Cell widths as most terminals count them (xterm, VTE, tmux, VS Code): each code point on its
 * own, by current Unicode tables (string-width's), where xterm.js's built-in Unicode 6 tables make
 * emoji one column wide. Zero-width code points join the cell before them. The bit layout of the
 * returned value is xterm.js's (UnicodeService.createPropertyValue).
 */
const CODE_POINT_WIDTHS = {
  version: 'code-points',
  wcwidth: (codepoint: number) => stringWidth(String.fromCodePoint(codepoint)) as 0 | 1 | 2,
  charProperties(codepoint: number, preceding: number): number {
    let width: number = this.wcwidth(codepoint);
    const precedingWidth = (preceding >> 1) & 3;
    const join = width === 0 && preceding !== 0 && precedingWidth !== 0;
    if (join) width = Math.max(width, precedingWidth);
    return ((width & 3) << 1) | (join ? 1 : 0);
  },
};

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
  /** The process the pty runs (the binary, or the shell of `shell`). */
  pid: number;
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

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
  /** Working directory (where `s` saves); the test's own by default. */
  cwd?: string;
  /** Run this command line instead of the binary (args are then ignored), e.g. ['/bin/sh', '-c', '…']. */
  shell?: [string, ...string[]];
}

export function startPty(args: string[], options: PtyOptions = {}): PtySession {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  terminal.unicode.register(CODE_POINT_WIDTHS);
  terminal.unicode.activeVersion = CODE_POINT_WIDTHS.version;
  let raw = '';
  const [file, ...argv] = options.shell ?? [process.execPath, BIN, ...args];
  const child = pty.spawn(file, argv, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env: definedOnly({ ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...options.env }),
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
    pid: child.pid,
    terminal,
    kill: (signal) => child.kill(signal),
  };
}

/** node-pty passes `undefined` on as the text "undefined"; child_process leaves such variables unset. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
