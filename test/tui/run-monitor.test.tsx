// runMonitor on a terminal: the alternate screen is entered, and left on every way out.
import { Console } from 'node:console';
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_CREDENTIALS_MESSAGE } from '../../src/config/target.js';
import { runMonitor, runNoCredentials } from '../../src/tui/index.js';
import { FakeMonitorService } from './fake-service.js';
import { FakeStdin } from './fake-stdin.js';
import { generatedRecords } from './data.js';
import { tick } from './render-helpers.js';

const ENTER_ALTERNATE = '\x1b[?1049h';
const LEAVE_ALTERNATE = '\x1b[?1049l';

/** A terminal's output side: a TTY with a size, recording what is written. */
class TerminalOut extends EventEmitter {
  readonly isTTY = true;
  columns = 100;
  rows = 30;
  written = '';
  write(chunk: string | Uint8Array, callback?: () => void): boolean {
    this.written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    callback?.();
    return true;
  }
}

function terminal() {
  const stdout = new TerminalOut();
  const stdin = new FakeStdin();
  return {
    stdout,
    stdin,
    streams: { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream },
  };
}

function service(): FakeMonitorService {
  const fake = new FakeMonitorService();
  fake.addRaw(generatedRecords(20, Date.now()));
  return fake;
}

/** Waits (up to a few seconds, for loaded machines) until the terminal has been sent `text`. */
async function untilWritten(stdout: TerminalOut, text: string | RegExp): Promise<void> {
  const seen = () => (typeof text === 'string' ? stdout.written.includes(text) : text.test(stdout.written));
  for (let waited = 0; !seen() && waited < 3000; waited += 20) await tick(20);
}

async function expectLeftAlternateScreen(stdout: TerminalOut, done: Promise<void>): Promise<void> {
  await done;
  expect(stdout.written).toContain(ENTER_ALTERNATE);
  expect(stdout.written.lastIndexOf(LEAVE_ALTERNATE)).toBeGreaterThan(stdout.written.lastIndexOf(ENTER_ALTERNATE));
}

// Ink patches the console (so stray logging cannot tear the frame) with `new console.Console`,
// which vitest's replacement console lacks.
beforeAll(() => {
  (console as unknown as { Console?: typeof Console }).Console ??= Console;
});

describe('runMonitor', () => {
  it('draws on the alternate screen and leaves it on q', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runMonitor(service(), streams);
    await untilWritten(stdout, 'Activations');
    expect(stdout.written).toContain('Activations');
    stdin.type('q');
    await expectLeftAlternateScreen(stdout, done);
  });

  it('leaves it on ctrl-c, even from the filter bar', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runMonitor(service(), streams);
    await tick(100);
    stdin.type('/');
    await tick(50);
    stdin.type('\x03');
    await expectLeftAlternateScreen(stdout, done);
  });

  it('leaves it on :q', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runMonitor(service(), streams);
    await tick(100);
    for (const key of [':', 'q', '\r']) {
      stdin.type(key);
      await tick(30);
    }
    await expectLeftAlternateScreen(stdout, done);
  });

  it('leaves it when the caller aborts (its SIGTERM handler)', async () => {
    const { stdout, streams } = terminal();
    const controller = new AbortController();
    const done = runMonitor(service(), { ...streams, signal: controller.signal });
    await tick(100);
    controller.abort();
    await expectLeftAlternateScreen(stdout, done);
  });

  it('applies key overrides and reports bad ones in the status line', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runMonitor(service(), { ...streams, keymapOverrides: { quit: ['Q'], bogus: ['x'] } });
    await untilWritten(stdout, "keys: unknown command 'bogus'");
    expect(stdout.written).toContain("keys: unknown command 'bogus'");
    stdin.type('Q');
    await expectLeftAlternateScreen(stdout, done);
  });

  it('starts with the preferences of config.yaml: absolute times, wrapping, no log timestamps', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runMonitor(service(), {
      ...streams,
      preferences: { timeFormat: 'absolute', wrap: true, logTimestamps: false },
    });
    await untilWritten(stdout, /› \d\d:\d\d:\d\d /);
    expect(stdout.written).toMatch(/› \d\d:\d\d:\d\d /);
    stdin.type('q');
    await expectLeftAlternateScreen(stdout, done);
  });
});

describe('runNoCredentials', () => {
  it('shows what was tried, the fix and the demo, and q quits', async () => {
    const { stdout, stdin, streams } = terminal();
    const done = runNoCredentials(NO_CREDENTIALS_MESSAGE, streams);
    await untilWritten(stdout, 'Press q to quit.');
    // eslint-disable-next-line no-control-regex -- stripping the escape sequences is the point
    const shown = stdout.written.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(shown).toContain('fnmon cannot connect to a namespace yet');
    expect(shown).toContain('~/.wskprops');
    expect(shown).toContain('To look around first, try the demo: fnmon --demo');
    expect(shown).toContain('Press q to quit.');
    stdin.type('j');
    await tick(30);
    stdin.type('q');
    await expectLeftAlternateScreen(stdout, done);
  });
});
