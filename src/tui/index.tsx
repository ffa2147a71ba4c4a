// Entry point of the interactive monitor: full screen on the alternate screen buffer until the
// person quits (q, :q, ctrl-c) or the caller aborts (e.g. on SIGTERM). Ink leaves the alternate
// screen and restores the terminal on every one of those paths, and on process exit.
import { render } from 'ink';
import type { MonitorService } from '../core/monitor.js';
import { App } from './App.js';
import { resolveKeymap, type KeymapOverrides } from './keymap-overrides.js';

export type { KeymapOverrides } from './keymap-overrides.js';

export interface MonitorOptions {
  /** config.yaml's `keys:` section: `{commandId: [key, ...]}`; bad entries become a warning. */
  keymapOverrides?: KeymapOverrides;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Aborting it closes the monitor, e.g. from the caller's SIGTERM handler. */
  signal?: AbortSignal;
  /** Where `s` writes its file (default: the current directory). */
  saveDir?: string;
}

/**
 * Runs the monitor until it exits. Resolves once the terminal is restored; rejects if rendering
 * failed. The service stays open: the caller closes it.
 */
export async function runMonitor(service: MonitorService, options: MonitorOptions = {}): Promise<void> {
  const { commands, warnings } = resolveKeymap(options.keymapOverrides);
  const instance = render(<App service={service} commands={commands} warnings={warnings} saveDir={options.saveDir} />, {
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    // Only called with a terminal; Ink's own guess says "not interactive" whenever CI is set,
    // which would also turn off the alternate screen in a pty under CI.
    interactive: true,
    alternateScreen: true,
    incrementalRendering: true,
    maxFps: 30,
    // q and ctrl-c are commands (ctrl-c must also work from the filter bar); Ink must not exit on its own.
    exitOnCtrlC: false,
  });
  const { signal } = options;
  const onAbort = () => instance.unmount();
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await instance.waitUntilExit();
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
