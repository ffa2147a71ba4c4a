// Runs a compiled benchmark entry point in a child process on this Node, and returns the JSON
// value it prints as its last stdout line. stderr passes through (progress, warnings).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildOptions {
  /** Node flags, e.g. --expose-gc. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export function runChild<T>(benchDir: string, entry: string, args: string[], options: ChildOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(benchDir, entry), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${entry} ${args.join(' ')} exited with ${code ?? signal}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${entry} printed no JSON result: ${last.slice(0, 200)}`));
      }
    });
  });
}
