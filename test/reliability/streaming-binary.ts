// The built binary as a long-running child process (`fnmon tail` that follows): its output is read
// line by line while it runs, so a test can change the emulator's faults and watch what it says.
import { spawn } from 'node:child_process';
import { BIN } from '../e2e/binary.js';

export interface StreamingRun {
  stdoutLines(): string[];
  stderrLines(): string[];
  /** Resolves with the first stderr line matching `pattern` that arrives after `fromLine`; throws after the timeout. */
  waitForStderr(pattern: RegExp, description: string, fromLine?: number, timeoutMs?: number): Promise<string>;
  /** Waits until `condition` holds, checking every 100 ms; throws after the timeout. */
  waitUntil(condition: () => boolean, description: string, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startBinary(args: string[], env: NodeJS.ProcessEnv): StreamingRun {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const complete = (text: string) => text.split('\n').slice(0, -1);
  const stderrLines = () => complete(out.stderr);

  const waitUntil = async (condition: () => boolean, description: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}; stderr:\n${out.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    stdoutLines: () => complete(out.stdout),
    stderrLines,
    waitUntil,
    waitForStderr: async (pattern, description, fromLine = 0, timeoutMs) => {
      const match = () =>
        stderrLines()
          .slice(fromLine)
          .find((line) => pattern.test(line));
      await waitUntil(() => match() !== undefined, description, timeoutMs);
      return match()!;
    },
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
