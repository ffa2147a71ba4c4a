// Rendering at a fixed terminal size, and typing keys, with ink-testing-library.
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';

export type Rendered = ReturnType<typeof render>;

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  backspace: '\x7f',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlU: '\x15',
} as const;

export function tick(ms = 30): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** ink-testing-library's stdout is 100 columns and no rows; give it a real size. */
export function setSize(instance: Rendered, columns: number, rows: number): void {
  Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
  instance.stdout.emit('resize');
}

export async function renderAt(tree: ReactElement, columns: number, rows: number): Promise<Rendered> {
  const instance = render(tree);
  setSize(instance, columns, rows);
  await tick();
  return instance;
}

/**
 * Types each key and waits for its frame. Keys are handled synchronously, except Esc: Ink holds it
 * for a moment to tell it from the start of an escape sequence, so wait for the next frame.
 */
export async function press(instance: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const framesBefore = instance.frames.length;
    instance.stdin.write(key);
    if (key === KEYS.esc) {
      const deadline = Date.now() + 500;
      while (instance.frames.length === framesBefore && Date.now() < deadline) await tick(10);
    }
    await tick(20);
  }
}

export async function type(instance: Rendered, text: string): Promise<void> {
  for (const char of text) await press(instance, char);
}

// eslint-disable-next-line no-control-regex -- colour codes are what this strips
const SGR = /\x1b\[[0-9;]*m/g;

/** The last frame without colour codes (present when FORCE_COLOR is set). */
export function frame(instance: Rendered): string {
  return (instance.lastFrame() ?? '').replace(SGR, '');
}

/** Waits until the frame satisfies `check` (live data and fetches arrive on their own time). */
export async function until(instance: Rendered, check: (frame: string) => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check(frame(instance))) {
    if (Date.now() > deadline) return; // the assertion that follows reports what was on screen
    await tick(20);
  }
}

export function frameLines(instance: Rendered): string[] {
  return frame(instance).split('\n');
}
