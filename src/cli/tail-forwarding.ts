// Sets up forwarded logs for `tail --logs`: read credentials, project.yml, the pollers, and the
// stderr reports (a malformed LOG_DESTINATIONS per function, each destination's trouble).
import { MAX_FUNCTION_TIMEOUT_MS } from '../core/tail.js';
import type { ConnectionFlags } from '../config/target.js';
import type { ForwardedLogs } from '../core/forwarded.js';
import type { Connection } from './connect.js';
import { loadForwardingInputs, namespaceOf, wireForwardedLogs } from './forwarded-wiring.js';
import { ForwardedTailPrinter, sourceHealthReporter, type PrinterOptions } from './tail-forwarded.js';

/** An activation delivered now may have started this long ago, and its lines with it. */
const LINES_LEAD_MS = MAX_FUNCTION_TIMEOUT_MS;

export interface TailForwarding {
  forwarded: ForwardedLogs;
  printer(options: Omit<PrinterOptions, 'forwarded' | 'hint'>): ForwardedTailPrinter;
  close(): Promise<void>;
}

export interface TailForwardingSetup {
  connection: Connection;
  flags: Pick<ConnectionFlags, 'context' | 'insecure'>;
  env: NodeJS.ProcessEnv;
  /** --project DIR. */
  project: string | undefined;
  /** --since, when given. */
  since: number | undefined;
  /** One line to stderr (without the "fnmon: " prefix). */
  stderr: (line: string) => void;
}

export async function startTailForwarding(setup: TailForwardingSetup): Promise<TailForwarding> {
  const { connection, stderr } = setup;
  const inputs = await loadForwardingInputs(setup.env, connection.config, setup.flags, {
    path: setup.project ?? process.cwd(),
    explicit: setup.project !== undefined,
  });
  inputs.warnings.forEach(stderr);
  const { namespace } = connection.target;
  const wiring = wireForwardedLogs(inputs, {
    since: Math.min(setup.since ?? Date.now(), Date.now()) - LINES_LEAD_MS,
    namespace: () => (namespace && namespace !== '_' ? Promise.resolve(namespace) : namespaceOf(connection.client)),
  });
  const { forwarded } = wiring;
  for (const { fn, problem } of forwarded.destinationProblems())
    stderr(`LOG_DESTINATIONS of ${fn} in project.yml: ${problem}`);
  const stopReporting = forwarded.subscribe(sourceHealthReporter(forwarded, stderr));
  return {
    forwarded,
    printer: (options) =>
      new ForwardedTailPrinter({
        ...options,
        forwarded,
        hint: (text) => text.split('\n').forEach((line) => stderr(line)),
      }),
    close: async () => {
      stopReporting();
      await wiring.close();
    },
  };
}
