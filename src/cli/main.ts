// Process entry point: wires the real process streams into run() and sets the exit code.
import { run } from './run.js';

// Exit explicitly: pollers and keep-alive sockets must not hold a finished command open.
// (stdout and stderr are synchronous for files and pipes on Linux, so nothing written is lost.)
try {
  process.exit(await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }));
} catch (error) {
  // A bug, not a user error: one line, no stack trace unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`fnmon: internal error: ${message}\n`);
  if (process.env.FNMON_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  process.exit(1);
}
