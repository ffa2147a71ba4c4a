// Process entry point: wires the real process streams into run() and sets the exit code.
import { crashReport, onUncaughtError, restoreTerminal } from './crash.js';
import { run } from './run.js';

/** Resolves once everything written to `stream` so far has left the process (or cannot). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

// Exit explicitly (pollers and keep-alive sockets must not hold a finished command open), but only
// once the output is out: writes to a pipe are asynchronous, so exiting at once would cut
// `fnmon get ID --output json | jq` off at the pipe's 64 KiB buffer.
async function exit(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

// A bug, not a user error: give the terminal back, then one line, no stack trace unless asked for.
function crash(error: unknown): void {
  restoreTerminal();
  process.stderr.write(crashReport(error, process.env));
  void exit(1);
}

// A reader that goes away (`| head`) is a normal way to stop reading, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? void exit(0) : crash(error)));
onUncaughtError(crash);

try {
  await exit(await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
} catch (error) {
  crash(error);
}
