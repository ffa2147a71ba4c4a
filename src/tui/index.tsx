// Entry points of the interactive views: the monitor, and the screen shown without credentials.
// Both run full screen on the alternate screen buffer until the person quits (q, :q, ctrl-c) or
// the caller aborts (e.g. on SIGTERM). Ink leaves the alternate screen and restores the terminal
// on every one of those paths, and on process exit.
import { render, type Instance } from 'ink';
import type { ReactNode } from 'react';
import type { MonitorService } from '../core/monitor.js';
import { App } from './App.js';
import { NoCredentials } from './components/NoCredentials.js';
import { resolveKeymap, type KeymapOverrides } from './keymap-overrides.js';
import type { UiPreferences } from './state/ui-state.js';

export type { KeymapOverrides } from './keymap-overrides.js';
export type { UiPreferences } from './state/ui-state.js';

export interface TerminalOptions {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** Aborting it closes the view, e.g. from the caller's SIGTERM handler. */
  signal?: AbortSignal;
}

export interface MonitorOptions extends TerminalOptions {
  /** config.yaml's `keys:` section: `{commandId: [key, ...]}`; bad entries become a warning. */
  keymapOverrides?: KeymapOverrides;
  /** config.yaml's `ui:` section: how times, long lines and log timestamps start out. */
  preferences?: UiPreferences;
  /** Where `s` writes its file (default: the current directory). */
  saveDir?: string;
}

/**
 * Runs the monitor until it exits. Resolves once the terminal is restored; rejects if rendering
 * failed. The service stays open: the caller closes it.
 */
export async function runMonitor(service: MonitorService, options: MonitorOptions = {}): Promise<void> {
  const { commands, warnings } = resolveKeymap(options.keymapOverrides);
  await runFullScreen(
    <App
      service={service}
      commands={commands}
      warnings={warnings}
      saveDir={options.saveDir}
      preferences={options.preferences}
    />,
    options,
  );
}

/** The no-credentials screen: `message` says what was tried and how to fix it; q quits. */
export async function runNoCredentials(message: string, options: TerminalOptions = {}): Promise<void> {
  await runFullScreen(<NoCredentials message={message} commands={resolveKeymap().commands} />, options);
}

async function runFullScreen(tree: ReactNode, options: TerminalOptions): Promise<void> {
  const instance: Instance = render(tree, {
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
